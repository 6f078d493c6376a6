using ClientTests.Gcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.Json;

/// <summary><c>host_header_override</c> is nullable: absent, null and a value are three different things.</summary>
public class HostHeaderOverrideTests
{
    private static string RoundTrip(string json)
    {
        var source = GcoreJson.Deserialize(json, OriginGroupSource.ReadJson);
        return GcoreJson.Serialize(w => source.WriteJson(w));
    }

    private static string Write(Source source) => GcoreJson.Serialize(w => source.WriteJson(w));

    [Fact]
    public void Absent_in_a_response_stays_absent()
    {
        var written = JsonAssert.Object(RoundTrip("""{"source": "a.com"}"""));

        Assert.False(written.ContainsKey("host_header_override"));
        JsonAssert.Equivalent("""{"source": "a.com"}""", written.ToJsonString());
    }

    [Fact]
    public void Null_in_a_response_is_written_back_as_null()
    {
        var written = JsonAssert.Object(RoundTrip("""{"source": "a.com", "host_header_override": null}"""));

        Assert.True(written.ContainsKey("host_header_override"));
        Assert.Null(written["host_header_override"]);
    }

    [Fact]
    public void Value_in_a_response_is_written_back()
    {
        JsonAssert.Equivalent(
            """{"source": "a.com", "host_header_override": "h.example.com"}""",
            RoundTrip("""{"source": "a.com", "host_header_override": "h.example.com"}"""));
    }

    [Fact]
    public void Set_to_null_on_a_request_writes_null()
    {
        var source = new HostSource { Source = "a.com", HostHeaderOverride = null };

        JsonAssert.Equivalent("""{"source": "a.com", "host_header_override": null}""", Write(source));
    }

    [Fact]
    public void Never_set_on_a_request_is_omitted()
    {
        var source = new HostSource { Source = "a.com" };

        JsonAssert.Equivalent("""{"source": "a.com"}""", Write(source));
    }

    [Fact]
    public void Set_then_reset_to_null_still_writes_null()
    {
        var source = new HostSource { Source = "a.com", HostHeaderOverride = "h.example.com" };
        source.HostHeaderOverride = null;

        JsonAssert.Equivalent("""{"source": "a.com", "host_header_override": null}""", Write(source));
    }
}
