using System;
using System.Linq;
using System.Threading.Tasks;
using ClientTests.Gcore;
using GcoreCdnGen.ClientTests.Json;
using Xunit;

namespace GcoreCdnGen.ClientTests.Client;

/// <summary>Each operation: method, path, query, headers and body as sent; status and body as read.</summary>
public class OperationTests : ClientTestBase
{
    private static void AssertCommonHeaders(RecordedCall call, bool hasBody)
    {
        Assert.Equal("APIKey " + ApiKey, call.Header("Authorization"));
        Assert.StartsWith("GcoreCdnGen/", call.Header("User-Agent"));
        Assert.Equal("application/json", call.Header("Accept"));
        if (hasBody)
            Assert.StartsWith("application/json", call.Header("Content-Type"));
        else
        {
            Assert.Null(call.Header("Content-Type"));
            Assert.Equal("", call.Body);
        }
    }

    [Fact]
    public async Task List_with_every_filter_sends_them_escaped_in_the_query()
    {
        Server.Answer(200, """{"count": 21, "next": null, "previous": "http://x/cdn/origin_groups?limit=10&offset=10", "results": [""" + Payloads.GroupWith(5, "a b") + "]}");

        var list = await Client.Cdn.OriginGroups.ListAsync(name: "a b", sources: "1.2.3.4:5500", hasRelatedResources: true, limit: 10, offset: 20);

        var call = Server.SingleCall;
        Assert.Equal("GET", call.Method);
        Assert.Equal("/cdn/origin_groups?name=a%20b&sources=1.2.3.4%3A5500&has_related_resources=true&limit=10&offset=20", call.Target);
        AssertCommonHeaders(call, hasBody: false);
        Assert.True(list.IsPaginated);
        Assert.Equal(21, list.Count);
        Assert.Equal(5, Assert.Single(list.Results).Id);
    }

    [Fact]
    public async Task List_without_filters_sends_no_query_and_reads_a_bare_array()
    {
        Server.Answer(200, "[" + Payloads.Group + "]");

        var list = await Client.Cdn.OriginGroups.ListAsync();

        Assert.Equal("/cdn/origin_groups", Server.SingleCall.Target);
        Assert.False(list.IsPaginated);
        Assert.Equal(1, list.Count);
        Assert.Equal(4, Assert.Single(list.Results).Sources.Count);
    }

    [Fact]
    public async Task List_escapes_reserved_and_non_ASCII_characters_in_the_query()
    {
        Server.Answer(200, "[]");

        await Client.Cdn.OriginGroups.ListAsync(name: "café/ü&x=1+2");

        Assert.Equal("/cdn/origin_groups?name=caf%C3%A9%2F%C3%BC%26x%3D1%2B2", Server.SingleCall.Target);
    }

    [Fact]
    public async Task List_sends_false_and_zero_filters()
    {
        Server.Answer(200, "[]");

        await Client.Cdn.OriginGroups.ListAsync(hasRelatedResources: false, offset: 0);

        Assert.Equal("/cdn/origin_groups?has_related_resources=false&offset=0", Server.SingleCall.Target);
    }

    [Fact]
    public async Task Create_posts_the_body_and_reads_the_201_answer()
    {
        Server.Answer(201, Payloads.Group);

        var created = await Client.Cdn.OriginGroups.CreateAsync(RequestTests.HostAndS3Group());

        var call = Server.SingleCall;
        Assert.Equal("POST", call.Method);
        Assert.Equal("/cdn/origin_groups", call.Target);
        AssertCommonHeaders(call, hasBody: true);
        JsonAssert.Equivalent(RequestTests.HostAndS3GroupJson, call.Body);
        Assert.Equal(1, created.Id);
        Assert.Equal("SECRET_VALUE", created.Sources.OfType<OriginGroupS3Source>().Single().Config.S3SecretAccessKey);
    }

    [Fact]
    public async Task Get_sends_the_id_in_the_path()
    {
        Server.Answer(200, Payloads.GroupWith(42, "g"));

        var group = await Client.Cdn.OriginGroups.GetAsync(42);

        var call = Server.SingleCall;
        Assert.Equal("GET", call.Method);
        Assert.Equal("/cdn/origin_groups/42", call.Target);
        AssertCommonHeaders(call, hasBody: false);
        Assert.Equal(42, group.Id);
        Assert.Equal("g", group.Name);
    }

    [Fact]
    public async Task Replace_puts_the_whole_body()
    {
        Server.Answer(200, Payloads.GroupWith(42, "g2"));
        var body = new OriginGroupReplaceParams
        {
            Name = "g2",
            UseNext = true,
            ProxyNextUpstream = ["error", "http_502"],
            Sources = [new HostSource { Source = "a.com" }, new HostSource { Source = "b.com", Backup = true }],
        };

        var group = await Client.Cdn.OriginGroups.ReplaceAsync(42, body);

        var call = Server.SingleCall;
        Assert.Equal("PUT", call.Method);
        Assert.Equal("/cdn/origin_groups/42", call.Target);
        AssertCommonHeaders(call, hasBody: true);
        JsonAssert.Equivalent(
            """{"name": "g2", "use_next": true, "proxy_next_upstream": ["error", "http_502"], "sources": [{"source": "a.com"}, {"source": "b.com", "backup": true}]}""",
            call.Body);
        Assert.Equal("g2", group.Name);
    }

    [Fact]
    public async Task Update_patches_only_what_was_set()
    {
        Server.Answer(200, Payloads.GroupWith(42, "renamed"));

        var group = await Client.Cdn.OriginGroups.UpdateAsync(42, new OriginGroupUpdateParams { Name = "renamed", UseNext = false });

        var call = Server.SingleCall;
        Assert.Equal("PATCH", call.Method);
        Assert.Equal("/cdn/origin_groups/42", call.Target);
        AssertCommonHeaders(call, hasBody: true);
        JsonAssert.Equivalent("""{"name": "renamed", "use_next": false}""", call.Body);
        Assert.Equal("renamed", group.Name);
    }

    [Fact]
    public async Task Delete_sends_no_body_and_accepts_204_without_one()
    {
        Server.Answer(204);

        await Client.Cdn.OriginGroups.DeleteAsync(42);

        var call = Server.SingleCall;
        Assert.Equal("DELETE", call.Method);
        Assert.Equal("/cdn/origin_groups/42", call.Target);
        AssertCommonHeaders(call, hasBody: false);
    }

    [Fact]
    public async Task Default_headers_from_options_are_sent()
    {
        using var client = NewClient(o => o.DefaultHeaders["X-Tenant"] = "t-1");
        Server.Answer(200, "[]");

        await client.Cdn.OriginGroups.ListAsync();

        Assert.Equal("t-1", Server.SingleCall.Header("X-Tenant"));
    }

    [Fact]
    public async Task Callers_HttpClient_is_used_and_stays_usable_after_the_client_is_disposed()
    {
        using var handler = new CountingHandler();
        using var http = new System.Net.Http.HttpClient(handler);
        Server.Answer(200, "[]").Answer(200, "[]");
        using (var client = NewClient(o => o.HttpClient = http))
            await client.Cdn.OriginGroups.ListAsync();

        await http.GetAsync(new Uri(Server.BaseUrl, "cdn/origin_groups"));

        Assert.Equal(2, handler.Count);
        Assert.Equal(2, Server.Calls.Count);
    }

    private sealed class CountingHandler() : System.Net.Http.DelegatingHandler(new System.Net.Http.SocketsHttpHandler())
    {
        public int Count;

        protected override Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            System.Threading.Interlocked.Increment(ref Count);
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task Base_url_with_a_path_prefix_keeps_the_prefix()
    {
        using var client = NewClient(o => o.BaseUrl = new Uri(Server.BaseUrl, "gateway/v1"));
        Server.Answer(200, Payloads.GroupWith(3, "g"));

        await client.Cdn.OriginGroups.GetAsync(3);

        Assert.Equal("/gateway/v1/cdn/origin_groups/3", Server.SingleCall.Target);
    }

    [Fact]
    public async Task Success_answer_that_cannot_be_read_throws_a_response_exception_with_the_body()
    {
        Server.Answer(200, """{"id": "x", "name": "g"}""");

        var ex = await Assert.ThrowsAsync<GcoreResponseException>(() => Client.Cdn.OriginGroups.GetAsync(1));

        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("""{"id": "x", "name": "g"}""", ex.Body);
        Assert.Equal("$.id", Assert.IsAssignableFrom<System.Text.Json.JsonException>(ex.InnerException).Path);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_turned_into_a_timeout()
    {
        using var cts = new System.Threading.CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.Cdn.OriginGroups.GetAsync(1, cts.Token));
        Assert.Empty(Server.Calls);
    }
}
