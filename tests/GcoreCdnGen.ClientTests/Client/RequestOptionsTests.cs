using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ClientTests.Gcore;
using GcoreCdnGen.ClientTests.Json;
using Xunit;

namespace GcoreCdnGen.ClientTests.Client;

/// <summary>Per-call settings through <c>WithOptions(...)</c>, option checks, and the headers every request carries.</summary>
public class RequestOptionsTests : ClientTestBase
{
    [Fact]
    public async Task WithOptions_turns_retries_on_for_its_calls_only()
    {
        // The base client has MaxRetries = 0.
        var retrying = Client.WithOptions(o =>
        {
            o.MaxRetries = 2;
            o.InitialRetryDelay = TimeSpan.FromMilliseconds(1);
        });
        Server.Answer(503).Answer(200, Payloads.GroupWith(3, "g"));

        var group = await retrying.Cdn.OriginGroups.GetAsync(3);

        Assert.Equal(3, group.Id);
        Assert.Equal(2, Server.Calls.Count);

        Server.Answer(503).Answer(200, Payloads.GroupWith(3, "g"));
        await Assert.ThrowsAsync<GcoreInternalServerException>(() => Client.Cdn.OriginGroups.GetAsync(3));
        Assert.Equal(3, Server.Calls.Count);
    }

    [Fact]
    public async Task WithOptions_turns_retries_off_for_its_calls_only()
    {
        using var retrying = NewClient(o =>
        {
            o.MaxRetries = 3;
            o.InitialRetryDelay = TimeSpan.FromMilliseconds(1);
        });
        Server.Answer(500).Answer(200, "[]");

        await Assert.ThrowsAsync<GcoreInternalServerException>(() => retrying.WithOptions(o => o.MaxRetries = 0).Cdn.OriginGroups.ListAsync());

        Assert.Single(Server.Calls);
    }

    [Fact]
    public async Task WithOptions_headers_are_added_to_its_calls_and_win_over_default_headers()
    {
        using var client = NewClient(o =>
        {
            o.DefaultHeaders["X-Team"] = "cdn";
            o.DefaultHeaders["X-Trace"] = "default";
        });
        var traced = client.WithOptions(o => o.Headers["X-Trace"] = "call-42");
        Server.Answer(200, "[]").Answer(200, "[]");

        await traced.Cdn.OriginGroups.ListAsync();
        await client.Cdn.OriginGroups.ListAsync();

        Assert.Equal("call-42", Server.Calls[0].Header("X-Trace"));
        Assert.Equal("cdn", Server.Calls[0].Header("X-Team"));
        Assert.Equal("APIKey " + ApiKey, Server.Calls[0].Header("Authorization"));
        Assert.Equal("default", Server.Calls[1].Header("X-Trace"));
    }

    [Fact]
    public async Task WithOptions_timeout_applies_to_its_calls()
    {
        Server.Answer(200, "[]", delay: TimeSpan.FromMinutes(1));

        var ex = await Assert.ThrowsAsync<GcoreTimeoutException>(() => Client.WithOptions(o => o.Timeout = TimeSpan.FromMilliseconds(200)).Cdn.OriginGroups.ListAsync());

        Assert.Contains("0.2 s", ex.Message);
        Assert.Single(Server.Calls);
    }

    [Fact]
    public void WithOptions_keeps_the_base_address()
    {
        var view = Client.WithOptions(o => o.MaxRetries = 5);

        Assert.Equal(Client.BaseUrl, view.BaseUrl);
    }

    [Fact]
    public void Out_of_range_settings_are_refused_when_the_client_is_made()
    {
        Assert.Throws<GcoreConfigurationException>(() => NewClient(o => o.MaxRetries = -1));
        Assert.Throws<GcoreConfigurationException>(() => NewClient(o => o.Timeout = TimeSpan.Zero));
        Assert.Throws<GcoreConfigurationException>(() => NewClient(o => o.InitialRetryDelay = TimeSpan.FromSeconds(-1)));
        Assert.Throws<GcoreConfigurationException>(() => Client.WithOptions(o => o.MaxRetries = -2));
    }

    [Fact]
    public async Task Options_changed_after_the_client_was_made_do_not_change_it()
    {
        var options = Options();
        using var client = new GcoreClient(options);
        options.MaxRetries = 5;
        options.DefaultHeaders["X-Late"] = "1";
        Server.Answer(503).Answer(200, "[]");

        await Assert.ThrowsAsync<GcoreInternalServerException>(() => client.Cdn.OriginGroups.ListAsync());

        Assert.Null(Server.SingleCall.Header("X-Late"));
    }

    [Fact]
    public async Task User_Agent_names_the_generator_and_its_version()
    {
        Server.Answer(200, "[]");

        await Client.Cdn.OriginGroups.ListAsync();

        Assert.Matches(@"^GcoreCdnGen/[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$", Server.SingleCall.Header("User-Agent"));
        Assert.Equal(GcoreTransport.UserAgent, Server.SingleCall.Header("User-Agent"));
    }

    [Fact]
    public async Task Custom_headers_can_replace_the_User_Agent()
    {
        using var client = NewClient(o => o.DefaultHeaders["User-Agent"] = "my-app/2.0");
        Server.Answer(200, "[]");

        await client.Cdn.OriginGroups.ListAsync();

        Assert.Equal("my-app/2.0", Server.SingleCall.Header("User-Agent"));
    }

    [Fact]
    public async Task A_400_is_never_retried_even_with_retries_on()
    {
        var retrying = Client.WithOptions(o => o.MaxRetries = 3);
        Server.Answer(400, """{"errors": {"name": ["Origin Group name should be unique."]}}""", new Dictionary<string, string> { ["X-Request-Id"] = "r-1" });

        var ex = await Assert.ThrowsAsync<GcoreBadRequestException>(() => retrying.Cdn.OriginGroups.UpdateAsync(1, new OriginGroupUpdateParams { Name = "dup" }));

        Assert.Single(Server.Calls);
        Assert.Equal("PATCH /cdn/origin_groups/1", ex.Request);
        Assert.Equal(new[] { "r-1" }, ex.Headers["x-request-id"]);
    }
}
