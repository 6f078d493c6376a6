using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ClientTests.Gcore;
using GcoreCdnGen.ClientTests.Json;
using Xunit;

namespace GcoreCdnGen.ClientTests.Client;

public class RetryTests : ClientTestBase
{
    private GcoreClient RetryingClient(int maxRetries) => NewClient(o =>
    {
        o.MaxRetries = maxRetries;
        o.InitialRetryDelay = TimeSpan.FromMilliseconds(1);
        o.MaxRetryDelay = TimeSpan.FromMilliseconds(5);
    });

    [Fact]
    public async Task A_503_then_200_succeeds_after_exactly_two_requests()
    {
        using var client = RetryingClient(2);
        Server.Answer(503, """{"message": "Service Unavailable"}""").Answer(200, Payloads.GroupWith(8, "g"));

        var group = await client.Cdn.OriginGroups.GetAsync(8);

        Assert.Equal(8, group.Id);
        Assert.Equal(2, Server.Calls.Count);
        Assert.All(Server.Calls, c => Assert.Equal("/cdn/origin_groups/8", c.Target));
        Assert.Null(Server.Calls[0].Header("X-Retry-Count"));
        Assert.Equal("1", Server.Calls[1].Header("X-Retry-Count"));
    }

    [Fact]
    public async Task An_attempt_slower_than_Timeout_is_a_timeout_exception()
    {
        using var client = NewClient(o => o.Timeout = TimeSpan.FromMilliseconds(200));
        Server.Answer(200, "[]", delay: TimeSpan.FromSeconds(10));

        var ex = await Assert.ThrowsAsync<GcoreTimeoutException>(() => client.Cdn.OriginGroups.ListAsync());

        Assert.DoesNotContain(ApiKey, ex.ToString());
        Assert.Single(Server.Calls);
    }

    [Fact]
    public async Task A_timed_out_attempt_is_retried()
    {
        using var client = NewClient(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(1); // room for the fast second attempt on a busy machine
            o.MaxRetries = 1;
            o.InitialRetryDelay = TimeSpan.FromMilliseconds(1);
        });
        Server.Answer(200, "[]", delay: TimeSpan.FromSeconds(10)).Answer(200, "[" + Payloads.GroupWith(1, "a") + "]");

        var list = await client.Cdn.OriginGroups.ListAsync();

        Assert.Single(list.Results);
        Assert.Equal(2, Server.Calls.Count);
    }

    [Fact]
    public async Task A_retried_post_sends_the_same_body_again()
    {
        using var client = RetryingClient(1);
        Server.Answer(429, """{"message": "slow down"}""").Answer(201, Payloads.Group);

        await client.Cdn.OriginGroups.CreateAsync(RequestTests.HostAndS3Group());

        Assert.Equal(2, Server.Calls.Count);
        JsonAssert.Equivalent(RequestTests.HostAndS3GroupJson, Server.Calls[1].Body);
        Assert.Equal(Server.Calls[0].Body, Server.Calls[1].Body);
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries_and_the_last_error_is_thrown()
    {
        using var client = RetryingClient(2);
        Server.Answer(500).Answer(502).Answer(503, """{"message": "last"}""").Answer(200, "[]");

        var ex = await Assert.ThrowsAsync<GcoreInternalServerException>(() => client.Cdn.OriginGroups.ListAsync());

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(3, Server.Calls.Count);
    }

    [Fact]
    public async Task A_400_is_not_retried()
    {
        using var client = RetryingClient(3);
        Server.Answer(400, """{"errors":{"name":["x"]}}""");

        await Assert.ThrowsAsync<GcoreBadRequestException>(() => client.Cdn.OriginGroups.UpdateAsync(1, new OriginGroupUpdateParams { Name = "x" }));

        Assert.Single(Server.Calls);
    }

    [Fact]
    public async Task X_should_retry_false_stops_a_retry()
    {
        using var client = RetryingClient(3);
        Server.Answer(503, null, new Dictionary<string, string> { ["x-should-retry"] = "false" });

        await Assert.ThrowsAsync<GcoreInternalServerException>(() => client.Cdn.OriginGroups.GetAsync(1));

        Assert.Single(Server.Calls);
    }

    [Fact]
    public async Task MaxRetries_zero_sends_once()
    {
        Server.Answer(503).Answer(200, "[]");

        await Assert.ThrowsAsync<GcoreInternalServerException>(() => Client.Cdn.OriginGroups.ListAsync());

        Assert.Single(Server.Calls);
    }
}
