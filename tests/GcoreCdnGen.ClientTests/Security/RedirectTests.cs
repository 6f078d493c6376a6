using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using ClientTests.Gcore;
using GcoreCdnGen.ClientTests.Client;
using GcoreCdnGen.ClientTests.Json;
using Xunit;

namespace GcoreCdnGen.ClientTests.Security;

/// <summary>
/// Redirects, against two real servers: <see cref="ClientTestBase.Server"/> and <see cref="_elsewhere"/>, another origin
/// (same host, another port). Nothing, neither the body nor the headers, may reach another origin, and a redirect must
/// never turn a create into a GET.
/// </summary>
public class RedirectTests : ClientTestBase, Xunit.IAsyncLifetime
{
    private const string S3Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private RecordingServer _elsewhere = null!;

    private static OriginGroupCreateParams Create() =>
        new() { Name = "g", Sources = [new HostSource { Source = "yourwebsite.com" }] };

    private static Dictionary<string, string> To(Uri location) => new() { ["Location"] = location.ToString() };

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _elsewhere = await RecordingServer.StartAsync();
    }

    public new async Task DisposeAsync()
    {
        await _elsewhere.DisposeAsync();
        await base.DisposeAsync();
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    public async Task A_redirect_of_a_create_to_another_origin_sends_nothing_there(int status)
    {
        var target = new Uri(_elsewhere.BaseUrl, "cdn/origin_groups");
        Server.Answer(status, headers: To(target));
        using var client = NewClient(o => o.DefaultHeaders["X-Tenant-Secret"] = "tenant-77");

        var ex = await Assert.ThrowsAsync<GcoreRedirectException>(() => client.Cdn.OriginGroups.CreateAsync(Create()));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(target, ex.Location);
        Assert.Empty(_elsewhere.Calls);
        Assert.Single(Server.Calls);
    }

    [Fact]
    public async Task A_redirect_of_a_GET_to_another_origin_is_not_followed_either()
    {
        Server.Answer(302, headers: To(new Uri(_elsewhere.BaseUrl, "cdn/origin_groups/1")));

        await Assert.ThrowsAsync<GcoreRedirectException>(() => Client.Cdn.OriginGroups.GetAsync(1));

        Assert.Empty(_elsewhere.Calls);
    }

    [Fact]
    public async Task A_same_origin_307_of_a_create_is_followed_with_the_same_method_and_body()
    {
        Server.Answer(307, headers: To(new Uri(Server.BaseUrl, "v2/cdn/origin_groups"))).Answer(201, Payloads.GroupWith(7, "g"));

        var group = await Client.Cdn.OriginGroups.CreateAsync(Create());

        Assert.Equal(7, group.Id);
        Assert.Equal(2, Server.Calls.Count);
        Assert.Equal("POST", Server.Calls[1].Method);
        Assert.Equal("/v2/cdn/origin_groups", Server.Calls[1].Target);
        Assert.Equal(Server.Calls[0].Body, Server.Calls[1].Body);
        Assert.Equal("APIKey " + ApiKey, Server.Calls[1].Header("Authorization"));
    }

    [Fact]
    public async Task A_same_origin_302_of_a_create_is_not_turned_into_a_GET()
    {
        Server.Answer(302, headers: To(new Uri(Server.BaseUrl, "cdn/origin_groups/7"))).Answer(200, Payloads.GroupWith(7, "g"));

        var ex = await Assert.ThrowsAsync<GcoreRedirectException>(() => Client.Cdn.OriginGroups.CreateAsync(Create()));

        Assert.Equal(302, ex.StatusCode);
        Assert.Single(Server.Calls);
    }

    [Fact]
    public async Task A_same_origin_301_of_a_GET_is_followed()
    {
        Server.Answer(301, headers: To(new Uri(Server.BaseUrl, "v2/cdn/origin_groups/1"))).Answer(200, Payloads.GroupWith(1, "g"));

        var group = await Client.Cdn.OriginGroups.GetAsync(1);

        Assert.Equal(1, group.Id);
        Assert.Equal(new[] { "/cdn/origin_groups/1", "/v2/cdn/origin_groups/1" }, new[] { Server.Calls[0].Target, Server.Calls[1].Target });
    }

    [Fact]
    public async Task A_redirect_loop_ends_in_a_redirect_exception()
    {
        for (int i = 0; i < 10; i++)
            Server.Answer(307, headers: To(new Uri(Server.BaseUrl, "cdn/origin_groups/1")));

        await Assert.ThrowsAsync<GcoreRedirectException>(() => Client.Cdn.OriginGroups.GetAsync(1));

        Assert.Equal(6, Server.Calls.Count); // the request and five redirects
    }

    [Fact]
    public async Task An_answer_that_a_callers_HttpClient_fetched_from_another_origin_is_not_used()
    {
        // A caller's HttpClient may follow redirects itself (the default); the client cannot stop it, but refuses the answer.
        _elsewhere.Answer(200, Payloads.GroupWith(666, "from-elsewhere"));
        Server.Answer(302, headers: To(new Uri(_elsewhere.BaseUrl, "cdn/origin_groups/1")));
        using var http = new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        using var client = NewClient(o => o.HttpClient = http);

        var ex = await Assert.ThrowsAsync<GcoreRedirectException>(() => client.Cdn.OriginGroups.GetAsync(1));

        Assert.Equal(new Uri(_elsewhere.BaseUrl, "cdn/origin_groups/1"), ex.Location);
        Assert.Null(_elsewhere.SingleCall.Header("Authorization"));
    }

    [Fact]
    public async Task The_S3_secret_of_a_create_never_reaches_another_origin()
    {
        Server.Answer(308, headers: To(new Uri(_elsewhere.BaseUrl, "collect")));
        var body = new OriginGroupCreateParams
        {
            Name = "s3",
            Sources =
            [
                new S3Source
                {
                    OriginType = OriginType.S3,
                    Config = new S3Config { S3Type = S3Type.Amazon, S3BucketName = "my-bucket", S3Region = "eu-west-1", S3AccessKeyId = "AKIAEXAMPLE", S3SecretAccessKey = S3Secret },
                },
            ],
        };

        await Assert.ThrowsAsync<GcoreRedirectException>(() => Client.Cdn.OriginGroups.CreateAsync(body));

        Assert.Empty(_elsewhere.Calls);
        Assert.Contains("wJalrXUtnFEMI", Server.SingleCall.Body); // it was in the request that got the redirect
    }
}
