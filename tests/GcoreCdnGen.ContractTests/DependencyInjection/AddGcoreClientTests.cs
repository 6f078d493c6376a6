using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Contract.Gcore;
using GcoreCdnGen.ContractTests.Prism;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace GcoreCdnGen.ContractTests.DependencyInjection;

/// <summary>
/// This project references Microsoft.Extensions.Http, so the generator emitted <c>AddGcoreClient</c>: the client comes
/// out of a ServiceProvider, sends through the IHttpClientFactory pipeline, and talks to Prism.
/// </summary>
[Collection(PrismCollection.Name)]
public sealed class AddGcoreClientTests(PrismFixture prism)
{
    [Fact]
    public async Task The_client_from_the_container_sends_through_the_factorys_handlers()
    {
        var recorder = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddGcoreClient(o =>
        {
            o.ApiKey = "di-key";
            o.BaseUrl = prism.Published.BaseUrl;
            o.MaxRetries = 0;
            o.DefaultHeaders["X-From"] = "di";
        }).AddHttpMessageHandler(() => recorder);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<GcoreClient>();
        var group = await client.Cdn.OriginGroups.GetAsync(1);

        Assert.Equal(prism.Published.BaseUrl, client.BaseUrl);
        Assert.True(group.Id > 0);
        var request = Assert.Single(recorder.Requests);
        Assert.Equal(new Uri(prism.Published.BaseUrl, "cdn/origin_groups/1"), request.Uri);
        Assert.Equal("APIKey di-key", request.Authorization);
        Assert.Equal("di", request.From);
    }

    [Fact]
    public async Task Options_can_also_come_from_Configure_and_retries_stay_the_clients()
    {
        var recorder = new RecordingHandler { FailFirst = 1 };
        var services = new ServiceCollection();
        services.AddGcoreClient().AddHttpMessageHandler(() => recorder);
        services.Configure<GcoreClientOptions>(o =>
        {
            o.ApiKey = "configured-key";
            o.BaseUrl = prism.AnyOf.BaseUrl;
            o.InitialRetryDelay = TimeSpan.FromMilliseconds(1);
        });
        await using var provider = services.BuildServiceProvider();

        var page = await provider.GetRequiredService<GcoreClient>().Cdn.OriginGroups.ListAsync(limit: 10);

        Assert.NotEmpty(page.Results);
        Assert.Equal(2, recorder.Requests.Count); // the first attempt got a 503 from the handler, the retry reached Prism
        Assert.Equal("APIKey configured-key", recorder.Requests[1].Authorization);
        Assert.Equal(prism.AnyOf.BaseUrl, provider.GetRequiredService<IOptions<GcoreClientOptions>>().Value.BaseUrl);
    }

    [Fact]
    public void Each_resolution_is_a_new_client_and_the_factorys_HttpClient_has_no_timeout_of_its_own()
    {
        HttpClient? seen = null;
        var services = new ServiceCollection();
        services.AddGcoreClient(o => o.BaseUrl = prism.Published.BaseUrl)
            .ConfigureHttpClient(http => seen = http);
        using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<GcoreClient>();
        var second = provider.GetRequiredService<GcoreClient>();

        Assert.NotSame(first, second);
        Assert.NotNull(seen);
        Assert.Equal(Timeout.InfiniteTimeSpan, seen!.Timeout);
    }

    [Fact]
    public void AddGcoreClient_refuses_a_null_collection()
    {
        Assert.Throws<ArgumentNullException>(() => GcoreClientServiceCollectionExtensions.AddGcoreClient(null!));
    }

    private sealed record Seen(Uri? Uri, string? Authorization, string? From);

    /// <summary>Records what goes out through the factory's pipeline; can answer 503 itself for the first requests.</summary>
    private sealed class RecordingHandler : DelegatingHandler
    {
        private readonly ConcurrentQueue<Seen> _requests = new();
        private int _failed;

        public int FailFirst { get; init; }

        public IReadOnlyList<Seen> Requests => _requests.ToArray();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryGetValues("Authorization", out var auth);
            request.Headers.TryGetValues("X-From", out var from);
            _requests.Enqueue(new Seen(request.RequestUri, auth is null ? null : string.Join(",", auth), from is null ? null : string.Join(",", from)));
            if (Interlocked.Increment(ref _failed) <= FailFirst)
                return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { RequestMessage = request });
            return base.SendAsync(request, cancellationToken);
        }
    }
}
