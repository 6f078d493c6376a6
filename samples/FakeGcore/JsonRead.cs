using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeGcore;

/// <summary>Small helpers for reading untyped request JSON.</summary>
internal static class JsonRead
{
    public static bool TryString(JsonNode? node, [NotNullWhen(true)] out string? value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }

        value = null;
        return false;
    }

    public static bool TryBool(JsonNode? node, out bool value)
    {
        var kind = node?.GetValueKind();
        value = kind == JsonValueKind.True;
        return kind is JsonValueKind.True or JsonValueKind.False;
    }

    /// <summary>The Python type name Django REST framework would print for this value.</summary>
    public static string PythonTypeName(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => "str",
        JsonValueKind.Number => "int",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "list",
        JsonValueKind.Object => "dict",
        _ => "NoneType",
    };

    /// <summary>Length in Unicode code points, as Python's len() counts it.</summary>
    public static int CodePoints(string value) => value.EnumerateRunes().Count();
}
