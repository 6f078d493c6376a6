using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ClientTests.Gcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.Fake;

/// <summary>
/// The generated <c>GcoreClientFake</c> (GenerateFake="true" on this project's spec) behind the generated client:
/// what it stores, how it shapes answers from the spec, how it rejects bad requests, and its test helpers.
/// </summary>
public sealed class GeneratedFakeTests : IDisposable
{
    private const string AccessKey = "EXAMPLEFODNN7EXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private readonly GcoreClientFake _fake = new();
    private readonly GcoreClient _client;

    public GeneratedFakeTests()
    {
        _client = Client();
    }

    public void Dispose() => _client.Dispose();

    private GcoreClient Client(Action<GcoreClientOptions>? configure = null)
    {
        var options = new GcoreClientOptions { HttpClient = _fake.CreateHttpClient(), ApiKey = "test-key", TimeProvider = _fake.Clock };
        configure?.Invoke(options);
        return new GcoreClient(options);
    }

    private GcoreClient.CdnOperations.OriginGroupsOperations Groups => _client.Cdn.OriginGroups;

    private static OriginGroupCreateParams Create(string name, params Source[] sources) =>
        new() { Name = name, Sources = sources.Length == 0 ? [new HostSource { Source = "yourwebsite.com" }] : sources };

    private static S3Source S3(string bucket) => new()
    {
        Config = new S3Config { S3Type = S3Type.Amazon, S3BucketName = bucket, S3Region = "eu-west-1", S3AccessKeyId = AccessKey, S3SecretAccessKey = SecretKey },
    };

    /// <summary>Sends raw JSON, as a client that does not use the generated types would.</summary>
    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var http = _fake.CreateHttpClient();
        using var request = new HttpRequestMessage(method, "https://api.gcore.com" + path);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    [Fact]
    public async Task Create_gives_each_item_the_next_id_and_fills_what_the_server_sets()
    {
        var first = await Groups.CreateAsync(Create("one"));
        var second = await Groups.CreateAsync(Create("two"));

        Assert.Equal([1L, 2L], new[] { first.Id, second.Id });
        var raw = (await Groups.WithRawResponse.GetAsync(2)).Body;
        var json = JsonNode.Parse(raw.Span)!.AsObject();
        Assert.Equal(201, _fake.Requests[0].Status);
        Assert.Equal("""["error","timeout"]""", json["proxy_next_upstream"]!.ToJsonString()); // the spec's default
        Assert.Equal("none", (string?)json["auth_type"]); // the spec's default
        Assert.Equal("", (string?)json["path"]); // only the server sets it: its smallest value
        Assert.False((bool)json["has_related_resources"]!);
        Assert.False(json.ContainsKey("use_next")); // optional, no default: left out
    }

    [Fact]
    public async Task S3_keys_come_back_masked_and_the_source_as_its_own_variant()
    {
        var created = await Groups.CreateAsync(Create("s3", new HostSource { Source = "yourwebsite.com" }, S3("my-bucket")));

        var s3 = Assert.IsType<OriginGroupS3Source>(created.Sources[1]);
        Assert.Equal(OriginType.S3, s3.OriginType);
        Assert.Equal(GcoreFake.MaskedSecret, s3.Config.S3AccessKeyId);
        Assert.Equal(GcoreFake.MaskedSecret, s3.Config.S3SecretAccessKey);
        Assert.Equal("awsSignatureV4", s3.Config.S3AuthType); // the spec's default
        Assert.IsType<OriginGroupHostSource>(created.Sources[0]);
        Assert.Contains(SecretKey, _fake.Items("/cdn/origin_groups", revealSecrets: true).Single());
        Assert.DoesNotContain(SecretKey, _fake.Items("/cdn/origin_groups").Single());
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_in_Gcores_shape()
    {
        var error = await Assert.ThrowsAsync<GcoreNotFoundException>(() => Groups.GetAsync(99));

        Assert.Equal("""{"detail":"Not found."}""", error.Body);
        await Assert.ThrowsAsync<GcoreNotFoundException>(() => Groups.DeleteAsync(99));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "/cdn/origin_groups/abc")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "/cdn/nothing_here")).Status);
    }

    [Fact]
    public async Task A_list_is_a_bare_array_without_limit_and_a_page_with_it()
    {
        for (int i = 1; i <= 5; i++)
            await Groups.CreateAsync(Create("g" + i));

        var all = await Groups.ListAsync();
        Assert.False(all.IsPaginated);
        Assert.Equal(["g1", "g2", "g3", "g4", "g5"], all.Results.Select(g => g.Name));

        var (status, page) = await SendAsync(HttpMethod.Get, "/cdn/origin_groups?limit=2&offset=2");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, (int)page!["count"]!);
        Assert.Equal(["g3", "g4"], page["results"]!.AsArray().Select(g => (string?)g!["name"]));
        Assert.Equal("https://api.gcore.com/cdn/origin_groups?limit=2&offset=4", (string?)page["next"]);
        Assert.Equal("https://api.gcore.com/cdn/origin_groups?limit=2", (string?)page["previous"]);

        var last = await Groups.ListAsync(limit: 2, offset: 4);
        Assert.True(last.IsPaginated);
        Assert.Null(last.Next);
        Assert.Equal(["g5"], last.Results.Select(g => g.Name));
    }

    [Fact]
    public async Task A_list_filters_on_the_items_properties()
    {
        await Groups.CreateAsync(Create("a", new HostSource { Source = "one.example.com" }));
        await Groups.CreateAsync(Create("b", new HostSource { Source = "two.example.com" }));

        Assert.Equal(["b"], (await Groups.ListAsync(name: "b")).Results.Select(g => g.Name));
        Assert.Equal(["a"], (await Groups.ListAsync(sources: "one.example.com")).Results.Select(g => g.Name));
        Assert.Equal(2, (await Groups.ListAsync(hasRelatedResources: false)).Results.Count);
        Assert.Empty((await Groups.ListAsync(hasRelatedResources: true)).Results);
    }

    [Fact]
    public async Task A_limit_below_one_is_a_400()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/cdn/origin_groups?limit=0");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]!["limit"]);
    }

    [Fact]
    public async Task Replace_keeps_the_id_and_server_fields_and_update_merges()
    {
        var created = await Groups.CreateAsync(Create("before", new HostSource { Source = "a.example.com" }));
        _fake.Seed("/cdn/origin_groups", """{"id": 9, "name": "used", "sources": [{"source": "b.example.com"}], "has_related_resources": true}""");

        var replaced = await Groups.ReplaceAsync(9, new OriginGroupReplaceParams { Name = "after", UseNext = false, Sources = [new HostSource { Source = "c.example.com" }] });
        Assert.Equal(9, replaced.Id);
        Assert.True(replaced.HasRelatedResources);
        Assert.Equal("c.example.com", Assert.IsType<OriginGroupHostSource>(Assert.Single(replaced.Sources)).Source);

        var updated = await Groups.UpdateAsync(created.Id, new OriginGroupUpdateParams { Name = "patched", UseNext = true, ProxyNextUpstream = ["error"] });
        Assert.Equal("patched", updated.Name);
        Assert.True(updated.UseNext);
        Assert.Equal("a.example.com", Assert.IsType<OriginGroupHostSource>(Assert.Single(updated.Sources)).Source);

        await Groups.DeleteAsync(created.Id);
        Assert.Equal(204, _fake.Requests[^1].Status);
        Assert.Equal([9L], (await Groups.ListAsync()).Results.Select(g => g.Id));
        Assert.Equal(10, (await Groups.CreateAsync(Create("next"))).Id); // a seeded id moves the counter on
    }

    [Fact]
    public async Task A_body_the_schema_rejects_is_a_400_naming_the_field()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/cdn/origin_groups", """{"sources": [{"source": "a.example.com"}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("""{"errors":{"name":["This field is required."]}}""", body!.ToJsonString());

        (status, body) = await SendAsync(HttpMethod.Post, "/cdn/origin_groups", """{"name": "x", "sources": "a.example.com"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]!["sources"]);

        (status, body) = await SendAsync(HttpMethod.Post, "/cdn/origin_groups", "{not json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("JSON parse error", (string?)body!["detail"]);

        (status, _) = await SendAsync(HttpMethod.Put, "/cdn/origin_groups/1", """{"name": "x"}""");
        Assert.Equal(HttpStatusCode.NotFound, status); // unknown id before the body: nothing to replace
        Assert.Equal(0, _fake.OriginGroups.Count);
    }

    [Fact]
    public async Task Gcores_rules_reject_a_body_as_Gcore_would_keyed_by_the_source()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/cdn/origin_groups",
            """{"name": "x", "sources": [{"source": "ok.example.com"}, {"source": "https://bad.example.com/path"}], "use_next": true}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = body!["errors"]!.AsObject();
        string sourceError = (string)errors["sources"]!["https://bad.example.com/path"]!["source"]![0]!;
        Assert.Contains("Gcore rejects", sourceError);
        Assert.NotNull(errors["use_next"]); // GCDN001: use_next without proxy_next_upstream cases
        Assert.Equal(0, _fake.OriginGroups.Count);

        // The typed client sees the same fields.
#pragma warning disable GCDN004 // on purpose: the fake must answer what Gcore would
        var error = await Assert.ThrowsAsync<GcoreBadRequestException>(() => Groups.CreateAsync(Create("x", new HostSource { Source = "https://bad.example.com/path" })));
#pragma warning restore GCDN004
        Assert.NotEmpty(error.ValidationErrors);
    }

    [Fact]
    public async Task An_api_key_when_set_is_required()
    {
        _fake.ApiKey = "right";
        using var wrong = Client(o => o.ApiKey = "wrong");
        using var right = Client(o => o.ApiKey = "right");

        await Assert.ThrowsAsync<GcoreAuthenticationException>(() => wrong.Cdn.OriginGroups.ListAsync());
        Assert.Empty((await right.Cdn.OriginGroups.ListAsync()).Results);
        Assert.Equal("APIKey right", _fake.Requests[^1].Headers["Authorization"]);
    }

    [Fact]
    public async Task A_status_fault_with_Retry_After_is_retried_after_that_wait_on_the_fake_clock()
    {
        _fake.Faults.Enqueue(GcoreFakeFault.Status(429, retryAfter: TimeSpan.FromSeconds(20)).WithHeader("x-extra", "1"));

        await Groups.ListAsync();

        Assert.Equal([429, 200], _fake.Requests.Select(r => r.Status));
        Assert.Equal(TimeSpan.FromSeconds(20), _fake.Clock.Elapsed);
        Assert.Equal(0, _fake.Faults.Pending);
    }

    [Fact]
    public async Task Faults_wait_for_the_operation_they_name()
    {
        _fake.Faults.Enqueue(GcoreFakeFault.Status(500).ForOperation("get-origin-group-details"));
        using var once = Client(o => o.MaxRetries = 0);

        await once.Cdn.OriginGroups.ListAsync();
        await once.Cdn.OriginGroups.CreateAsync(Create("g"));
        var error = await Assert.ThrowsAsync<GcoreInternalServerException>(() => once.Cdn.OriginGroups.GetAsync(1));

        Assert.Contains("Internal Server Error", error.Body);
        Assert.Equal(["get-origin-groups-list", "create-origin-group", "get-origin-group-details"], _fake.Requests.Select(r => r.OperationId));
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_for_a_GET_and_leaves_a_POST_unknown()
    {
        _fake.Faults.Enqueue(GcoreFakeFault.DropConnection());
        Assert.Empty((await Groups.ListAsync()).Results);
        Assert.Equal(2, _fake.Requests.Count);

        _fake.Faults.Enqueue(GcoreFakeFault.DropConnection());
        await Assert.ThrowsAsync<GcoreOutcomeUnknownException>(() => Groups.CreateAsync(Create("g")));
        Assert.Equal(0, _fake.OriginGroups.Count);

        _fake.Faults.Enqueue(GcoreFakeFault.RefuseConnection());
        Assert.Equal(1, (await Groups.CreateAsync(Create("g"))).Id); // never sent: a POST is retried
    }

    [Fact]
    public async Task Latency_moves_the_clock_and_times_out_a_client_with_a_shorter_timeout()
    {
        _fake.Faults.Enqueue(GcoreFakeFault.Latency(TimeSpan.FromSeconds(5)));
        await Groups.ListAsync();
        Assert.Equal(TimeSpan.FromSeconds(5), _fake.Clock.Elapsed);

        using var impatient = Client(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(90);
            o.MaxRetries = 0;
        });
        _fake.Faults.Enqueue(GcoreFakeFault.Latency(TimeSpan.FromMinutes(2)));
        await Assert.ThrowsAsync<GcoreTimeoutException>(() => impatient.Cdn.OriginGroups.ListAsync());
    }

    [Fact]
    public async Task An_override_answers_instead_of_the_fake()
    {
        _fake.Override("get-origin-group-details", request => new GcoreFakeResponse(200, """{"id": 5, "name": "from override", "sources": []}"""));

        var group = await Groups.GetAsync(5);

        Assert.Equal("from override", group.Name);
        Assert.Equal("/cdn/origin_groups/5", _fake.Requests.Single().Path);
        Assert.Throws<ArgumentException>(() => _fake.Override("no-such-operation", _ => GcoreFakeResponse.NotFound()));
    }

    [Fact]
    public async Task Seeded_entities_are_read_back_as_the_API_answers_them()
    {
        _fake.OriginGroups.Add(new OriginGroup
        {
            Id = 3,
            Name = "seeded",
            Sources = [new OriginGroupS3Source { OriginType = OriginType.S3, Config = new S3Config { S3Type = S3Type.Other, S3BucketName = "b", S3StorageHostname = "s3.example.com", S3AccessKeyId = AccessKey, S3SecretAccessKey = SecretKey } }],
        });

        var group = await Groups.GetAsync(3);

        var s3 = Assert.IsType<OriginGroupS3Source>(Assert.Single(group.Sources));
        Assert.Equal(GcoreFake.MaskedSecret, s3.Config.S3SecretAccessKey);
        Assert.Equal("seeded", Assert.Single(_fake.OriginGroups.Items).Name);
    }
}
