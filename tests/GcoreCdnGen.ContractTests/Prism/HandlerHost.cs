using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GcoreCdnGen.ContractTests.Prism;

/// <summary>
/// A minimal Kestrel server on 127.0.0.1 and a free port that hands every request to an <see cref="HttpMessageHandler"/>
/// (the generated fake's) and writes its answer back, so a real HTTP tool can stand in front of the fake.
/// </summary>
public sealed class HandlerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HandlerHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>The handler each request goes to; swap it to start from a new fake.</summary>
    public HttpMessageInvoker? Target { get; set; }

    public static async Task<HandlerHost> StartAsync()
    {
        int port = PrismServer.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:" + port);
        var app = builder.Build();
        var host = new HandlerHost(app, new Uri("http://127.0.0.1:" + port + "/"));
        app.Run(host.ForwardAsync);
        await app.StartAsync();
        return host;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var target = Target ?? throw new InvalidOperationException("No handler to answer " + context.Request.Path + ".");
        var request = context.Request;
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(BaseUrl, request.Path.ToUriComponent() + request.QueryString.ToUriComponent()));
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
            message.Content = new StreamContent(request.Body);
        foreach (var header in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
                message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
        }

        using var answer = await target.SendAsync(message, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var header in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                context.Response.Headers[header.Key] = header.Value.ToArray();
        }

        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
