using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Contract.Gcore;
using Xunit;

namespace GcoreCdnGen.ContractTests.Prism;

/// <summary>
/// The generated <see cref="GcoreClientFake"/> served by Kestrel on 127.0.0.1, behind two <c>prism proxy --errors</c>:
/// <see cref="Published"/> checks against Gcore's document as published, <see cref="AnyOf"/> against its anyOf copy
/// (see <see cref="PrismFixture"/>). Each test starts from a new fake (<see cref="NewFake"/>).
/// </summary>
public sealed class ProxyFixture : IAsyncLifetime
{
    /// <summary>The key the fake requires and the clients send (Prism checks one is there).</summary>
    public const string ApiKey = "prism-proxy-key";

    private string? _tempFolder;

    public HandlerHost Host { get; private set; } = null!;

    public PrismServer Published { get; private set; } = null!;

    public PrismServer AnyOf { get; private set; } = null!;

    /// <summary>Puts a new, empty fake behind the proxies and returns it.</summary>
    public GcoreClientFake NewFake()
    {
        var fake = new GcoreClientFake { ApiKey = ApiKey };
        var previous = Host.Target;
        Host.Target = new HttpMessageInvoker(fake.CreateHandler());
        previous?.Dispose();
        return fake;
    }

    public async Task InitializeAsync()
    {
        await PrismFixture.EnsureInstalledAsync();
        _tempFolder = Path.Combine(Path.GetTempPath(), "gcorecdngen-proxy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_tempFolder);
        string anyOfSpec = await PrismFixture.WriteAnyOfCopyAsync(_tempFolder);

        Host = await HandlerHost.StartAsync();
        Published = await PrismServer.StartAsync(PrismFixture.PrismCli, PrismFixture.GcoreSpec, Host.BaseUrl);
        AnyOf = await PrismServer.StartAsync(PrismFixture.PrismCli, anyOfSpec, Host.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        foreach (var server in new[] { Published, AnyOf })
        {
            if (server is not null)
                await server.DisposeAsync();
        }

        if (Host is not null)
        {
            Host.Target?.Dispose();
            await Host.DisposeAsync();
        }

        if (_tempFolder is not null && Directory.Exists(_tempFolder))
            Directory.Delete(_tempFolder, recursive: true);
    }
}
