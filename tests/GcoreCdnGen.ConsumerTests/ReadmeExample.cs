using System;
using System.Linq;
using System.Threading.Tasks;
using Contoso.Gcore;
using Xunit;

public sealed class OriginGroupTests
{
    [Fact]
    public async Task Creates_a_group_lists_it_and_survives_a_503()
    {
        var fake = new GcoreClientFake();
        using var gcore = new GcoreClient(new GcoreClientOptions
        {
            HttpClient = fake.CreateHttpClient(), // answered in memory: no socket, no server
            ApiKey = "test",
            TimeProvider = fake.Clock,            // waits between retries take no time
        });
        fake.OriginGroups.Add(new OriginGroup { Id = 0, Name = "seeded", Sources = [new OriginGroupHostSource { Source = "a.example.com" }] });
        fake.Faults.Enqueue(GcoreFakeFault.Status(503, retryAfter: TimeSpan.FromSeconds(2)));

        var created = await gcore.Cdn.OriginGroups.CreateAsync(new OriginGroupCreateParams
        {
            Name = "assets",
            Sources = [new HostSource { Source = "assets.example.com" }],
        });

        Assert.Equal(2, created.Id);                                   // the next id, as Gcore gives it
        Assert.Equal(["error", "timeout"], created.ProxyNextUpstream!); // the spec's default, filled in
        Assert.Equal([503, 201], fake.Requests.Select(r => r.Status)); // the client retried the 503
        Assert.Equal(["seeded", "assets"], fake.OriginGroups.Items.Select(g => g.Name));
    }

    [Fact]
    public async Task A_request_Gcore_would_reject_is_a_400()
    {
        var fake = new GcoreClientFake();
        using var gcore = new GcoreClient(new GcoreClientOptions { HttpClient = fake.CreateHttpClient(), ApiKey = "test" });
        string fromUser = "https://assets.example.com/static"; // a scheme and a path: Gcore says no

        var error = await Assert.ThrowsAsync<GcoreBadRequestException>(() => gcore.Cdn.OriginGroups.CreateAsync(
            new OriginGroupCreateParams { Name = "assets", Sources = [new HostSource { Source = fromUser }] }));

        Assert.Contains(error.ValidationErrors.Keys, field => field.EndsWith(".source"));
    }
}
