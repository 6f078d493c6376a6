using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;
using static GcoreCdnGen.Emitting.Json.JsonEmitter;

namespace GcoreCdnGen.Emitting.Json;

/// <summary>The code that reads or writes one value of a type: scalars, lists and maps (nested to any depth), named types.</summary>
internal static class ValueJsonEmitter
{
    /// <summary>A read of the value at the reader that yields null for JSON null.</summary>
    internal static string ReadValue(string ns, TypeRef type, string reader, int depth)
    {
        switch (type.Kind)
        {
            case TypeRefKind.String: return $"GcoreJson.ReadString(ref {reader})";
            case TypeRefKind.Boolean: return $"GcoreJson.ReadBoolean(ref {reader})";
            case TypeRefKind.Int32: return $"GcoreJson.ReadInt32(ref {reader})";
            case TypeRefKind.Int64: return $"GcoreJson.ReadInt64(ref {reader})";
            case TypeRefKind.Double: return $"GcoreJson.ReadDouble(ref {reader})";
            case TypeRefKind.Decimal: return $"GcoreJson.ReadDecimal(ref {reader})";
            case TypeRefKind.DateTimeOffset: return $"GcoreJson.ReadDateTimeOffset(ref {reader})";
            case TypeRefKind.Guid: return $"GcoreJson.ReadGuid(ref {reader})";
            case TypeRefKind.Json: return $"GcoreJson.ReadElement(ref {reader})";
            case TypeRefKind.Array:
            case TypeRefKind.Map:
                string r = $"r{depth}";
                string method = type.Kind == TypeRefKind.Array ? "ReadList" : "ReadMap";
                return $"GcoreJson.{method}<{CSharp.Type(type.Element!)}>(ref {reader}, static (ref {Reader} {r}) => {ReadNotNull(ns, type.Element!, r, depth + 1, "An item")})";
            default:
                string qualified = Qualified(ns, type.Name!);
                string none = type.NamedKind == TypeKind.Enum ? $"({qualified}?)null" : "null";
                return $"({reader}.TokenType == {Token}.Null ? {none} : {qualified}.{GeneratedNames.ReadJson}(ref {reader}))";
        }
    }

    /// <summary>A read of the value at the reader that fails on JSON null.</summary>
    internal static string ReadNotNull(string ns, TypeRef type, string reader, int depth, string what)
    {
        if (type.Kind == TypeRefKind.Json)
            return ReadValue(ns, type, reader, depth);
        if (type.Kind == TypeRefKind.Named && type.NamedKind == TypeKind.Enum)
            return $"{Qualified(ns, type.Name!)}.{GeneratedNames.ReadJson}(ref {reader})";
        string helper = type.IsValueType ? "NotNullValue" : "NotNull";
        return $"GcoreJson.{helper}({ReadValue(ns, type, reader, depth)}, {Identifiers.Literal(what)})";
    }

    /// <summary>Writes the value as one statement (a list or a map through a runtime helper, its items with a static lambda).</summary>
    internal static void WriteValue(SourceWriter w, TypeRef type, string value, string writer, int depth) =>
        w.Line(WriteValue(type, value, writer, depth) + ";");

    /// <summary>An expression that writes the value, without a name.</summary>
    internal static string WriteValue(TypeRef type, string value, string writer, int depth)
    {
        switch (type.Kind)
        {
            case TypeRefKind.String:
            case TypeRefKind.DateTimeOffset:
            case TypeRefKind.Guid:
                return $"{writer}.WriteStringValue({value})";
            case TypeRefKind.Boolean:
                return $"{writer}.WriteBooleanValue({value})";
            case TypeRefKind.Int32:
            case TypeRefKind.Int64:
            case TypeRefKind.Double:
            case TypeRefKind.Decimal:
                return $"{writer}.WriteNumberValue({value})";
            case TypeRefKind.Json:
                return $"{value}.WriteTo({writer})";
            case TypeRefKind.Array when ListWriter(type.Element!) is { } list:
                return $"GcoreJson.{list}({writer}, {value})";
            case TypeRefKind.Array:
                return $"GcoreJson.WriteList<{CSharp.Type(type.Element!)}>({writer}, {value}, {Writes(type.Element!, depth + 1)})";
            case TypeRefKind.Map:
                return $"GcoreJson.WriteMap<{CSharp.Type(type.Element!)}>({writer}, {value}, {Writes(type.Element!, depth + 1)})";
            case TypeRefKind.Named when type.NamedKind == TypeKind.Enum:
                return $"{writer}.WriteStringValue({value}.Value)";
            default:
                return $"{value}.{GeneratedNames.WriteJson}({writer})";
        }
    }

    /// <summary>A static lambda that writes one value of the type, for the runtime's list, map and property writers.</summary>
    internal static string Writes(TypeRef type, int depth) =>
        $"static (w{depth}, v{depth}) => {WriteValue(type, $"v{depth}", $"w{depth}", depth)}";

    /// <summary>The runtime's own loop for a list of these items (strings, 64-bit integers); null for the rest.</summary>
    internal static string? ListWriter(TypeRef item) => item.Kind switch
    {
        TypeRefKind.String => "WriteStrings",
        TypeRefKind.Int64 => "WriteNumbers",
        _ => null,
    };
}
