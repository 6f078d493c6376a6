using System;
using System.Threading.Tasks;
using ClientTests.Gcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.Client;

/// <summary>A fresh recording server per test, and a client pointed at it with a known key and no retries.</summary>
public abstract class ClientTestBase : IAsyncLifetime
{
    protected const string ApiKey = "test-key-7f3a9c2e1b";

    protected RecordingServer Server { get; private set; } = null!;

    protected GcoreClient Client { get; private set; } = null!;

    protected virtual GcoreClientOptions Options() => new() { ApiKey = ApiKey, BaseUrl = Server.BaseUrl, MaxRetries = 0, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Another client for the same server, with options changed by <paramref name="configure"/>.</summary>
    protected GcoreClient NewClient(Action<GcoreClientOptions> configure)
    {
        var options = Options();
        configure(options);
        return new GcoreClient(options);
    }

    public async Task InitializeAsync()
    {
        Server = await RecordingServer.StartAsync();
        Client = new GcoreClient(Options());
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
