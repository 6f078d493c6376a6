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

    internal static void WriteValue(SourceWriter w, TypeRef type, string value, string writer, int depth)
    {
        switch (type.Kind)
        {
            case TypeRefKind.String:
            case TypeRefKind.DateTimeOffset:
            case TypeRefKind.Guid:
                w.Line($"{writer}.WriteStringValue({value});");
                break;
            case TypeRefKind.Boolean:
                w.Line($"{writer}.WriteBooleanValue({value});");
                break;
            case TypeRefKind.Int32:
            case TypeRefKind.Int64:
            case TypeRefKind.Double:
            case TypeRefKind.Decimal:
                w.Line($"{writer}.WriteNumberValue({value});");
                break;
            case TypeRefKind.Json:
                w.Line($"{value}.WriteTo({writer});");
                break;
            case TypeRefKind.Array:
                // A plain loop, not a delegate per item: the item's write is a direct call the JIT can inline.
                string items = $"items{depth}";
                string index = $"i{depth}";
                string each = $"item{depth}";
                w.Line($$"""
                    {
                        var {{items}} = {{value}};
                        {{writer}}.WriteStartArray();
                        for (int {{index}} = 0, n{{depth}} = {{items}}.Count; {{index}} < n{{depth}}; {{index}}++)
                        {
                            var {{each}} = {{items}}[{{index}}];
                    """);
                w.Indent();
                w.Indent();
                WriteValue(w, type.Element!, each, writer, depth + 1);
                w.Outdent();
                w.Outdent();
                w.Line($$"""
                        }
                        {{writer}}.WriteEndArray();
                    }
                    """);
                break;
            case TypeRefKind.Map:
                string w2 = $"w{depth}";
                string item = $"item{depth}";
                w.Line($$"""
                    GcoreJson.WriteMap<{{CSharp.Type(type.Element!)}}>({{writer}}, {{value}}, static ({{w2}}, {{item}}) =>
                    {
                    """);
                w.Indent();
                WriteValue(w, type.Element!, item, w2, depth + 1);
                w.Outdent();
                w.Line("});");
                break;
            case TypeRefKind.Named when type.NamedKind == TypeKind.Enum:
                w.Line($"{writer}.WriteStringValue({value}.Value);");
                break;
            default:
                w.Line($"{value}.{GeneratedNames.WriteJson}({writer});");
                break;
        }
    }
}
