using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace FakeGcore;

/// <summary>Writes the response for a non-delay <see cref="Fault"/>.</summary>
internal static class FaultWriter
{
    public static async Task WriteAsync(HttpContext context, Fault fault, CancellationToken ct)
    {
        var response = context.Response;
        response.StatusCode = fault.StatusCode;
        foreach (var (name, value) in fault.Headers)
        {
            response.Headers.Append(name, value);
        }

        switch (fault.Kind)
        {
            case FaultKind.Status:
                var body = fault.Body ?? new JsonObject { ["message"] = ReasonPhrases.GetReasonPhrase(fault.StatusCode) }.ToJsonString();
                await WriteAsync(response, "application/json", body, ct);
                break;

            case FaultKind.MalformedJson:
                await WriteAsync(response, "application/json", "{\"id\": 1, \"name\": \"truncated\", \"sources\": [{\"source\": ", ct);
                break;

            case FaultKind.Html:
                var title = $"{fault.StatusCode} {ReasonPhrases.GetReasonPhrase(fault.StatusCode)}";
                var html = $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
                await WriteAsync(response, "text/html", html, ct);
                break;

            case FaultKind.ResetConnection:
                // Promise more bytes than are sent, flush the partial body, then drop the connection.
                var partial = Encoding.UTF8.GetBytes("{\"id\": 1, \"name\": \"interrupted\", \"sour");
                response.ContentType = "application/json";
                response.ContentLength = 4096;
                await response.Body.WriteAsync(partial, ct);
                await response.Body.FlushAsync(ct);
                context.Abort();
                break;
        }
    }

    private static async Task WriteAsync(HttpResponse response, string contentType, string text, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, ct);
    }
}
