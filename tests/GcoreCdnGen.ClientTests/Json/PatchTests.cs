using System;
using ClientTests.Gcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.Json;

/// <summary>PATCH: "not set", "set to null" and "set to a value" are three things, and only what was set is sent.</summary>
public class PatchTests
{
    private static string Write(ChangeOriginGroup patch) => GcoreJson.Serialize(patch, static (w, p) => p.WriteJson(w));

    [Fact]
    public void Nothing_set_writes_an_empty_object()
    {
        JsonAssert.Equivalent("{}", Write(new ChangeOriginGroup()));
    }

    [Fact]
    public void Every_optional_property_reports_whether_it_was_set()
    {
        var patch = new ChangeOriginGroup { UseNext = false };

        Assert.True(patch.IsSet(nameof(ChangeOriginGroup.UseNext)));
        Assert.False(patch.IsSet(nameof(ChangeOriginGroup.Name)));
        Assert.False(patch.IsSet(nameof(ChangeOriginGroup.Sources)));
        JsonAssert.Equivalent("""{"use_next": false}""", Write(patch));
    }

    [Fact]
    public void Unset_takes_a_property_back_out_of_the_request()
    {
        var patch = new ChangeOriginGroup { Name = "g", UseNext = true, ProxyNextUpstream = ["error"] };

        patch.Unset(nameof(ChangeOriginGroup.UseNext));
        patch.Unset(nameof(ChangeOriginGroup.ProxyNextUpstream));

        Assert.False(patch.IsSet(nameof(ChangeOriginGroup.UseNext)));
        Assert.Null(patch.UseNext);
        JsonAssert.Equivalent("""{"name": "g"}""", Write(patch));
    }

    [Fact]
    public void Host_header_override_null_clears_it_and_leaving_it_out_keeps_it()
    {
        var clear = new ChangeHostSource { Source = "a.com", HostHeaderOverride = null };
        var keep = new ChangeHostSource { Source = "a.com" };
        var set = new ChangeHostSource { Source = "a.com", HostHeaderOverride = "h.example.com" };

        var patch = new ChangeOriginGroup { Sources = [clear, keep, set] };

        JsonAssert.Equivalent(
            """{"sources": [{"source": "a.com", "host_header_override": null}, {"source": "a.com"}, {"source": "a.com", "host_header_override": "h.example.com"}]}""",
            Write(patch));
        Assert.True(clear.IsSet(nameof(ChangeHostSource.HostHeaderOverride)));
        Assert.False(keep.IsSet(nameof(ChangeHostSource.HostHeaderOverride)));
    }

    [Fact]
    public void Set_tracking_works_through_the_union_base_and_survives_with_expressions()
    {
        ChangeSource source = new ChangeHostSource { Source = "a.com", Enabled = true };
        var copy = (ChangeHostSource)source with { };

        Assert.True(source.IsSet(nameof(ChangeSource.Enabled)));
        Assert.False(source.IsSet(nameof(ChangeSource.Backup)));
        Assert.True(copy.IsSet(nameof(ChangeSource.Enabled)));

        source.Unset(nameof(ChangeSource.Enabled));

        Assert.False(source.IsSet(nameof(ChangeSource.Enabled)));
        Assert.True(copy.IsSet(nameof(ChangeSource.Enabled)));
    }

    [Fact]
    public void A_name_that_is_not_an_optional_property_is_refused()
    {
        var source = new ChangeHostSource { Source = "a.com" };

        var ex = Assert.Throws<ArgumentException>(() => source.IsSet("host_header_override"));
        Assert.Equal("propertyName", ex.ParamName);
        Assert.Throws<ArgumentException>(() => source.Unset(nameof(ChangeHostSource.Source)));
    }

    [Fact]
    public void Read_then_written_keeps_null_and_absent_apart()
    {
        string json = """{"name": "g", "sources": [{"source": "a.com", "host_header_override": null}, {"source": "b.com"}]}""";

        var patch = GcoreJson.Deserialize(json, ChangeOriginGroup.ReadJson);

        Assert.False(patch.IsSet(nameof(ChangeOriginGroup.UseNext)));
        JsonAssert.Equivalent(json, Write(patch));
    }
}
