using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace GcoreCdnGen.ClientTests.Json;

/// <summary>Compares JSON texts as parsed trees: property order and whitespace do not matter, values and nulls do.</summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        var e = JsonNode.Parse(expected);
        var a = JsonNode.Parse(actual);
        if (!JsonNode.DeepEquals(e, a))
            throw new XunitException("JSON differs.\nExpected: " + e?.ToJsonString() + "\nActual:   " + a?.ToJsonString());
    }

    public static JsonObject Object(string json) =>
        JsonNode.Parse(json) as JsonObject ?? throw new XunitException("Not a JSON object: " + json);
}
