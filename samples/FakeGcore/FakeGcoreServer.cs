using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FakeGcore;

/// <summary>
/// An embedded, in-memory, stateful fake of Gcore's CDN origin-groups API (<c>/cdn/origin_groups</c>),
/// served by Kestrel on <c>http://127.0.0.1:&lt;free port&gt;</c>. Works on raw JSON; one instance is one account.
/// </summary>
public sealed class FakeGcoreServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly OriginGroupStore _store;
    private readonly OriginGroupsEndpoint _endpoint;
    private readonly Action<string>? _log;
    private readonly List<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private int _disposed;

    private FakeGcoreServer(FakeGcoreOptions options)
    {
        ApiKey = options.ApiKey;
        _log = options.Log;
        _store = new OriginGroupStore(options.MaxGroups);
        _endpoint = new OriginGroupsEndpoint(_store, options.ApiKey);
    }

    /// <summary>Base address, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The API key the fake accepts.</summary>
    public string ApiKey { get; }

    /// <summary>Snapshot of every request received so far, in arrival order (faulted ones included).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Faults to inject into the next matching requests.</summary>
    public FaultPlan Faults { get; } = new();

    /// <summary>Number of stored origin groups.</summary>
    public int GroupCount => _store.Count;

    /// <summary>Starts Kestrel on 127.0.0.1 with a free port. Options are read once, here.</summary>
    public static async Task<FakeGcoreServer> StartAsync(FakeGcoreOptions? options = null, CancellationToken ct = default)
    {
        options ??= new FakeGcoreOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxGroups, nameof(options));

        var server = new FakeGcoreServer(options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(FakeGcoreServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });

        // The default ConsoleLifetime would hook Ctrl+C and swallow it; the host app owns the console, not the fake.
        builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();

        var app = builder.Build();
        app.Run(server.HandleAsync);
        server._app = app;
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            server.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Marks (or unmarks) a group as used by a CDN resource: it then reports <c>has_related_resources: true</c> and DELETE answers 400.</summary>
    /// <returns>False when no group has this id.</returns>
    public bool MarkUsedByResource(int id, bool used = true) => _store.SetUsage(id, used, null);

    /// <summary>Marks (or unmarks) a group as used by CDN resource rules: DELETE then answers 400.</summary>
    /// <returns>False when no group has this id.</returns>
    public bool MarkUsedByRules(int id, bool used = true) => _store.SetUsage(id, null, used);

    /// <summary>A stored group as the API would return it, or with the real S3 secrets when <paramref name="revealSecrets"/> is set.</summary>
    public JsonObject? GetGroup(int id, bool revealSecrets = false) => _store.Find(id)?.ToJson(revealSecrets);

    /// <summary>All stored groups, ordered by id.</summary>
    public IReadOnlyList<JsonObject> GetGroups(bool revealSecrets = false) => _store.All().Select(g => g.ToJson(revealSecrets)).ToList();

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }

    /// <summary>Stops Kestrel; requests still waiting on a delay are cancelled.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var ct = linked.Token;
        string outcome;
        try
        {
            var request = await RecordAsync(context, target, ct).ConfigureAwait(false);
            var fault = Faults.TryTake(request);
            if (fault is not null && fault.DelayBy > TimeSpan.Zero)
            {
                await Task.Delay(fault.DelayBy, ct).ConfigureAwait(false);
            }

            if (fault is not null && fault.Kind != FaultKind.Delay)
            {
                await FaultWriter.WriteAsync(context, fault, ct).ConfigureAwait(false);
                var status = fault.Kind == FaultKind.ResetConnection ? "reset" : context.Response.StatusCode.ToString(CultureInfo.InvariantCulture);
                outcome = $"{status} (fault: {fault})";
            }
            else
            {
                var response = _endpoint.Handle(context.Request, request.Body);
                await WriteAsync(context.Response, response, ct).ConfigureAwait(false);
                outcome = response.Status.ToString(CultureInfo.InvariantCulture) + (fault is null ? "" : $" (fault: {fault})");
            }
        }
        catch (Exception ex) when (ex is IOException || (ex is OperationCanceledException && ct.IsCancellationRequested))
        {
            outcome = "aborted (client gone or server stopping)";
            if (!context.Response.HasStarted || _stopping.IsCancellationRequested)
            {
                // Never let Kestrel complete a half-handled request with an empty 200: drop the connection.
                context.Abort();
            }
        }
        catch (Exception ex)
        {
            outcome = "500 (FakeGcore bug: " + ex.GetType().Name + ": " + ex.Message + ")";
            if (!context.Response.HasStarted)
            {
                await WriteAsync(context.Response, ApiResponse.Json(500, new JsonObject { ["message"] = "FakeGcore internal error: " + ex.Message }), CancellationToken.None)
                    .ConfigureAwait(false);
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Log($"[FakeGcore] {context.Request.Method} {target} -> {outcome} ({elapsed:0} ms)");
    }

    private async Task<RecordedRequest> RecordAsync(HttpContext context, string target, CancellationToken ct)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in context.Request.Headers)
        {
            headers[name] = string.Join(", ", values.ToArray());
        }

        var request = new RecordedRequest(context.Request.Method, target, headers, body, DateTimeOffset.UtcNow);
        lock (_requests)
        {
            _requests.Add(request);
        }

        return request;
    }

    private static async Task WriteAsync(HttpResponse response, ApiResponse api, CancellationToken ct)
    {
        response.StatusCode = api.Status;
        foreach (var (name, value) in api.Headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }

        if (api.Body is null)
        {
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(api.Body.ToJsonString(JsonOptions));
        response.ContentType = "application/json";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, ct).ConfigureAwait(false);
    }

    private void Log(string line)
    {
        try
        {
            _log?.Invoke(line);
        }
        catch (Exception)
        {
            // A logger that is gone (e.g. a finished test's output helper) must not break the fake.
        }
    }

    /// <summary>A host lifetime that neither waits for nor reacts to console signals.</summary>
    private sealed class PassiveLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
