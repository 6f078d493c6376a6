using System.Collections.Generic;
using System.Linq;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;
using static GcoreCdnGen.Emitting.Json.ObjectJsonEmitter;
using static GcoreCdnGen.Emitting.Json.UnionJsonEmitter;

namespace GcoreCdnGen.Emitting.Json;

/// <summary>
/// Emits how one type reads and writes itself with Utf8JsonReader/Utf8JsonWriter: no reflection, so the
/// consumer's code stays trim- and AOT-safe, and no dependency on the System.Text.Json source generator
/// (which cannot see generated types). Nothing is lost: properties the spec does not know are kept in
/// <c>AdditionalProperties</c>, and a union value that fits no variant is kept as raw JSON. This is the entry
/// point and what every JSON emitter shares: the converter's interface, the encoded names and the switch on a name.
/// An object's reader and writer are <see cref="ObjectJsonEmitter"/>, a union's <see cref="UnionJsonEmitter"/>, how
/// an object scores against a union's variants <see cref="ScoringEmitter"/>, and one value's code <see cref="ValueJsonEmitter"/>.
/// </summary>
internal static class JsonEmitter
{
    internal const string Reader = "global::System.Text.Json.Utf8JsonReader";
    internal const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    internal const string Token = "global::System.Text.Json.JsonTokenType";
    internal const string Element = "global::System.Text.Json.JsonElement";
    private const string EncodedText = "global::System.Text.Json.JsonEncodedText";

    /// <summary>
    /// Writes the JSON members of one type inside its declaration (which <see cref="ModelEmitter"/> writes), and the
    /// explicit implementation of the runtime's JSON interface through which the one converter calls them.
    /// </summary>
    /// <param name="shapes">For a union, its variants and the object types they hold (<see cref="TypeDef.VariantShapes"/>); its one-pass reader is built from them.</param>
    public static void EmitMembers(SourceWriter w, string ns, TypeDef type, EquatableArray<TypeDef> shapes)
    {
        switch (type.Kind)
        {
            case TypeKind.Enum:
                EmitEnum(w, type);
                break;
            case TypeKind.Union:
                EmitUnion(w, ns, type, shapes);
                break;
            default:
                EmitObject(w, ns, type);
                break;
        }

        w.Line();
        EmitInterface(w, type.Name);
    }

    /// <summary>The runtime's JSON interface of a type, for its base list.</summary>
    internal static string Interface(string name) => $"{RuntimeSources.JsonInterface}<{name}>";

    /// <summary>The type's <c>ReadJson</c>/<c>WriteJson</c> as the runtime's converter sees them (they stay internal).</summary>
    internal static void EmitInterface(SourceWriter w, string name)
    {
        w.Line($"""
            static {name} {Interface(name)}.{GeneratedNames.ReadJson}(ref {Reader} reader) => {GeneratedNames.ReadJson}(ref reader);
            void {Interface(name)}.{GeneratedNames.WriteJson}({Writer} writer) => {GeneratedNames.WriteJson}(writer);
            """);
    }

    private static void EmitEnum(SourceWriter w, TypeDef type)
    {
        w.Line("/// <summary>Reads the value; the values the spec lists come back without allocating.</summary>");
        using (w.Block($"internal static {type.Name} {GeneratedNames.ReadJson}(ref {Reader} reader)"))
        {
            if (type.Values.Count > 0 && type.Values.Count <= CSharp.EnumValuesInline)
            {
                using (w.Block($"if (reader.TokenType == {Token}.String)"))
                {
                    foreach (var value in type.Values)
                        w.Line($"if (reader.ValueTextEquals({CSharp.Utf8(value.Value)})) return {value.MemberName};");
                }

                w.Line();
            }
            else if (type.Values.Count > 0)
            {
                // Many values: one look-up in the type's set of them (the same code however many there are), which
                // hands back the set's own string for a value it lists.
                w.Line($$"""
                    if (reader.TokenType == {{Token}}.String)
                    {
                        string value = reader.GetString()!;
                        return new({{CSharp.EnumValueSet}}.TryGetValue(value, out var known) ? known : value);
                    }

                    """);
            }

            w.Line($"return new(GcoreJson.NotNull(GcoreJson.ReadString(ref reader), {Identifiers.Literal(type.Name)}));");
        }

        w.Line($"""

            internal void {GeneratedNames.WriteJson}({Writer} writer) => writer.WriteStringValue(Value);
            """);
    }

    internal static string Qualified(string ns, string name) => $"global::{ns}.{name}";

    /// <summary>The C# name of the variant that keeps a union value no listed variant fits.</summary>
    public const string UnknownName = GeneratedNames.Unknown;

    internal static void EmitNames(SourceWriter w, IEnumerable<PropertyDef> properties, string access)
    {
        bool any = false;
        foreach (var p in properties.Where(p => !p.Inherited))
        {
            w.Line($"{access} static readonly {EncodedText} {NameField(p)} = {EncodedText}.Encode({Identifiers.Literal(p.JsonName)});");
            any = true;
        }

        if (any)
            w.Line();
    }

    internal static string NameField(PropertyDef p) => $"JsonName_{p.Name}";

    /// <summary>
    /// Dispatches on the UTF-8 name in <c>name</c>: a switch on its length, then a comparison per name of that length,
    /// one line each: <paramref name="statements"/> is what a match does, and must leave the switch (return or continue).
    /// </summary>
    internal static void EmitNameSwitch(SourceWriter w, IEnumerable<PropertyDef> properties, System.Func<PropertyDef, string> statements) =>
        EmitNameSwitch(w, "name", properties, p => p.JsonName, p => $"{{ {statements(p)} }}", null);

    /// <summary>
    /// As above, for a match that takes more than a line: <paramref name="oneLine"/> gives the one-line form where there is
    /// one (null otherwise: <paramref name="body"/> then writes the block's lines).
    /// </summary>
    internal static void EmitNameSwitch<T>(SourceWriter w, string name, IEnumerable<T> items, System.Func<T, string> jsonName,
        System.Func<T, string?> oneLine, System.Action<T>? body)
    {
        var byLength = items
            .GroupBy(p => System.Text.Encoding.UTF8.GetByteCount(jsonName(p)))
            .OrderBy(g => g.Key)
            .ToList();
        if (byLength.Count == 0)
            return;
        using (w.Block($"switch ({name}.Length)"))
        {
            foreach (var group in byLength)
            {
                w.Line($"case {group.Key}:");
                w.Indent();
                foreach (var p in group)
                {
                    string test = $"if (GcoreJson.NameIs({name}, {CSharp.Utf8(jsonName(p))}))";
                    if (oneLine(p) is { } line)
                    {
                        w.Line($"{test} {line}");
                        continue;
                    }

                    using (w.Block(test))
                        body!(p);
                }

                w.Line("break;");
                w.Outdent();
            }
        }
    }
}
