using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using ClientTests.Gcore;
using GcoreCdnGen.ClientTests.Json;
using Xunit;

namespace GcoreCdnGen.ClientTests.Client;

/// <summary><c>WithRawResponse</c>: status, headers and raw body of any call, from the one request that was made.</summary>
public class RawResponseTests : ClientTestBase
{
    [Fact]
    public async Task Get_gives_status_headers_body_and_value_from_one_request()
    {
        string body = Payloads.GroupWith(7, "raw");
        Server.Answer(200, body, new Dictionary<string, string> { ["X-Request-Id"] = "req-7", ["X-RateLimit-Remaining"] = "99" });

        var response = await Client.Cdn.OriginGroups.WithRawResponse.GetAsync(7);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("req-7", response.Header("x-request-id"));
        Assert.Equal(new[] { "99" }, response.Headers["X-RateLimit-Remaining"]);
        Assert.StartsWith("application/json", response.Header("Content-Type"));
        Assert.Equal(body, Encoding.UTF8.GetString(response.Body.Span));
        Assert.Equal(7, response.Value.Id);
        Assert.Equal("raw", response.Value.Name);
        Assert.Single(Server.Calls);
    }

    [Fact]
    public async Task Create_gives_the_201()
    {
        Server.Answer(201, Payloads.Group, new Dictionary<string, string> { ["Location"] = "/cdn/origin_groups/1" });

        var response = await Client.Cdn.OriginGroups.WithRawResponse.CreateAsync(RequestTests.HostAndS3Group());

        Assert.Equal(201, response.StatusCode);
        Assert.Equal("/cdn/origin_groups/1", response.Header("Location"));
        Assert.Equal(1, response.Value.Id);
        Assert.Equal("POST", Server.SingleCall.Method);
        JsonAssert.Equivalent(RequestTests.HostAndS3GroupJson, Server.SingleCall.Body);
    }

    [Fact]
    public async Task Delete_gives_the_204_and_its_headers()
    {
        Server.Answer(204, null, new Dictionary<string, string> { ["X-Request-Id"] = "del-1" });

        GcoreResponse response = await Client.Cdn.OriginGroups.WithRawResponse.DeleteAsync(5);

        Assert.Equal(204, response.StatusCode);
        Assert.Equal("del-1", response.Header("X-Request-Id"));
        Assert.True(response.Body.IsEmpty);
        Assert.Null(response.Header("X-Not-There"));
        Assert.Equal("DELETE", Server.SingleCall.Method);
    }

    [Fact]
    public async Task List_tells_which_shape_came_and_keeps_the_query()
    {
        Server.Answer(200, """{"count": 3, "next": null, "previous": null, "results": [""" + Payloads.GroupWith(1, "a") + "]}");

        var response = await Client.Cdn.OriginGroups.WithRawResponse.ListAsync(limit: 1, offset: 2);

        Assert.True(response.Value.IsPaginated);
        Assert.Equal(3, response.Value.Count);
        Assert.Equal("/cdn/origin_groups?limit=1&offset=2", Server.SingleCall.Target);
    }

    [Fact]
    public async Task An_error_status_still_throws_the_typed_exception()
    {
        Server.Answer(404, """{"detail": "Not found."}""");

        var ex = await Assert.ThrowsAsync<GcoreNotFoundException>(() => Client.Cdn.OriginGroups.WithRawResponse.GetAsync(404));

        Assert.Equal("GET /cdn/origin_groups/404", ex.Request);
        Assert.Empty(ex.ValidationErrors);
    }

    [Fact]
    public async Task Raw_calls_follow_the_views_settings()
    {
        var retrying = Client.WithOptions(o =>
        {
            o.MaxRetries = 1;
            o.InitialRetryDelay = System.TimeSpan.FromMilliseconds(1);
        });
        Server.Answer(502).Answer(200, Payloads.GroupWith(2, "b"));

        var response = await retrying.Cdn.OriginGroups.WithRawResponse.GetAsync(2);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, Server.Calls.Count);
    }

    [Fact]
    public async Task A_list_sends_the_same_request_from_both_methods()
    {
        string page = """{"count": 1, "next": null, "previous": null, "results": [""" + Payloads.GroupWith(1, "a") + "]}";
        Server.Answer(200, page).Answer(200, page);

        await Client.Cdn.OriginGroups.ListAsync(name: "a b", hasRelatedResources: true, limit: 5, offset: 10);
        await Client.Cdn.OriginGroups.WithRawResponse.ListAsync(name: "a b", hasRelatedResources: true, limit: 5, offset: 10);

        Assert.Equal(2, Server.Calls.Count);
        Assert.Equal("/cdn/origin_groups?name=a%20b&has_related_resources=true&limit=5&offset=10", Server.Calls[0].Target);
        Assert.Equal(Server.Calls[0].Target, Server.Calls[1].Target);
        Assert.Equal(Server.Calls[0].Method, Server.Calls[1].Method);
    }

    [Fact]
    public void A_null_body_throws_at_the_call_from_either_method_and_nothing_is_sent()
    {
        var groups = Client.Cdn.OriginGroups;

        // Thrown by the call itself, not by the task it would return.
        var created = Assert.Throws<System.ArgumentNullException>(() => { _ = groups.CreateAsync(null!); });
        var replaced = Assert.Throws<System.ArgumentNullException>(() => { _ = groups.ReplaceAsync(1, null!); });
        var rawCreated = Assert.Throws<System.ArgumentNullException>(() => { _ = groups.WithRawResponse.CreateAsync(null!); });
        var rawUpdated = Assert.Throws<System.ArgumentNullException>(() => { _ = groups.WithRawResponse.UpdateAsync(1, null!); });

        Assert.All(new[] { created, replaced, rawCreated, rawUpdated }, ex => Assert.Equal("body", ex.ParamName));
        Assert.Empty(Server.Calls);
    }
}
