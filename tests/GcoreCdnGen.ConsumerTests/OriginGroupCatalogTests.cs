using System;
using System.Linq;
using System.Threading.Tasks;
using Contoso.Gcore;
using Xunit;

namespace Contoso.Cdn;

/// <summary>
/// The user's code (<see cref="OriginGroupCatalog"/>) tested against the generated fake only: the client talks to
/// <c>GcoreClientFake</c> through its in-memory HttpClient, and waits on the fake's clock, so nothing sleeps.
/// </summary>
public sealed class OriginGroupCatalogTests : IDisposable
{
    private readonly GcoreClientFake _fake = new();
    private readonly GcoreClient _client;
    private readonly OriginGroupCatalog _catalog;

    public OriginGroupCatalogTests()
    {
        _client = new GcoreClient(new GcoreClientOptions
        {
            HttpClient = _fake.CreateHttpClient(),
            ApiKey = "test-key",
            TimeProvider = _fake.Clock,
        });
        _catalog = new OriginGroupCatalog(_client);
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task AddSite_creates_a_group_with_a_new_id_and_the_server_defaults()
    {
        var (group, problems) = await _catalog.AddSiteAsync("shop", "shop.example.com");

        Assert.Empty(problems);
        Assert.NotNull(group);
        Assert.Equal(1, group.Id);
        Assert.Equal(["error", "timeout"], group.ProxyNextUpstream!);
        Assert.Equal("shop.example.com", Assert.IsType<OriginGroupHostSource>(Assert.Single(group.Sources)).Source);
        var sent = Assert.Single(_fake.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("shop", sent.Json!["name"]!.GetValue<string>());
        Assert.Equal("shop", Assert.Single(_fake.OriginGroups.Items).Name);
    }

    [Fact]
    public async Task Names_walks_every_page()
    {
        // Id 0: the fake gives each the next id, as the server would.
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
            _fake.OriginGroups.Add(new OriginGroup { Id = 0, Name = name, Sources = [new OriginGroupHostSource { Source = name + ".example.com" }] });

        var names = await _catalog.NamesAsync();

        Assert.Equal(["a", "b", "c", "d", "e"], names);
        Assert.Equal(["limit=2&offset=0", "limit=2&offset=2", "limit=2&offset=4"], _fake.Requests.Select(r => r.PathAndQuery.Split('?')[1]));
    }

    [Fact]
    public async Task Rename_changes_the_name_and_keeps_the_sources()
    {
        var (group, _) = await _catalog.AddSiteAsync("old", "old.example.com");

        var renamed = await _catalog.RenameAsync(group!.Id, "new");

        Assert.Equal("new", renamed.Name);
        Assert.Equal("old.example.com", Assert.IsType<OriginGroupHostSource>(Assert.Single(renamed.Sources)).Source);
        Assert.Equal("new", Assert.Single(_fake.OriginGroups.Items).Name);
    }

    [Fact]
    public async Task Rename_of_an_unknown_group_is_a_not_found()
    {
        var error = await Assert.ThrowsAsync<GcoreNotFoundException>(() => _catalog.RenameAsync(42, "x"));

        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task AddSite_reports_the_fields_Gcore_rejects()
    {
        _fake.Override("create-origin-group", _ => GcoreFakeResponse.BadRequest("name", "Origin group with this name already exists."));

        var (group, problems) = await _catalog.AddSiteAsync("taken", "shop.example.com");

        Assert.Null(group);
        Assert.Equal(["Origin group with this name already exists."], problems["name"]);
        Assert.Equal(0, _fake.OriginGroups.Count);
    }

    [Fact]
    public async Task UsingHost_survives_a_503_and_a_429_with_Retry_After()
    {
        _fake.OriginGroups.Add(new OriginGroup { Id = 7, Name = "a", Sources = [new OriginGroupHostSource { Source = "shared.example.com" }] });
        _fake.OriginGroups.Add(new OriginGroup { Id = 8, Name = "b", Sources = [new OriginGroupHostSource { Source = "other.example.com" }] });
        _fake.Faults
            .Enqueue(GcoreFakeFault.Status(503).ForOperation("get-origin-groups-list"))
            .Enqueue(GcoreFakeFault.Status(429, retryAfter: TimeSpan.FromSeconds(30)));

        var ids = await _catalog.UsingHostAsync("shared.example.com");

        Assert.Equal([7L], ids);
        Assert.Equal([503, 429, 200], _fake.Requests.Select(r => r.Status));
        Assert.True(_fake.Clock.Elapsed >= TimeSpan.FromSeconds(30), "the client waited the Retry-After, on the fake's clock");
    }
}
