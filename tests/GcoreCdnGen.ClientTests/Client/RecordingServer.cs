using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GcoreCdnGen.ClientTests.Client;

/// <summary>One request as the server saw it: raw target (path and query as sent), headers, body.</summary>
public sealed record RecordedCall(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// The answer a test scripts for the next request. <paramref name="Drop"/>: the request is taken in (recorded), then the
/// connection is dropped: at once when there is no body, else a second after sending the status, the headers and
/// half the body.
/// </summary>
public sealed record ScriptedAnswer(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default, bool Drop = false);

/// <summary>
/// Kestrel on http://127.0.0.1:&lt;free port&gt;. Answers requests with the scripted answers in order (500 when none is
/// left) and records every request.
/// </summary>
public sealed class RecordingServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ScriptedAnswer> _answers = new();
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private WebApplication _app = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedCall> Calls => _calls.ToArray();

    public RecordedCall SingleCall => Calls.Count == 1 ? Calls[0] : throw new InvalidOperationException($"Expected one request, got {Calls.Count}.");

    public static Task<RecordingServer> StartAsync() => StartAsync(null);

    /// <summary>A server whose every request goes to <paramref name="handler"/> (nothing scripted, nothing recorded); null: the scripted answers.</summary>
    public static async Task<RecordingServer> StartAsync(RequestDelegate? handler)
    {
        var server = new RecordingServer();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        server._app = builder.Build();
        server._app.Run(handler ?? server.HandleAsync);
        await server._app.StartAsync();
        string address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public RecordingServer Answer(int status, string? body = null, IReadOnlyDictionary<string, string>? headers = null, TimeSpan delay = default)
    {
        _answers.Enqueue(new ScriptedAnswer(status, body, headers, delay));
        return this;
    }

    /// <summary>Takes the next request in, then drops the connection (see <see cref="ScriptedAnswer"/>).</summary>
    public RecordingServer Drop(int status = 200, string? body = null)
    {
        _answers.Enqueue(new ScriptedAnswer(status, body, Drop: true));
        return this;
    }

    private async Task HandleAsync(HttpContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
            body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        string target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        _calls.Enqueue(new RecordedCall(context.Request.Method, target, headers, body));

        var answer = _answers.TryDequeue(out var next) ? next : new ScriptedAnswer(500, """{"message": "no scripted answer"}""");
        if (answer.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(answer.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up (its timeout): nothing to answer
            }
        }

        if (answer.Drop && answer.Body is null)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
            context.Response.Headers[name] = value;
        if (answer.Drop)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(answer.Body!);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await context.Response.Body.FlushAsync();
            // A reset discards what the client has not read yet: give it time to take the status and headers in.
            await Task.Delay(TimeSpan.FromSeconds(1));
            context.Abort();
            return;
        }

        if (answer.Body is not null)
        {
            context.Response.ContentType = answer.Body.StartsWith('<') ? "text/html" : "application/json";
            await context.Response.WriteAsync(answer.Body, Encoding.UTF8);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
