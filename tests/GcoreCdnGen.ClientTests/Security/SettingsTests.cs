using System;
using System.Threading.Tasks;
using ClientTests.Gcore;
using GcoreCdnGen.ClientTests.Client;
using Xunit;

namespace GcoreCdnGen.ClientTests.Security;

/// <summary>
/// Settings are checked when the client (or a WithOptions view) is built: a value that could split a request, a base URL
/// that cannot work or would send the key in clear text, a timer out of range. Each refusal is a
/// <see cref="GcoreConfigurationException"/> naming the setting and never its value, and nothing reaches the server.
/// </summary>
public class SettingsTests : ClientTestBase
{
    private const string Smuggled = "X-Smuggled-7731";

    private void AssertRefused(Action build, string setting, params string[] notInMessage)
    {
        var ex = Assert.Throws<GcoreConfigurationException>(build);
        Assert.Equal(setting, ex.Setting);
        Assert.Contains(setting, ex.Message);
        foreach (var text in notInMessage)
            Assert.DoesNotContain(text, ex.Message);
        Assert.Empty(Server.Calls);
    }

    [Theory]
    [InlineData("sk-9d1e\r\n" + Smuggled + ": 1")]
    [InlineData("sk-9d1e\n" + Smuggled)]
    [InlineData("sk-9d1e\r" + Smuggled)]
    [InlineData("sk-9d1e\0" + Smuggled)]
    [InlineData("sk-9d1e\u0085" + Smuggled)]
    public void An_api_key_that_could_split_the_request_is_refused(string key) =>
        AssertRefused(() => NewClient(o => o.ApiKey = key), "ApiKey", "sk-9d1e", Smuggled);

    [Theory]
    [InlineData("X-Trace", "a\r\n" + Smuggled + ": 1")]
    [InlineData("X-Trace", "a\n\nGET /cdn/ HTTP/1.1")]
    [InlineData("X-Trace\r\n" + Smuggled, "v")]
    [InlineData("X Trace", "v")]
    [InlineData("", "v")]
    [InlineData("Transfer-Encoding", "chunked")]
    [InlineData("Content-Length", "0")]
    [InlineData("Host", "elsewhere.example")]
    public void A_default_header_that_could_split_or_reframe_the_request_is_refused(string name, string value) =>
        AssertRefused(() => NewClient(o => o.DefaultHeaders[name] = value), "DefaultHeaders", Smuggled, "GET /cdn/");

    [Fact]
    public async Task A_per_call_header_that_could_split_the_request_is_refused_before_sending()
    {
        AssertRefused(() => Client.WithOptions(o => o.Headers["X-Trace"] = "a\r\n" + Smuggled + ": 1"), "Headers", Smuggled);

        // A clean per-call header still goes out.
        Server.Answer(200, "[]");
        await Client.WithOptions(o => o.Headers["X-Trace"] = "abc").Cdn.OriginGroups.ListAsync();
        Assert.Equal("abc", Server.SingleCall.Header("X-Trace"));
    }

    [Fact]
    public void Timers_beyond_what_a_timer_can_hold_are_refused_when_the_client_is_made_not_at_call_time()
    {
        AssertRefused(() => NewClient(o => o.Timeout = TimeSpan.FromDays(100)), "Timeout");
        AssertRefused(() => NewClient(o => o.InitialRetryDelay = TimeSpan.FromDays(100)), "InitialRetryDelay");
        AssertRefused(() => NewClient(o => o.MaxRetryDelay = TimeSpan.MaxValue), "MaxRetryDelay");
        AssertRefused(() => Client.WithOptions(o => o.Timeout = TimeSpan.FromDays(100)), "Timeout");
        AssertRefused(() => NewClient(o => o.MaxResponseBytes = 0), "MaxResponseBytes");
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("file:///etc/")]
    public void A_base_url_that_is_not_http_is_refused(string url) =>
        AssertRefused(() => NewClient(o => o.BaseUrl = new Uri(url)), "BaseUrl");

    [Theory]
    [InlineData("?tenant=1")]
    [InlineData("#top")]
    public void A_base_url_with_a_query_or_fragment_is_refused_instead_of_dropping_a_segment(string suffix) =>
        AssertRefused(() => NewClient(o => o.BaseUrl = new Uri(Server.BaseUrl, "api" + suffix)), "BaseUrl");

    [Fact]
    public void A_base_url_with_a_user_name_is_refused_and_the_password_is_not_in_the_message() =>
        AssertRefused(() => NewClient(o => o.BaseUrl = new Uri("https://user:pa55w0rd-x@api.example/")), "BaseUrl", "pa55w0rd-x");

    [Fact]
    public void Http_to_another_machine_with_a_key_needs_AllowInsecureHttp()
    {
        var remote = new Uri("http://api.gcore.invalid/");
        AssertRefused(() => NewClient(o => o.BaseUrl = remote), "BaseUrl", ApiKey);

        using var optedIn = NewClient(o => { o.BaseUrl = remote; o.AllowInsecureHttp = true; });
        using var withoutKey = NewClient(o => { o.BaseUrl = remote; o.ApiKey = null; });
        using var https = NewClient(o => o.BaseUrl = new Uri("https://api.gcore.invalid/"));
        using var loopback = NewClient(o => o.BaseUrl = new Uri("http://localhost:1/"));
    }
}

/// <summary>The same checks for settings that come from the environment (these tests run alone).</summary>
[Collection(EnvironmentCollection.Name)]
public class EnvironmentSettingsTests : ClientTestBase
{
    private void AssertRefused(string setting, string notInMessage)
    {
        var ex = Assert.Throws<GcoreConfigurationException>(() => NewClient(_ => { }));
        Assert.Equal(setting, ex.Setting);
        Assert.DoesNotContain(notInMessage, ex.Message);
        Assert.Empty(Server.Calls);
    }

    [Theory]
    [InlineData("X-One: 1\nX-Two: a\rX-Smuggled-7731: 1", "X-Smuggled-7731")]
    [InlineData("X-One: 1\nX-Smuggled-7731\nX-Two: 2", "X-Smuggled-7731")]
    [InlineData("Bad Name: 1", "Bad Name")]
    [InlineData(": no-name", "no-name")]
    public void A_malformed_GCORE_CUSTOM_HEADERS_is_refused_when_the_client_is_made(string value, string notInMessage)
    {
        using var env = new EnvironmentVariable("GCORE_CUSTOM_HEADERS", value);
        AssertRefused("GCORE_CUSTOM_HEADERS", notInMessage);
    }

    [Fact]
    public void The_line_at_fault_in_GCORE_CUSTOM_HEADERS_is_named()
    {
        using var env = new EnvironmentVariable("GCORE_CUSTOM_HEADERS", "X-One: 1\n\nnot a header");
        var ex = Assert.Throws<GcoreConfigurationException>(() => NewClient(_ => { }));
        Assert.Contains("Line 3", ex.Message);
    }

    [Fact]
    public async Task GCORE_CUSTOM_HEADERS_with_CRLF_line_ends_and_blank_lines_is_read()
    {
        using var env = new EnvironmentVariable("GCORE_CUSTOM_HEADERS", "X-One: 1\r\n\r\nX-Two: 2\r\n");
        using var client = NewClient(_ => { });
        Server.Answer(200, "[]");

        await client.Cdn.OriginGroups.ListAsync();

        Assert.Equal("1", Server.SingleCall.Header("X-One"));
        Assert.Equal("2", Server.SingleCall.Header("X-Two"));
    }

    [Fact]
    public void A_GCORE_API_KEY_with_a_line_break_is_refused()
    {
        using var env = new EnvironmentVariable("GCORE_API_KEY", "env-key-4410\r\nX-Smuggled-7731: 1");
        var ex = Assert.Throws<GcoreConfigurationException>(() => NewClient(o => o.ApiKey = null));
        Assert.Equal("GCORE_API_KEY", ex.Setting);
        Assert.DoesNotContain("env-key-4410", ex.Message);
    }

    [Fact]
    public void An_ftp_GCORE_BASE_URL_is_refused()
    {
        using var env = new EnvironmentVariable("GCORE_BASE_URL", "ftp://127.0.0.1/");
        var ex = Assert.Throws<GcoreConfigurationException>(() => NewClient(o => o.BaseUrl = null));
        Assert.Equal("GCORE_BASE_URL", ex.Setting);
    }
}
