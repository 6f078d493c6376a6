using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SharpYaml;
using SharpYaml.Events;

namespace GcoreCdnGen.Reading;

/// <summary>
/// Valid spellings Microsoft.OpenApi cannot read, rewritten in the text to equivalent ones it can, before it reads
/// the document: a boolean schema (<c>true</c> is <c>{}</c>, <c>false</c> is <c>{"not": {}}</c>, OpenAPI 3.1) and
/// a length or count beyond <see cref="int"/> (no .NET string or list is longer, so it is <see cref="int.MaxValue"/>).
/// A replacement stays on its line, so every line number still points at the spec as written.
/// </summary>
internal static class ReaderWorkarounds
{
    /// <summary>Keywords whose value is one schema.</summary>
    private static readonly HashSet<string> OneSchema = new(StringComparer.Ordinal)
    {
        "items", "not", "contains", "if", "then", "else", "propertyNames", "additionalItems", "unevaluatedItems",
    };

    /// <summary>Keywords whose value holds schemas by name or by index.</summary>
    private static readonly HashSet<string> ManySchemas = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "allOf", "anyOf", "oneOf", "prefixItems",
    };

    /// <summary>Keywords whose value the reader holds in an <see cref="int"/>.</summary>
    private static readonly HashSet<string> Counts = new(StringComparer.Ordinal)
    {
        "maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties", "maxContains", "minContains",
    };

    /// <summary>Keys below which values are data, not schemas.</summary>
    private static readonly HashSet<string> Data = new(StringComparer.Ordinal) { "example", "examples", "default", "enum", "const" };

    /// <summary>The text with every rewrite made; for JSON text (YAML text is read by <see cref="YamlTree"/>, which asks <see cref="Replacement"/>).</summary>
    public static string Apply(string text)
    {
        var edits = new List<(int Start, int End, string Text)>();
        try
        {
            SourceMap.VisitValues(text, (pointer, scalar) =>
            {
                if (Replacement(pointer.Split('/').Skip(1).ToList(), scalar) is { } replacement)
                    edits.Add((scalar.Start.Index, scalar.End.Index, replacement));
            });
        }
        catch (Exception)
        {
            // Not YAML or JSON: the reader reports where it breaks.
            return text;
        }

        if (edits.Count == 0)
            return text;
        var sb = new StringBuilder(text);
        foreach (var (start, end, replacement) in edits.OrderByDescending(e => e.Start))
        {
            if (start < 0 || end > sb.Length || end <= start)
                continue;
            sb.Remove(start, end - start).Insert(start, replacement);
        }

        return sb.ToString();
    }

    /// <summary>
    /// What a scalar value at <paramref name="path"/> (its keys and indexes from the root) is rewritten to, or null
    /// when it stays: a boolean schema as the schema it means, an over-large count as <see cref="int.MaxValue"/>.
    /// Only a plain scalar that is <c>true</c>, <c>false</c> or the value of a count keyword is looked at closer.
    /// </summary>
    public static string? Replacement(IReadOnlyList<string> path, Scalar scalar)
    {
        if (scalar.Style != ScalarStyle.Plain)
            return null;
        if (scalar.Value is "true" or "false")
            return IsSchema(path, path.Count) ? (scalar.Value == "true" ? "{}" : "{\"not\": {}}") : null;
        if (path.Count > 0 && Counts.Contains(path[path.Count - 1]) && IsSchema(path, path.Count - 1))
            return Clamp(scalar.Value);
        return null;
    }

    /// <summary>Whether the first <paramref name="n"/> segments of a path name a schema.</summary>
    private static bool IsSchema(IReadOnlyList<string> path, int n)
    {
        if (n == 3 && path[0] == "components" && path[1] == "schemas")
            return true;
        if (n >= 1 && path[n - 1] == "schema" && !IsData(path, n - 1))
            return true;
        if (n >= 2 && OneSchema.Contains(path[n - 1]) && IsSchema(path, n - 1))
            return true;
        return n >= 3 && ManySchemas.Contains(path[n - 2]) && IsSchema(path, n - 2);
    }

    /// <summary>Whether one of the first <paramref name="n"/> segments leads into data or an extension.</summary>
    private static bool IsData(IReadOnlyList<string> path, int n)
    {
        for (int i = 0; i < n; i++)
        {
            if (Data.Contains(path[i]) || path[i].StartsWith("x-", StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    /// <summary>A count the reader cannot hold in an <see cref="int"/>, as the nearest one it can; null when it fits or is no number.</summary>
    private static string? Clamp(string value)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            return null;
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || double.IsNaN(number))
            return null;
        return number < 0 ? "0" : number >= int.MaxValue ? int.MaxValue.ToString(CultureInfo.InvariantCulture) : Math.Floor(number).ToString(CultureInfo.InvariantCulture);
    }
}
