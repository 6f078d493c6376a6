using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace GcoreCdnGen.ContractTests.Prism;

/// <summary>One entry of Prism's <c>sl-violations</c> answer header: what in the request (or its own answer) breaks the document.</summary>
public sealed record Violation(string Location, string Code, string Message)
{
    public bool InRequest => Location == "request" || Location.StartsWith("request.", StringComparison.Ordinal);

    public override string ToString() => Location + " [" + Code + "] " + Message;

    /// <summary>The violations Prism reports in the headers of one answer (none when the header is absent).</summary>
    public static IReadOnlyList<Violation> In(IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        if (!headers.TryGetValue("sl-violations", out var values))
            return [];
        var result = new List<Violation>();
        foreach (var value in values)
        {
            using var document = JsonDocument.Parse(value);
            result.AddRange(Read(document.RootElement));
        }

        return result;
    }

    /// <summary>
    /// The violations in the <c>validation</c> member of Prism's problem answer: a proxy with <c>--errors</c> refuses a
    /// request that breaks the document with a 422 that lists them there only, without the header.
    /// </summary>
    public static IReadOnlyList<Violation> InProblem(string? body)
    {
        if (string.IsNullOrEmpty(body))
            return [];
        using var document = JsonDocument.Parse(body);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("validation", out var validation)
            ? Read(validation)
            : [];
    }

    private static List<Violation> Read(JsonElement array) =>
        array.EnumerateArray()
            .Select(item => new Violation(
                string.Join(".", item.GetProperty("location").EnumerateArray().Select(l => l.ToString())),
                item.GetProperty("code").ToString(),
                item.GetProperty("message").GetString() ?? ""))
            .ToList();

    /// <summary>The violations of the request only (Prism also lists where its own example answers break the document).</summary>
    public static IReadOnlyList<Violation> OfRequest(IReadOnlyDictionary<string, IReadOnlyList<string>> headers) =>
        In(headers).Where(v => v.InRequest).ToList();

    public static string Describe(IEnumerable<Violation> violations) => string.Join(Environment.NewLine, violations);
}
