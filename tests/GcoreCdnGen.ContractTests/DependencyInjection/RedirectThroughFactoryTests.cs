using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Contract.Gcore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GcoreCdnGen.ContractTests.DependencyInjection;

/// <summary>
/// The client from <c>AddGcoreClient</c> sends through the factory's primary handler. That handler must not follow a
/// redirect to another origin by itself: by the time the client sees the answer, the request (and its headers) would
/// already have gone there. Two real servers on 127.0.0.1: one redirects, the other counts what reaches it.
/// </summary>
public sealed class RedirectThroughFactoryTests
{
    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task A_redirect_to_another_origin_reaches_nothing_there(int status)
    {
        using var elsewhere = new CountingServer(_ => (200, null));
        using var origin = new CountingServer(_ => (status, elsewhere.BaseUrl + "cdn/origin_groups/1"));
        var services = new ServiceCollection();
        services.AddGcoreClient(o =>
        {
            o.ApiKey = "di-key";
            o.BaseUrl = new Uri(origin.BaseUrl);
            o.MaxRetries = 0;
            o.DefaultHeaders["X-Tenant"] = "tenant-77";
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<GcoreClient>();

        var ex = await Assert.ThrowsAsync<GcoreRedirectException>(() => client.Cdn.OriginGroups.GetAsync(1));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(1, origin.Requests);
        Assert.Equal(0, elsewhere.Requests);
    }

    /// <summary>An HTTP/1.1 server on a free loopback port that answers every request with a status and an optional Location.</summary>
    private sealed class CountingServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Func<HttpListenerRequest, (int Status, string? Location)> _answer;
        private int _requests;

        public CountingServer(Func<HttpListenerRequest, (int Status, string? Location)> answer)
        {
            _answer = answer;
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            BaseUrl = "http://127.0.0.1:" + port + "/";
            _listener.Prefixes.Add(BaseUrl);
            _listener.Start();
            _ = Task.Run(LoopAsync);
        }

        public string BaseUrl { get; }

        public int Requests => Volatile.Read(ref _requests);

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    return;
                }

                Interlocked.Increment(ref _requests);
                var (status, location) = _answer(context.Request);
                context.Response.StatusCode = status;
                if (location is not null)
                    context.Response.RedirectLocation = location;
                context.Response.ContentType = "application/json";
                byte[] body = "{\"id\":1,\"name\":\"g\",\"sources\":[]}"u8.ToArray();
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
        }
    }
}
