using System;
using ClientTests.Gcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.Json;

/// <summary>PATCH: "not set", "set to null" and "set to a value" are three things, and only what was set is sent.</summary>
public class PatchTests
{
    private static string Write(OriginGroupUpdateParams patch) => GcoreJson.Serialize(patch, static (w, p) => p.WriteJson(w));

    [Fact]
    public void Nothing_set_writes_an_empty_object()
    {
        JsonAssert.Equivalent("{}", Write(new OriginGroupUpdateParams()));
    }

    [Fact]
    public void Every_optional_property_reports_whether_it_was_set()
    {
        var patch = new OriginGroupUpdateParams { UseNext = false };

        Assert.True(patch.IsSet(nameof(OriginGroupUpdateParams.UseNext)));
        Assert.False(patch.IsSet(nameof(OriginGroupUpdateParams.Name)));
        Assert.False(patch.IsSet(nameof(OriginGroupUpdateParams.Sources)));
        JsonAssert.Equivalent("""{"use_next": false}""", Write(patch));
    }

    [Fact]
    public void Unset_takes_a_property_back_out_of_the_request()
    {
        var patch = new OriginGroupUpdateParams { Name = "g", UseNext = true, ProxyNextUpstream = ["error"] };

        patch.Unset(nameof(OriginGroupUpdateParams.UseNext));
        patch.Unset(nameof(OriginGroupUpdateParams.ProxyNextUpstream));

        Assert.False(patch.IsSet(nameof(OriginGroupUpdateParams.UseNext)));
        Assert.Null(patch.UseNext);
        JsonAssert.Equivalent("""{"name": "g"}""", Write(patch));
    }

    [Fact]
    public void Host_header_override_null_clears_it_and_leaving_it_out_keeps_it()
    {
        var clear = new HostSource { Source = "a.com", HostHeaderOverride = null };
        var keep = new HostSource { Source = "a.com" };
        var set = new HostSource { Source = "a.com", HostHeaderOverride = "h.example.com" };

        var patch = new OriginGroupUpdateParams { Sources = [clear, keep, set] };

        JsonAssert.Equivalent(
            """{"sources": [{"source": "a.com", "host_header_override": null}, {"source": "a.com"}, {"source": "a.com", "host_header_override": "h.example.com"}]}""",
            Write(patch));
        Assert.True(clear.IsSet(nameof(HostSource.HostHeaderOverride)));
        Assert.False(keep.IsSet(nameof(HostSource.HostHeaderOverride)));
    }

    [Fact]
    public void Set_tracking_works_through_the_union_base_and_survives_with_expressions()
    {
        Source source = new HostSource { Source = "a.com", Enabled = true };
        var copy = (HostSource)source with { };

        Assert.True(source.IsSet(nameof(Source.Enabled)));
        Assert.False(source.IsSet(nameof(Source.Backup)));
        Assert.True(copy.IsSet(nameof(Source.Enabled)));

        source.Unset(nameof(Source.Enabled));

        Assert.False(source.IsSet(nameof(Source.Enabled)));
        Assert.True(copy.IsSet(nameof(Source.Enabled)));
    }

    [Fact]
    public void A_name_that_is_not_an_optional_property_is_refused()
    {
        var source = new HostSource { Source = "a.com" };

        var ex = Assert.Throws<ArgumentException>(() => source.IsSet("host_header_override"));
        Assert.Equal("propertyName", ex.ParamName);
        Assert.Throws<ArgumentException>(() => source.Unset(nameof(HostSource.Source)));
    }

    [Fact]
    public void Read_then_written_keeps_null_and_absent_apart()
    {
        string json = """{"name": "g", "sources": [{"source": "a.com", "host_header_override": null}, {"source": "b.com"}]}""";

        var patch = GcoreJson.Deserialize(json, OriginGroupUpdateParams.ReadJson);

        Assert.False(patch.IsSet(nameof(OriginGroupUpdateParams.UseNext)));
        JsonAssert.Equivalent(json, Write(patch));
    }
}
