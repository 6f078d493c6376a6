using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GcoreCdnGen.ClientTests.Client;
using Microsoft.AspNetCore.Http;
using Xunit;
using Billing = ClientTests.Wire.Billing;
using Constructs = ClientTests.Wire.Constructs;
using FastEdge = ClientTests.Wire.FastEdge;
using Iam = ClientTests.Wire.Iam;

namespace GcoreCdnGen.ClientTests.Wire;

/// <summary>
/// Request bodies and parameters beyond JSON objects, as a real server on 127.0.0.1 receives them: multipart
/// uploads, a streamed octet-stream upload, a form post, a JSON array body, array query parameters in both OpenAPI
/// styles, and header parameters (with the CR/LF guard).
/// </summary>
public class BodyTests
{
    private const string ApiKey = "wire-key-4b1d9e";

    private sealed record Seen(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string? ContentType, IFormCollection? Form, IReadOnlyList<SeenFile> Files, string? Body);

    private sealed record SeenFile(string Name, string FileName, string ContentType, string Text);

    /// <summary>A server that records each request (a form parsed as ASP.NET Core parses it) and answers <paramref name="status"/> with <paramref name="json"/>.</summary>
    private static async Task<(RecordingServer Server, List<Seen> Seen)> StartAsync(int status = 204, string? json = null)
    {
        var seen = new List<Seen>();
        var server = await RecordingServer.StartAsync(async context =>
        {
            var request = context.Request;
            IFormCollection? form = request.HasFormContentType ? await request.ReadFormAsync() : null;
            string? body = form is null ? await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync() : null;
            var files = new List<SeenFile>();
            foreach (var file in form?.Files ?? (IReadOnlyList<IFormFile>)Array.Empty<IFormFile>())
            {
                using var reader = new StreamReader(file.OpenReadStream(), Encoding.Latin1);
                files.Add(new SeenFile(file.Name, file.FileName, file.ContentType, await reader.ReadToEndAsync()));
            }

            lock (seen)
                seen.Add(new Seen(request.Method, request.Path + request.QueryString, request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), request.ContentType, form, files, body));
            context.Response.StatusCode = status;
            if (json is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(json);
            }
        });
        return (server, seen);
    }

    [Fact]
    public async Task Multipart_SendsFieldsAndEveryFile_WithNamesAndContentTypes_AndTheHeaderParameter()
    {
        var (server, seen) = await StartAsync();
        await using var _ = server;
        using var client = new Constructs.GcoreClient(new Constructs.GcoreClientOptions { ApiKey = ApiKey, BaseUrl = server.BaseUrl, MaxRetries = 0 });

        using var pdf = new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.7 report"));
        await client.Forms.Uploads.CreateAsync(
            xRequestTag: "batch-7",
            files: new List<Constructs.GcoreFile>
            {
                new(pdf, "report.pdf", "application/pdf"),
                new(Encoding.UTF8.GetBytes("a,b\n1,2\n"), "data.csv", "text/csv"),
            },
            network: "192.0.2.0/24",
            asNumber: 64500,
            comment: null);

        var call = Assert.Single(seen);
        Assert.StartsWith("multipart/form-data; boundary=", call.ContentType);
        Assert.Equal("batch-7", call.Headers["X-Request-Tag"]);
        var form = call.Form!;
        Assert.Equal("192.0.2.0/24", form["network"].ToString());
        Assert.Equal("64500", form["as_number"].ToString());
        Assert.False(form.ContainsKey("comment")); // null is not sent
        Assert.Equal(
            new[] { new SeenFile("files", "report.pdf", "application/pdf", "%PDF-1.7 report"), new SeenFile("files", "data.csv", "text/csv", "a,b\n1,2\n") },
            call.Files);
        Assert.True(pdf.CanRead, "the caller's stream is the caller's to close");
    }

    [Fact]
    public async Task Multipart_FromGcoresIamDocument_SendsEachFileAsItsOwnPart()
    {
        var (server, seen) = await StartAsync(400, """{"detail": "logo too large"}""");
        await using var _ = server;
        using var client = new Iam.GcoreClient(new Iam.GcoreClientOptions { ApiKey = ApiKey, BaseUrl = server.BaseUrl, MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<Iam.GcoreBadRequestException>(() =>
            client.Iam.Reselling.Settings.Upload.CreateAsync(logo: new Iam.GcoreFile(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "logo.png", "image/png")));

        Assert.Equal("logo too large", error.Detail);
        var file = Assert.Single(Assert.Single(seen).Files);
        Assert.Equal(new SeenFile("logo", "logo.png", "image/png", "\u0089PNG"), file);
    }

    [Fact]
    public async Task HeaderParameter_WithALineBreak_IsRefusedBeforeAnythingIsSent()
    {
        var (server, seen) = await StartAsync();
        await using var _ = server;
        using var client = new Constructs.GcoreClient(new Constructs.GcoreClientOptions { ApiKey = ApiKey, BaseUrl = server.BaseUrl, MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Forms.Uploads.CreateAsync(
            "batch\r\nX-Injected: yes", new List<Constructs.GcoreFile> { new byte[] { 1 } }, "192.0.2.0/24"));

        Assert.Contains("line break", error.Message);
        Assert.Empty(seen);
    }

    [Fact]
    public async Task FileName_WithALineBreak_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new Constructs.GcoreFile(new byte[] { 1 }, "a\r\nContent-Type: text/html"));
        Assert.Equal("fileName", error.ParamName);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task FormUrlEncoded_SendsEachFieldAsAPair_ListsRepeated()
    {
        var (server, seen) = await StartAsync();
        await using var _ = server;
        using var client = new Constructs.GcoreClient(new Constructs.GcoreClientOptions { ApiKey = ApiKey, BaseUrl = server.BaseUrl, MaxRetries = 0 });

        await client.Forms.Tokens.CreateAsync("client_credentials", scope: new[] { "cdn:read", "dns write" }, ttl: 60, remember: true);

        var call = Assert.Single(seen);
        Assert.Equal("application/x-www-form-urlencoded", call.ContentType);
        var form = call.Form!;
        Assert.Equal("client_credentials", form["grant_type"].ToString());
        Assert.Equal(new[] { "cdn:read", "dns write" }, form["scope"].ToArray());
        Assert.Equal("60", form["ttl"].ToString());
        Assert.Equal("true", form["remember"].ToString());
    }

    [Fact]
    public async Task JsonArrayBody_IsSentAsAJsonArray()
    {
        var (server, seen) = await StartAsync();
        await using var _ = server;
        using var client = new Constructs.GcoreClient(new Constructs.GcoreClientOptions { ApiKey = ApiKey, BaseUrl = server.BaseUrl, MaxRetries = 0 });

        await client.Forms.Tags.ReplaceAsync(new[] { "edge", "eu \"west\"" });

        var call = Assert.Single(seen);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.Equal("""["edge","eu \u0022west\u0022"]""", call.Body);
    }

    [Fact]
    public async Task ArrayQuery_ExplodedRepeatsTheKey_NotExplodedJoinsWithCommas()
    {
        var (server, seen) = await StartAsync(200, """{"count": 0, "results": []}""");
        await using var _ = server;
        using var client = new Billing.GcoreClient(new Billing.GcoreClientOptions { ApiKey = ApiKey, BaseUrl = server.BaseUrl, MaxRetries = 0 });

        // billing_reseller_api.yaml: `ordering` is style: form, explode: false; `status` explode: true.
        await client.Billing.Org.V1.Reports.GetAsync(
            ordering: new[] { Billing.Ordering.CreatedAt, Billing.Ordering.Uuid },
            status: new[] { Billing.Status.Completed, Billing.Status.Failed });

        string target = Assert.Single(seen).Target;
        Assert.Contains("ordering=-created_at,-uuid", target);
        Assert.Contains("status=Completed&status=Failed", target);
    }

    /// <summary>
    /// A stream that cannot seek and throws if asked its length or position, and that holds its second half back until
    /// the server has read the first: a client that buffered the body would wait forever (here: fail after 20 s).
    /// </summary>
    private sealed class OneWayStream(TaskCompletionSource serverReadFirstHalf) : Stream
    {
        private int _chunk;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException("Length was asked: the body is being buffered or measured.");
        public override long Position { get => throw new NotSupportedException("Position was asked."); set => throw new NotSupportedException("Position was set."); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("Seek was called.");
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read synchronously.");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            switch (_chunk++)
            {
                case 0:
                    return Fill(buffer, "first-half;");
                case 1:
                    await serverReadFirstHalf.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
                    return Fill(buffer, "second-half");
                default:
                    return 0;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private static int Fill(Memory<byte> buffer, string text) => Encoding.ASCII.GetBytes(text, buffer.Span);
    }

    [Fact]
    public async Task OctetStream_FromANonSeekableStream_IsStreamedNotBuffered()
    {
        var firstHalf = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string? received = null;
        string? contentType = null;
        await using var server = await RecordingServer.StartAsync(async context =>
        {
            contentType = context.Request.ContentType;
            var buffer = new byte[64];
            var all = new MemoryStream();
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
            {
                all.Write(buffer, 0, read);
                if (Encoding.ASCII.GetString(all.ToArray()).Contains("first-half;"))
                    firstHalf.TrySetResult(); // the client is still holding the rest
            }

            received = Encoding.ASCII.GetString(all.ToArray());
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id": 7, "status": 1, "api_type": "wasi-http"}""");
        });
        using var client = new FastEdge.GcoreClient(new FastEdge.GcoreClientOptions { ApiKey = ApiKey, BaseUrl = server.BaseUrl });

        var binary = await client.Fastedge.V1.Binaries.Raw.CreateAsync(new OneWayStream(firstHalf));

        Assert.Equal(7, binary.Id);
        Assert.Equal("first-half;second-half", received);
        Assert.Equal("application/octet-stream", contentType);
    }

    [Fact]
    public async Task OctetStream_FromANonSeekableStream_IsNotRetried()
    {
        int requests = 0;
        await using var server = await RecordingServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref requests);
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.StatusCode = 503;
        });
        using var client = new FastEdge.GcoreClient(new FastEdge.GcoreClientOptions { ApiKey = ApiKey, BaseUrl = server.BaseUrl, MaxRetries = 3, InitialRetryDelay = TimeSpan.Zero });
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();

        await Assert.ThrowsAsync<FastEdge.GcoreInternalServerException>(() => client.Fastedge.V1.Binaries.Raw.CreateAsync(new OneWayStream(done)));

        Assert.Equal(1, requests); // its bytes are gone: a second attempt would send an empty body
    }
}
