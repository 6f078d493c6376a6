using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GcoreCdnGen.ClientTests.Client;
using Microsoft.AspNetCore.Http;
using Xunit;
using Cdn = ClientTests.Wire.Cdn;
using Constructs = ClientTests.Wire.Constructs;
using Dns = ClientTests.Wire.Dns;

namespace GcoreCdnGen.ClientTests.Wire;

/// <summary>
/// Responses beyond JSON against a real server on 127.0.0.1: text as a string, a file download as a stream read as it
/// arrives, and <c>application/problem+json</c> errors read into the typed exceptions.
/// </summary>
public class ResponseTests
{
    private const string ApiKey = "wire-key-4b1d9e";

    [Fact]
    public async Task TextResponse_IsAString_AndTheSpecsMediaTypeIsAskedFor()
    {
        string? accept = null;
        await using var server = await RecordingServer.StartAsync(async context =>
        {
            accept = context.Request.Headers.Accept;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("dns_requests_total{zone=\"example.com\"} 42\nüber 1\n");
        });
        using var client = new Dns.GcoreClient(new Dns.GcoreClientOptions { ApiKey = ApiKey, BaseUrl = server.BaseUrl });

        string metrics = await client.Dns.V2.Monitor.Metrics.GetAsync();

        Assert.Equal("dns_requests_total{zone=\"example.com\"} 42\nüber 1\n", metrics);
        Assert.Equal("plain/text", accept); // dns_api.yaml's own spelling
    }

    [Fact]
    public async Task HeaderParameter_IsSent_AndWinsOverTheDefaultAccept()
    {
        string? accept = null;
        await using var server = await RecordingServer.StartAsync(async context =>
        {
            accept = context.Request.Headers.Accept;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"addresses": ["192.0.2.1/32"], "addresses_v6": []}""");
        });
        using var client = new Cdn.GcoreClient(new Cdn.GcoreClientOptions { ApiKey = ApiKey, BaseUrl = server.BaseUrl });

        await client.Cdn.PublicIpList.GetAsync(accept: Cdn.Accept.ApplicationJson);

        Assert.Equal("application/json", accept);
    }

    [Fact]
    public async Task Download_FirstBytesAreReadable_BeforeTheServerHasFinished()
    {
        var rest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await RecordingServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/zip";
            context.Response.Headers.ContentDisposition = "attachment; filename=\"2026-01-01_2026-01-02_csv.zip\"";
            await context.Response.Body.WriteAsync("PK\u0003\u0004first"u8.ToArray());
            await context.Response.Body.FlushAsync();
            await rest.Task.WaitAsync(TimeSpan.FromSeconds(20)); // held back until the client has read the start
            await context.Response.Body.WriteAsync("-and-the-rest"u8.ToArray());
        });
        using var client = new Cdn.GcoreClient(new Cdn.GcoreClientOptions { ApiKey = ApiKey, BaseUrl = server.BaseUrl });

        await using var download = await client.Cdn.Advanced.V1.Logs.Download.GetAsync("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "csv");
        var start = new byte[9];
        await download.Stream.ReadExactlyAsync(start);
        Assert.Equal("PK\u0003\u0004first", Encoding.ASCII.GetString(start));
        rest.SetResult();
        var tail = new MemoryStream();
        await download.CopyToAsync(tail);

        Assert.Equal("-and-the-rest", Encoding.ASCII.GetString(tail.ToArray()));
        Assert.Equal("application/zip", download.ContentType);
        Assert.Equal("2026-01-01_2026-01-02_csv.zip", download.FileName);
        Assert.Null(download.Length); // sent chunked: nothing was measured or buffered
        Assert.Equal(200, download.StatusCode);
    }

    [Fact]
    public async Task Download_Disposed_ReleasesTheConnection()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await RecordingServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/zip";
            var chunk = new byte[16 * 1024];
            try
            {
                // An endless body: only the client letting go of the connection ends it.
                for (int i = 0; i < 100_000; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
            {
                aborted.TrySetResult();
            }
        });
        using var client = new Cdn.GcoreClient(new Cdn.GcoreClientOptions { ApiKey = ApiKey, BaseUrl = server.BaseUrl });

        var download = await client.Cdn.Advanced.V1.Logs.Download.GetAsync("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "csv");
        var buffer = new byte[1024];
        await download.Stream.ReadExactlyAsync(buffer);
        download.Dispose();

        // The server learns at once that nobody reads any more: its next write fails.
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Download_ReadWithACancelledToken_Throws()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await RecordingServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/zip";
            await context.Response.Body.WriteAsync("PK"u8.ToArray());
            await context.Response.Body.FlushAsync();
            await done.Task.WaitAsync(TimeSpan.FromSeconds(20));
        });
        using var client = new Cdn.GcoreClient(new Cdn.GcoreClientOptions { ApiKey = ApiKey, BaseUrl = server.BaseUrl });
        await using var download = await client.Cdn.Advanced.V1.Logs.Download.GetAsync("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "csv");
        await download.Stream.ReadExactlyAsync(new byte[2]);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => download.Stream.ReadAsync(new byte[10], cancel.Token).AsTask());
        done.SetResult();
    }

    [Fact]
    public async Task ProblemJson_IsReadIntoTheTypedException_TitleDetailAndFieldErrors_KeyMasked()
    {
        const string Problem = """
            {"type": "https://api.gcore.com/problems/validation", "title": "Invalid tags", "status": 422,
             "detail": "Tag 0 is too long (key wire-key-4b1d9e)",
             "errors": [{"field": "tags[0]", "message": "at most 64 characters"}, {"field": "tags[0]", "message": "no spaces"}]}
            """;
        await using var server = await RecordingServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 422;
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsync(Problem);
        });
        using var client = new Constructs.GcoreClient(new Constructs.GcoreClientOptions { ApiKey = ApiKey, BaseUrl = server.BaseUrl });

        var error = await Assert.ThrowsAsync<Constructs.GcoreUnprocessableEntityException>(() => client.Forms.Tags.ReplaceAsync(new[] { "x" }));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal("Invalid tags", error.Title);
        Assert.Equal("https://api.gcore.com/problems/validation", error.ProblemType);
        Assert.DoesNotContain(ApiKey, error.Detail);
        Assert.StartsWith("Tag 0 is too long", error.Detail);
        Assert.Equal(new[] { "at most 64 characters", "no spaces" }, error.ValidationErrors["tags[0]"]);
        Assert.Equal(Problem, error.Body); // the body as received
        Assert.DoesNotContain(ApiKey, error.Message);
    }

    [Fact]
    public async Task FastApiValidationError_FieldErrorsByLocation()
    {
        await using var server = await RecordingServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 422;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"detail": [{"loc": ["body", "network"], "msg": "not a network", "type": "value_error"}]}""");
        });
        using var client = new Constructs.GcoreClient(new Constructs.GcoreClientOptions { ApiKey = ApiKey, BaseUrl = server.BaseUrl });

        var error = await Assert.ThrowsAsync<Constructs.GcoreUnprocessableEntityException>(() => client.Forms.Tags.ReplaceAsync(new[] { "x" }));

        Assert.Equal(new[] { "not a network" }, error.ValidationErrors["network"]);
        Assert.Null(error.Title);
        Assert.Null(error.Detail); // a list, not text
    }
}
