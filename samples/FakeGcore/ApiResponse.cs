using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace FakeGcore;

/// <summary>A status plus an optional JSON body (null body means an empty response).</summary>
internal sealed record ApiResponse(int Status, JsonNode? Body)
{
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public static ApiResponse Json(int status, JsonNode body) => new(status, body);

    public static ApiResponse Empty(int status) => new(status, null);

    public static ApiResponse NotFound() => new(404, new JsonObject { ["detail"] = Messages.NotFound });

    /// <summary>400 in Gcore's usual <c>{"errors": {field: [message]}}</c> shape.</summary>
    public static ApiResponse FieldError(string field, string message) =>
        new(400, new JsonObject { ["errors"] = new JsonObject { [field] = new JsonArray(message) } });
}
