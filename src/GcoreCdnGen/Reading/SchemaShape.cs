using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;

namespace GcoreCdnGen.Reading;

/// <summary>
/// Whether two schemas describe the same JSON, whatever the document calls them: a <c>$ref</c> and an inline copy of
/// its target are the same; titles, descriptions, examples, deprecation and order do not count.
/// </summary>
internal static class SchemaShape
{
    private const int MaxDepth = 16;

    public static bool Same(IOpenApiSchema? a, IOpenApiSchema? b) => Same(a, b, 0);

    private static bool Same(IOpenApiSchema? a, IOpenApiSchema? b, int depth)
    {
        if (a is OpenApiSchemaReference ra && b is OpenApiSchemaReference rb && ra.Reference?.Id is { } ida && ida == rb.Reference?.Id)
            return true;
        a = Resolve(a);
        b = Resolve(b);
        if (a is null || b is null)
            return a is null && b is null;
        if (ReferenceEquals(a, b))
            return true;
        if (depth > MaxDepth)
            return true; // deep enough to be the same recursive shape
        if ((a.Type & ~JsonSchemaType.Null) != (b.Type & ~JsonSchemaType.Null) || a.Format != b.Format)
            return false;
        if (!SameSet(a.Enum?.Select(e => e?.ToJsonString() ?? "null"), b.Enum?.Select(e => e?.ToJsonString() ?? "null")))
            return false;
        if (!SameSet(a.Required, b.Required))
            return false;
        var pa = a.Properties ?? new Dictionary<string, IOpenApiSchema>();
        var pb = b.Properties ?? new Dictionary<string, IOpenApiSchema>();
        if (pa.Count != pb.Count || pa.Any(p => !pb.TryGetValue(p.Key, out var other) || !Same(p.Value, other, depth + 1)))
            return false;
        if (!Same(a.Items, b.Items, depth + 1) || !Same(a.AdditionalProperties, b.AdditionalProperties, depth + 1))
            return false;
        return SameParts(a.AllOf, b.AllOf, depth) && SameParts(Union(a), Union(b), depth);
    }

    private static IList<IOpenApiSchema>? Union(IOpenApiSchema s) => s.OneOf is { Count: > 0 } ? s.OneOf : s.AnyOf;

    private static bool SameParts(IList<IOpenApiSchema>? a, IList<IOpenApiSchema>? b, int depth)
    {
        int ca = a?.Count ?? 0, cb = b?.Count ?? 0;
        if (ca != cb)
            return false;
        return ca == 0 || a!.All(x => b!.Any(y => Same(x, y, depth + 1)));
    }

    private static bool SameSet(IEnumerable<string>? a, IEnumerable<string>? b) =>
        new HashSet<string>(a ?? Enumerable.Empty<string>(), StringComparer.Ordinal).SetEquals(b ?? Enumerable.Empty<string>());

    /// <summary>The schema a reference points at (through reference chains); null when it does not resolve.</summary>
    public static IOpenApiSchema? Resolve(IOpenApiSchema? schema)
    {
        for (int i = 0; i < 8 && schema is OpenApiSchemaReference reference; i++)
        {
            schema = reference.TargetOrNull();
        }

        return schema;
    }
}
