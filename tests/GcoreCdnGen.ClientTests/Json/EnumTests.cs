using ClientTests.Gcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.Json;

/// <summary>String-backed enums: known values are static members, unknown ones read, compare and round-trip.</summary>
public class EnumTests
{
    [Fact]
    public void A_value_the_spec_does_not_list_reads_compares_and_round_trips()
    {
        string json = """{"origin_type": "gcs", "config": {"app_id": "1"}}""";

        var source = Assert.IsType<OriginGroupFastedgeSource>(GcoreJson.Deserialize(json, OriginGroupSource.ReadJson));

        Assert.Equal("gcs", source.OriginType.Value);
        Assert.False(source.OriginType.IsKnown);
        Assert.NotEqual(OriginType.Fastedge, source.OriginType);
#pragma warning disable GCDN003 // a value the spec does not list, on purpose
        Assert.Equal(new OriginType("gcs"), source.OriginType);
        Assert.True(source.OriginType == "gcs");
#pragma warning restore GCDN003
        JsonAssert.Equivalent(json, GcoreJson.Serialize(source, static (w, s) => s.WriteJson(w)));
    }

    [Fact]
    public void Known_values_are_static_members_with_a_readable_ToString()
    {
        Assert.Equal("s3", OriginType.S3.ToString());
        Assert.True(OriginType.S3.IsKnown);
        Assert.Equal(OriginType.S3, (OriginType)"s3");
        Assert.Equal(OriginType.S3.GetHashCode(), new OriginType("s3").GetHashCode());
        Assert.Equal("amazon", $"{S3Type.Amazon}");
    }

    [Fact]
    public void A_known_value_read_from_JSON_is_the_static_member()
    {
        var read = GcoreJson.Deserialize("\"fastedge\"", OriginType.ReadJson);

        Assert.Same(OriginType.Fastedge.Value, read.Value);
    }

    [Fact]
    public void An_escaped_known_value_still_reads_as_known()
    {
        var read = GcoreJson.Deserialize("\"s\\u0033\"", OriginType.ReadJson);

        Assert.Equal(OriginType.S3, read);
    }

    [Fact]
    public void Null_for_an_enum_that_must_have_a_value_is_an_error_naming_the_property()
    {
        var ex = Assert.ThrowsAny<System.Text.Json.JsonException>(() =>
            GcoreJson.Deserialize("""{"origin_type": null, "config": {"app_id": "1"}}""", OriginGroupFastedgeSource.ReadJson));

        Assert.Equal("$.origin_type", ex.Path);
    }
}
