using System.Linq;
using GcoreCdnGen.Emitting.Json;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;
using GcoreCdnGen.Runtime;

namespace GcoreCdnGen.Emitting;

/// <summary>Emits the C# declaration of one model type: records, abstract union bases and string-backed enums.</summary>
internal static class ModelEmitter
{
    public static string Emit(string ns, TypeDef type)
    {
        var w = new SourceWriter();
        w.Line(CSharp.Header);
        using (w.Block($"namespace {ns}"))
        {
            switch (type.Kind)
            {
                case TypeKind.Enum:
                    EmitEnum(w, ns, type);
                    break;
                default:
                    EmitRecord(w, ns, type);
                    break;
            }
        }

        return w.ToString();
    }

    private static void TypeDocs(SourceWriter w, string ns, TypeDef type)
    {
        w.Doc("summary", type.Summary ?? type.Name);
        if (type.Kind == TypeKind.Union)
            // Variant names are C# identifiers, so the cref tags are written as they are (Doc would escape them).
            w.Line($"""/// <remarks>One of: {string.Join(", ", type.Variants.Select(v => $"""<see cref="{v}"/>"""))}. The variant is told apart by the shape of the JSON.</remarks>""");
        if (type.Kind == TypeKind.ListEnvelope)
            w.Doc("remarks", "The server responds with a bare array or with a paginated envelope; both read into this type.");
        if (type.Kind == TypeKind.Enum)
            w.Doc("remarks", "Values the spec does not list are kept as they are, so a newer server never breaks reading.");
        w.Line($"[global::{ns}.{MarkerAttributes.Schema}({Identifiers.Literal(type.Pointer)}{(type.UsedInRequest ? $", {nameof(GcoreSchemaAttribute.Request)} = true" : "")})]");
        if (type.Deprecated is { } deprecated)
            w.Line(CSharp.Obsolete(deprecated));
    }

    private static void EmitRecord(SourceWriter w, string ns, TypeDef type)
    {
        TypeDocs(w, ns, type);
        w.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({type.Name}.{GeneratedNames.JsonConverter}))]");
        string header = type.Kind == TypeKind.Union
            ? $"public abstract partial record {type.Name}"
            : type.BaseType is null ? $"public sealed partial record {type.Name}" : $"public sealed partial record {type.Name} : {type.BaseType}";
        using (w.Block(header))
        {
            if (type.Kind == TypeKind.Union)
            {
                w.Line($$"""
                    /// <summary>Only the variants declared by the spec derive from this type.</summary>
                    private protected {{type.Name}}()
                    {
                    }

                    """);
            }

            bool first = true;
            foreach (var property in type.Properties.Where(p => !p.Inherited))
            {
                if (!first)
                    w.Line();
                first = false;
                EmitProperty(w, ns, type, property);
            }

            if (type.Kind == TypeKind.ListEnvelope)
            {
                w.Line($$"""

                    /// <summary>True when the server sent the paginated envelope, false when it sent a bare array.</summary>
                    public bool {{GeneratedNames.IsPaginated}} { get; set; }
                    """);
            }

            if (type.BaseType is null)
            {
                w.Line($$"""

                    /// <summary>
                    /// JSON properties the spec does not know (a newer server, say), kept as they came and written back after the
                    /// known ones, so a read-change-write cycle loses nothing. Null when there were none; names the spec knows are not written from here.
                    /// </summary>
                    public global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>? {{GeneratedNames.AdditionalProperties}} { get; set; }
                    """);
            }

            EmitSetTracking(w, type);

            if (type.Properties.Any(p => p.Secret && !p.Inherited))
            {
                w.Line();
                EmitPrintMembers(w, type);
            }

            if (type.Kind == TypeKind.Union)
            {
                w.Line();
                EmitUnknown(w, ns, type);
            }
        }
    }

    /// <summary>
    /// <c>IsSet</c>/<c>Unset</c> by property name, for the optional properties: only what was set (or read) is written,
    /// which is what a PATCH needs; <c>Unset</c> takes a property back out of the request.
    /// </summary>
    private static void EmitSetTracking(SourceWriter w, TypeDef type)
    {
        var tracked = type.Properties.Where(p => !p.Inherited && CSharp.IsTracked(p)).ToList();
        bool union = type.Kind == TypeKind.Union;
        bool derived = type.BaseType is not null;
        if (!union && tracked.Count == 0)
            return;
        string modifier = union ? "public virtual " : derived ? "public override " : "public ";
        string Fallback(string method) => derived
            ? $"base.{method}(propertyName)"
            : $"""throw new global::System.ArgumentException("'" + propertyName + "' is not an optional property of {type.Name}.", nameof(propertyName))""";

        w.Line();
        w.Line("/// <summary>Whether an optional property was set (or read from JSON): only those are written. Takes the C# name, e.g. <c>nameof(...)</c>.</summary>");
        using (w.Block($"{modifier}bool {GeneratedNames.IsSet}(string propertyName)"))
        {
            using (w.Block("switch (propertyName)"))
            {
                foreach (var p in tracked)
                    w.Line($"case nameof({p.Name}): return {CSharp.Field(p)}IsSet;");
                w.Line($"default: {(derived ? "return " : "")}{Fallback(GeneratedNames.IsSet)};");
            }
        }

        w.Line();
        w.Line("/// <summary>Forgets that an optional property was set: it goes back to its default and is no longer written (a PATCH leaves it as it is).</summary>");
        using (w.Block($"{modifier}void {GeneratedNames.Unset}(string propertyName)"))
        {
            using (w.Block("switch (propertyName)"))
            {
                foreach (var p in tracked)
                {
                    w.Line($"""
                        case nameof({p.Name}):
                            {CSharp.Field(p)} = default;
                            {CSharp.Field(p)}IsSet = false;
                            return;
                        """);
                }

                w.Line("default:");
                w.Indent();
                w.Line($"{Fallback(GeneratedNames.Unset)};");
                if (derived)
                    w.Line("return;");
                w.Outdent();
            }
        }
    }

    /// <summary>The variant that keeps a union value no listed variant fits, as raw JSON.</summary>
    private static void EmitUnknown(SourceWriter w, string ns, TypeDef type)
    {
        string name = JsonEmitter.UnknownName;
        w.Line($"""
            /// <summary>
            /// A value that fits none of the variants the spec lists (a newer server, say): kept as raw JSON and written
            /// back unchanged. The shared properties are not read from it (required ones hold their default); setting an optional
            /// one, or <see cref="{type.Name}.{GeneratedNames.AdditionalProperties}"/>, replaces that property in the JSON written back.
            /// </summary>
            [global::System.Text.Json.Serialization.JsonConverter(typeof({name}.{GeneratedNames.JsonConverter}))]
            """);
        using (w.Block($"public sealed partial record {name} : {type.Name}"))
        {
            w.Line("/// <summary>Keeps a JSON value as it is.</summary>");
            var requiredShared = type.Properties.Where(p => p.Presence == Presence.Required).ToList();
            if (requiredShared.Count > 0)
                w.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
            using (w.Block($"public {name}(global::System.Text.Json.JsonElement json)"))
            {
                w.Line("Json = json;");
                // Required shared properties are not read from an unknown shape: they stay in Json, and are written from there.
                foreach (var p in requiredShared)
                    w.Line($"{p.Name} = default{(p.Type.IsValueType ? "" : "!")};");
            }

            w.Line("""

                /// <summary>The value as it came.</summary>
                public global::System.Text.Json.JsonElement Json { get; }

                /// <summary>Prints the shape of the JSON, not its values: they may hold credentials.</summary>
                protected override bool PrintMembers(global::System.Text.StringBuilder builder)
                {
                    if (base.PrintMembers(builder))
                        builder.Append(", ");
                    builder.Append("Json = ").Append(GcoreJson.Outline(Json));
                    return true;
                }
                """);
        }
    }

    private static void EmitProperty(SourceWriter w, string ns, TypeDef type, PropertyDef property)
    {
        w.Doc("summary", property.Summary ?? property.JsonName);
        // C# refuses [Obsolete] on a required member (CS9042): there the deprecation is said in the docs only.
        bool required = !CSharp.IsTracked(property) && property.Presence != Presence.DefaultEmpty;
        string? deprecatedNote = required && property.Deprecated is { } reason ? SourceWriter.Xml(Deprecation.Text(reason)) + " " : null;
        if (property.DefaultJson is { } defaultJson)
            w.Line($"/// <remarks>{deprecatedNote}Default: <c>{SourceWriter.Xml(defaultJson)}</c>.</remarks>");
        else if (deprecatedNote is not null)
            w.Line($"/// <remarks>{deprecatedNote.TrimEnd()}</remarks>");
        w.Line(CSharp.PropertyAttribute(ns, property, deprecatedRequired: required));
        if (property.Deprecated is { } deprecated && !required)
            w.Line(CSharp.Obsolete(deprecated));
        string propertyType = CSharp.PropertyType(property);
        if (!CSharp.IsTracked(property))
        {
            w.Line(property.Presence == Presence.DefaultEmpty
                ? $"public {propertyType} {property.Name} {{ get; set; }} = new {CSharp.ConcreteType(property.Type)}();"
                : $"public required {propertyType} {property.Name} {{ get; set; }}");
            return;
        }

        // Optional: "not set" and "set to null" differ, so only what was set (or read) is written back.
        string field = CSharp.Field(property);
        string access = type.Kind == TypeKind.Union ? "private protected" : "private";
        // A variant's kind property starts set to the variant's own kind, so the variant sends it unasked.
        string kind = property.KindValue is { } value ? " = " + Identifiers.Literal(value) : "";
        string kindSet = kind.Length > 0 ? " = true" : "";
        w.Line($$"""
            public {{propertyType}} {{property.Name}}
            {
                get => {{field}};
                set
                {
                    {{field}} = value;
                    {{field}}IsSet = true;
                }
            }

            {{access}} {{propertyType}} {{field}}{{kind}};
            {{access}} bool {{field}}IsSet{{kindSet}};
            """);
    }

    /// <summary>Record printing with credentials redacted; a variant prints its base's members first, as the compiler's would.</summary>
    private static void EmitPrintMembers(SourceWriter w, TypeDef type)
    {
        bool derived = type.BaseType is not null;
        string signature = derived ? "protected override bool" : type.Kind == TypeKind.Union ? "protected virtual bool" : "private bool";
        var members = type.Properties.Where(p => !p.Inherited).Select(p => (p.Name, Secret: p.Secret, Value: p.Type.IsValueType && !p.Nullable && !CSharp.IsTracked(p)))
            .ToList();
        if (type.Kind == TypeKind.ListEnvelope)
            members.Add((GeneratedNames.IsPaginated, false, true));
        if (!derived)
            members.Add((GeneratedNames.AdditionalProperties, false, false));

        w.Line("/// <summary>Prints the members with credentials redacted.</summary>");
        using (w.Block($"{signature} PrintMembers(global::System.Text.StringBuilder builder)"))
        {
            if (derived)
            {
                w.Line("""
                    if (base.PrintMembers(builder))
                        builder.Append(", ");
                    """);
            }

            bool first = true;
            foreach (var (name, secret, valueType) in members)
            {
                string separator = first ? "" : ", ";
                first = false;
                string value = !secret ? name : valueType ? """
                    "***"
                    """ : $"""
                    {name} is null ? "null" : "***"
                    """;
                w.Line($"""builder.Append("{separator}{name} = ").Append({value});""");
            }

            w.Line("return true;");
        }
    }

    private static void EmitEnum(SourceWriter w, string ns, TypeDef type)
    {
        TypeDocs(w, ns, type);
        string name = type.Name;
        w.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({name}.{GeneratedNames.JsonConverter}))]");
        using (w.Block($"public readonly partial struct {name} : global::System.IEquatable<{name}>"))
        {
            w.Line($$"""
                private readonly string? _value;

                /// <summary>A value, known to the spec or not.</summary>
                public {{name}}(string value)
                {
                    _value = value ?? throw new global::System.ArgumentNullException(nameof(value));
                }
                """);

            foreach (var value in type.Values)
            {
                w.Line($$"""

                    /// <summary><c>{{SourceWriter.Xml(value.Value)}}</c></summary>
                    [global::{{ns}}.{{MarkerAttributes.EnumValue}}({{Identifiers.Literal(value.Value)}})]
                    public static {{name}} {{value.MemberName}} { get; } = new({{Identifiers.Literal(value.Value)}});
                    """);
            }

            bool inline = type.Values.Count <= CSharp.EnumValuesInline;
            string isKnown = type.Values.Count == 0 ? "false"
                : inline ? "Value is " + string.Join(" or ", type.Values.Select(v => Identifiers.Literal(v.Value)))
                : CSharp.EnumValueSet + ".Contains(Value)";
            w.Line($$"""

                /// <summary>The value as JSON carries it.</summary>
                public string Value => _value ?? "";

                /// <summary>True when the spec lists this value.</summary>
                public bool {{GeneratedNames.IsKnown}} => {{isKnown}};
                """);
            if (!inline)
            {
                // A set, not a pattern: `Value is "a" or "b" or ...` costs the compiler time square in the number of values.
                w.Line($$"""

                    private static readonly global::System.Collections.Generic.HashSet<string> {{CSharp.EnumValueSet}} = new(global::System.StringComparer.Ordinal)
                    {
                    """);
                foreach (var value in type.Values)
                    w.Line($"    {Identifiers.Literal(value.Value)},");
                w.Line("};");
            }

            w.Line($$"""

                public static implicit operator {{name}}(string value) => new(value);

                public static bool operator ==({{name}} left, {{name}} right) => left.Equals(right);

                public static bool operator !=({{name}} left, {{name}} right) => !left.Equals(right);

                public bool Equals({{name}} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);

                public override bool Equals(object? obj) => obj is {{name}} other && Equals(other);

                public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);

                public override string ToString() => Value;
                """);
        }
    }
}
