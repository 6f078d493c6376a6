using System.Text.Json;
using ClientTests.Gcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.Json;

/// <summary>Broken input throws a JsonException whose Path says where the problem is.</summary>
public class BadJsonTests
{
    private static JsonException ReadGroup(string json) =>
        Assert.ThrowsAny<JsonException>(() => GcoreJson.Deserialize(json, OriginGroup.ReadJson));

    [Fact]
    public void Truncated_input_throws()
    {
        string truncated = Payloads.Group.Substring(0, Payloads.Group.IndexOf("my-bucket", System.StringComparison.Ordinal) + 4);

        var ex = ReadGroup(truncated);

        Assert.NotNull(ex.Path);
        Assert.Contains("sources[2]", ex.Path);
    }

    [Fact]
    public void Truncated_list_throws()
    {
        Assert.ThrowsAny<JsonException>(() => GcoreJson.Deserialize("[" + Payloads.GroupWith(1, "a"), OriginGroupList.ReadJson));
    }

    [Fact]
    public void Wrong_type_for_id_names_the_property()
    {
        var ex = ReadGroup("""{"id": "x", "name": "g", "sources": []}""");

        Assert.Equal("$.id", ex.Path);
    }

    [Fact]
    public void Wrong_type_deep_inside_a_source_names_the_property_and_index()
    {
        string json = """
            {"id": 1, "name": "g", "sources": [
              {"source": "a.com"},
              {"origin_type": "s3", "config": {"s3_type": 5, "s3_bucket_name": "b", "s3_access_key_id": "k", "s3_secret_access_key": "s"}}
            ]}
            """;

        var ex = ReadGroup(json);

        Assert.Equal("$.sources[1].config.s3_type", ex.Path);
    }

    [Fact]
    public void Wrong_type_inside_the_config_of_a_well_shaped_source_names_the_full_path()
    {
        var ex = ReadGroup("""{"id": 1, "name": "g", "sources": [{"origin_type": "fastedge", "config": {"app_id": 5}}]}""");

        Assert.Equal("$.sources[0].config.app_id", ex.Path);
    }

    [Fact]
    public void Wrong_type_in_list_envelope_item_names_results_index_and_property()
    {
        string json = """{"count": 2, "next": null, "previous": null, "results": [""" + Payloads.GroupWith(1, "a") + """, {"id": 2, "name": 3, "sources": []}]}""";

        var ex = Assert.ThrowsAny<JsonException>(() => GcoreJson.Deserialize(json, OriginGroupList.ReadJson));

        Assert.Equal("$.results[1].name", ex.Path);
    }

    [Fact]
    public void Wrong_type_in_bare_array_item_names_index_and_property()
    {
        string json = "[" + Payloads.GroupWith(1, "a") + """, {"id": 2, "name": "b", "use_next": "yes"}]""";

        var ex = Assert.ThrowsAny<JsonException>(() => GcoreJson.Deserialize(json, OriginGroupList.ReadJson));

        Assert.Equal("$[1].use_next", ex.Path);
    }

    [Fact]
    public void Missing_required_name_is_reported_with_the_property_name()
    {
        var ex = ReadGroup("""{"id": 1, "sources": []}""");

        Assert.Equal("$", ex.Path);
        Assert.Contains("'name'", ex.Message);
    }

    [Fact]
    public void Missing_required_property_inside_the_S3_config_names_where_it_is_missing()
    {
        string json = """
            {"id": 1, "name": "g", "sources": [
              {"source": "a.com"},
              {"origin_type": "s3", "config": {"s3_bucket_name": "b", "s3_access_key_id": "k", "s3_secret_access_key": "s"}}
            ]}
            """;

        var ex = ReadGroup(json);

        Assert.NotNull(ex.Path);
        Assert.Contains("sources[1]", ex.Path);
        Assert.Contains("s3_type", ex.Path + ex.Message);
    }

    [Fact]
    public void Missing_required_name_in_a_list_item_names_the_index()
    {
        string json = "[" + Payloads.GroupWith(1, "a") + """, {"id": 2, "sources": []}]""";

        var ex = Assert.ThrowsAny<JsonException>(() => GcoreJson.Deserialize(json, OriginGroupList.ReadJson));

        Assert.Equal("$[1]", ex.Path);
        Assert.Contains("'name'", ex.Message);
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("1.5")]
    [InlineData("1e400")]
    public void A_number_out_of_range_names_the_property(string number)
    {
        var ex = ReadGroup("""{"id": """ + number + """, "name": "g", "sources": []}""");

        Assert.Equal("$.id", ex.Path);
        Assert.Contains("64 bits", ex.Message);
    }

    [Fact]
    public void A_number_out_of_range_in_the_envelope_count_names_it()
    {
        var ex = Assert.ThrowsAny<JsonException>(() =>
            GcoreJson.Deserialize("""{"count": 1e19, "next": null, "previous": null, "results": []}""", OriginGroupList.ReadJson));

        Assert.Equal("$.count", ex.Path);
    }

    [Fact]
    public void A_broken_S3_source_is_an_error_but_a_new_kind_of_source_is_not()
    {
        // The rule that makes both hold: a variant whose required properties are all there (and whose config has one of
        // its own required keys) claims the object, so its errors are reported; a shape no variant claims is kept raw.
        var broken = ReadGroup("""{"id": 1, "name": "g", "sources": [{"origin_type": "s3", "config": {"s3_type": "amazon", "s3_bucket_name": 7}}]}""");
        var future = GcoreJson.Deserialize("""{"id": 1, "name": "g", "sources": [{"origin_type": "gcs", "config": {"bucket": 7}}]}""", OriginGroup.ReadJson);

        Assert.Equal("$.sources[0].config.s3_bucket_name", broken.Path);
        Assert.IsType<OriginGroupSource.Unknown>(Assert.Single(future.Sources));
    }

    [Fact]
    public void A_host_source_with_a_wrong_typed_source_is_an_error()
    {
        var ex = ReadGroup("""{"id": 1, "name": "g", "sources": [{"source": 5}]}""");

        Assert.Equal("$.sources[0].source", ex.Path);
    }

    [Fact]
    public void A_non_object_where_a_source_belongs_is_an_error()
    {
        var ex = ReadGroup("""{"id": 1, "name": "g", "sources": ["a.com"]}""");

        Assert.Equal("$.sources[0]", ex.Path);
    }

    [Fact]
    public void Trailing_content_after_the_value_throws()
    {
        Assert.ThrowsAny<JsonException>(() => GcoreJson.Deserialize(Payloads.GroupWith(1, "a") + " {}", OriginGroup.ReadJson));
    }
}
