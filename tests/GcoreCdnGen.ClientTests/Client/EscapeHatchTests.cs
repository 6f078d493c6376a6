using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ClientTests.Gcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.Client;

/// <summary>What the spec does not list yet: extra query parameters and body properties per call, and a raw call.</summary>
public class EscapeHatchTests : ClientTestBase
{
    [Fact]
    public async Task Extra_query_parameters_are_sent_after_the_methods_own_escaped()
    {
        Server.Answer(200, "[]");

        await Client.WithOptions(o => o.ExtraQuery["future_filter"] = "a b&c").Cdn.OriginGroups.ListAsync(limit: 5);

        Assert.Equal("/cdn/origin_groups?limit=5&future_filter=a%20b%26c", Server.SingleCall.Target);
    }

    [Fact]
    public async Task Extra_body_properties_are_merged_into_the_body_and_replace_one_of_the_same_name()
    {
        Server.Answer(201, """{"id": 1, "name": "renamed", "sources": []}""");

        await Client.WithOptions(o =>
        {
            o.ExtraBody["future_flag"] = true;
            o.ExtraBody["name"] = "renamed";
            o.ExtraBody["future_limits"] = new JsonObject { ["rps"] = 10 };
        }).Cdn.OriginGroups.CreateAsync(new OriginGroupCreateParams { Name = "g", Sources = [new HostSource { Source = "example.com" }] });

        var sent = JsonDocument.Parse(Server.SingleCall.Body).RootElement;
        Assert.True(sent.GetProperty("future_flag").GetBoolean());
        Assert.Equal(10, sent.GetProperty("future_limits").GetProperty("rps").GetInt32());
        Assert.Equal("renamed", sent.GetProperty("name").GetString());
        Assert.Equal("example.com", sent.GetProperty("sources")[0].GetProperty("source").GetString());
        Assert.Equal(2, Server.SingleCall.Body.Split("\"name\"").Length); // one name, not two
    }

    [Fact]
    public async Task The_mask_in_an_extra_body_property_is_refused_before_sending()
    {
        var view = Client.WithOptions(o => o.ExtraBody["s3_secret_access_key"] = "SECRET_VALUE");

        var ex = await Assert.ThrowsAsync<GcoreSecretException>(() => view.Cdn.OriginGroups.UpdateAsync(1, new OriginGroupUpdateParams { Name = "g" }));

        Assert.Equal("ExtraBody[s3_secret_access_key]", ex.Field);
        Assert.Empty(Server.Calls);
    }

    [Fact]
    public async Task A_raw_call_has_the_key_headers_query_and_body_and_returns_the_body_as_received()
    {
        Server.Answer(200, """{"future": [1, 2]}""");

        var response = await Client.WithOptions(o => o.Headers["X-Trace"] = "t1").SendAsync(
            HttpMethod.Post,
            "/cdn/origin_groups/7/future_action",
            JsonDocument.Parse("""{"mode": "now"}""").RootElement,
            [new KeyValuePair<string, string>("dry run", "yes")]);

        var call = Server.SingleCall;
        Assert.Equal("POST", call.Method);
        Assert.Equal("/cdn/origin_groups/7/future_action?dry%20run=yes", call.Target);
        Assert.Equal("APIKey " + ApiKey, call.Header("Authorization"));
        Assert.Equal("t1", call.Header("X-Trace"));
        Assert.Equal("""{"mode":"now"}""", call.Body);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(response.Body).RootElement.GetProperty("future")[1].GetInt32());
    }

    [Fact]
    public async Task A_raw_call_is_retried_as_a_generated_one_and_a_POST_is_not_sent_again_after_a_500()
    {
        using var client = NewClient(o => { o.MaxRetries = 2; o.InitialRetryDelay = TimeSpan.FromMilliseconds(1); });
        Server.Answer(503).Answer(200, "{}").Answer(500, """{"message": "boom"}""");

        var got = await client.SendAsync(HttpMethod.Get, "/cdn/future");
        var ex = await Assert.ThrowsAsync<GcoreOutcomeUnknownException>(() => client.SendAsync(HttpMethod.Post, "/cdn/future", JsonDocument.Parse("{}").RootElement));

        Assert.Equal(200, got.StatusCode);
        Assert.Equal(3, Server.Calls.Count); // GET twice, the POST once
        Assert.Equal(500, ex.StatusCode);
    }

    [Fact]
    public async Task A_raw_call_gets_typed_errors()
    {
        Server.Answer(404, """{"message": "not found"}""");

        var ex = await Assert.ThrowsAsync<GcoreNotFoundException>(() => Client.SendAsync(HttpMethod.Delete, "/cdn/future/1"));

        Assert.Equal(404, ex.StatusCode);
    }

    [Theory]
    [InlineData("https://elsewhere.example/cdn")]
    [InlineData("/https://elsewhere.example/cdn")]
    [InlineData("cdn/no-leading-slash")]
    [InlineData("/cdn/future?x=1")]
    public async Task A_raw_call_never_leaves_the_base_URL(string path)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client.SendAsync(HttpMethod.Get, path));

        Assert.Empty(Server.Calls);
    }
}
