using System;
using System.Linq;
using System.Threading.Tasks;
using Contract.Gcore;
using Xunit;

namespace GcoreCdnGen.ContractTests.Prism;

/// <summary>
/// Client → <c>prism proxy --errors</c> → the generated fake: Prism checks the client's requests and the fake's answers
/// against Gcore's document. With <c>--errors</c> a request that breaks it is answered 422 and never forwarded, and an
/// answer that breaks it becomes a 500 problem; both list what broke in the <c>sl-violations</c> header, which is
/// also where warnings go. So every call below must succeed, read into the generated types and carry no violation.
/// </summary>
public sealed class ProxyContractTests : IClassFixture<ProxyFixture>
{
    private readonly ProxyFixture _proxy;
    private readonly GcoreClientFake _fake;

    public ProxyContractTests(ProxyFixture proxy)
    {
        _proxy = proxy;
        _fake = proxy.NewFake();
    }

    private static GcoreClient Client(PrismServer server) =>
        new(new GcoreClientOptions { ApiKey = ProxyFixture.ApiKey, BaseUrl = server.BaseUrl, MaxRetries = 0 });

    private static S3Source S3(string bucket) => new()
    {
        OriginType = OriginType.S3,
        Config = new S3Config
        {
            S3Type = S3Type.Amazon,
            S3BucketName = bucket,
            S3Region = "eu-west-1",
            S3AccessKeyId = "EXAMPLEFODNN7EXAMPLE",
            S3SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        },
    };

    /// <summary>Stores one group in the fake (not through the proxy) and returns its id.</summary>
    private long Seed() => long.Parse(_fake.OriginGroups.Add(new OriginGroup
    {
        Id = 0,
        Name = "seeded",
        Sources = [new OriginGroupHostSource { Source = "a.example.com" }],
    }), System.Globalization.CultureInfo.InvariantCulture);

    private void AssertClean(GcoreResponse response, int status, PrismServer server)
    {
        var violations = Violation.In(response.Headers);
        Assert.True(violations.Count == 0, "Prism found the exchange breaks " + server.Spec + ":" + Environment.NewLine + Violation.Describe(violations) + Environment.NewLine + server.Output);
        Assert.Equal(status, response.StatusCode);
        Assert.Single(_fake.Requests); // it went through to the fake, once
    }

    [Fact]
    public async Task Create_with_a_host_and_an_S3_source_passes_both_ways()
    {
        using var client = Client(_proxy.Published);

        var created = await client.Cdn.OriginGroups.WithRawResponse.CreateAsync(new OriginGroupCreateParams
        {
            Name = "static-assets",
            Sources = [new HostSource { Source = "origin.example.com", Enabled = true }, S3("assets")],
            UseNext = true,
            ProxyNextUpstream = ["error", "timeout", "http_502"],
        });

        AssertClean(created, 201, _proxy.Published);
        Assert.Equal("static-assets", created.Value.Name);
        Assert.Equal("origin.example.com", Assert.Single(created.Value.Sources.OfType<OriginGroupHostSource>()).Source);
        Assert.Equal(GcoreClientFake.MaskedSecret, Assert.Single(created.Value.Sources.OfType<OriginGroupS3Source>()).Config.S3SecretAccessKey);
    }

    [Fact]
    public async Task List_passes_both_ways()
    {
        Seed();
        using var client = Client(_proxy.Published);

        var page = await client.Cdn.OriginGroups.WithRawResponse.ListAsync(limit: 10, offset: 0);

        AssertClean(page, 200, _proxy.Published);
        Assert.Equal("seeded", Assert.Single(page.Value.Results).Name);
    }

    [Fact]
    public async Task Get_passes_both_ways()
    {
        long id = Seed();
        using var client = Client(_proxy.Published);

        var group = await client.Cdn.OriginGroups.WithRawResponse.GetAsync(id);

        AssertClean(group, 200, _proxy.Published);
        Assert.Equal("seeded", group.Value.Name);
    }

    [Fact]
    public async Task Replace_with_a_host_and_an_S3_source_passes_both_ways()
    {
        long id = Seed();
        using var client = Client(_proxy.Published);

        var replaced = await client.Cdn.OriginGroups.WithRawResponse.ReplaceAsync(id, new OriginGroupReplaceParams
        {
            Name = "replaced",
            UseNext = false,
            Sources = [new HostSource { Source = "origin.example.com" }, S3("assets")],
            ProxyNextUpstream = ["error"],
        });

        AssertClean(replaced, 200, _proxy.Published);
        Assert.Equal("replaced", replaced.Value.Name);
        Assert.Equal(2, replaced.Value.Sources.Count);
    }

    /// <summary>
    /// Through the anyOf copy: as published, the PATCH body is a oneOf whose deprecated variant requires nothing, so
    /// every PATCH body fits two variants and Prism refuses it (see the next test).
    /// </summary>
    [Fact]
    public async Task Update_with_a_host_and_an_S3_source_passes_both_ways_against_the_anyOf_copy()
    {
        long id = Seed();
        using var client = Client(_proxy.AnyOf);

        var updated = await client.Cdn.OriginGroups.WithRawResponse.UpdateAsync(id, new OriginGroupUpdateParams
        {
            Name = "updated",
            UseNext = true,
            ProxyNextUpstream = ["error", "timeout"],
            Sources = [new HostSource { Source = "origin.example.com" }, S3("assets")],
        });

        AssertClean(updated, 200, _proxy.AnyOf);
        Assert.Equal("updated", updated.Value.Name);
        Assert.Equal(2, updated.Value.Sources.Count);
    }

    [Fact]
    public async Task Update_against_the_published_oneOf_is_refused_only_for_the_documents_own_overlap()
    {
        long id = Seed();
        using var client = Client(_proxy.Published);

        var ex = await Assert.ThrowsAnyAsync<GcoreApiException>(() => client.Cdn.OriginGroups.UpdateAsync(id, new OriginGroupUpdateParams
        {
            Name = "updated",
            Sources = [new HostSource { Source = "origin.example.com" }],
        }));

        Assert.Equal(422, ex.StatusCode);
        var violation = Assert.Single(Violation.InProblem(ex.Body)); // listed in the problem only, located from the request
        Assert.Equal(("body", "oneOf"), (violation.Location, violation.Code));
        Assert.Empty(_fake.Requests); // refused before the fake
    }

    [Fact]
    public async Task Delete_passes_both_ways()
    {
        long id = Seed();
        using var client = Client(_proxy.Published);

        var deleted = await client.Cdn.OriginGroups.WithRawResponse.DeleteAsync(id);

        AssertClean(deleted, 204, _proxy.Published);
        Assert.Equal(0, _fake.OriginGroups.Count);
    }

    /// <summary>The checks above can fail: an answer of the fake that the document forbids becomes Prism's error.</summary>
    [Fact]
    public async Task An_answer_the_document_forbids_is_turned_into_a_violation()
    {
        long id = Seed();
        _fake.Override("get-origin-group-details", _ => new GcoreFakeResponse(200, "{\"id\": \"one\", \"name\": 5, \"sources\": []}"));
        using var client = Client(_proxy.Published);

        var ex = await Assert.ThrowsAnyAsync<GcoreApiException>(() => client.Cdn.OriginGroups.GetAsync(id));

        Assert.Equal(500, ex.StatusCode);
        var violations = Violation.In(ex.Headers);
        Assert.Contains(violations, v => v.Location == "response.body.id");
        Assert.Contains(violations, v => v.Location == "response.body.name");
        Assert.Equal(Violation.Describe(violations), Violation.Describe(Violation.InProblem(ex.Body)));
        Assert.Single(_fake.Requests);
    }
}
