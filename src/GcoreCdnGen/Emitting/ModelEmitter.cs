using System.Linq;
using GcoreCdnGen.Emitting.Json;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;
using GcoreCdnGen.Runtime;

namespace GcoreCdnGen.Emitting;

/// <summary>
/// Emits one model type, in one file with one declaration: records, abstract union bases and string-backed enums, with
/// their JSON code (<see cref="JsonEmitter"/>). What every type has is declared once in the runtime
/// (<c>GcoreModel.cs</c>): the docs of <c>IsSet</c>, <c>Unset</c> and <c>AdditionalProperties</c> on its interfaces,
/// and one System.Text.Json converter for all types.
/// </summary>
internal static class ModelEmitter
{
    public static string Emit(string ns, TypeDef type)
    {
        var w = new SourceWriter();
        w.Line(CSharp.Header);
        w.Line($"""
            namespace {ns};

            """);
        switch (type.Kind)
        {
            case TypeKind.Enum:
                EmitEnum(w, ns, type);
                break;
            default:
                EmitRecord(w, ns, type);
                break;
        }

        return w.ToString();
    }

    private static void TypeDocs(SourceWriter w, string ns, TypeDef type)
    {
        // A summary that would only repeat the type's name is left out.
        if (type.Summary is { } summary)
            w.Doc("summary", summary);
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
        w.Line(Converter(type.Name));
    }

    /// <summary>The attribute that hands a type to the runtime's one converter, which calls its <c>ReadJson</c>/<c>WriteJson</c>.</summary>
    private static string Converter(string name) =>
        $"[global::System.Text.Json.Serialization.JsonConverter(typeof({RuntimeSources.JsonConverterType}<{name}>))]";

    private static void EmitRecord(SourceWriter w, string ns, TypeDef type)
    {
        TypeDocs(w, ns, type);
        // A variant inherits its union's interfaces; only the JSON one is its own.
        var bases = new System.Collections.Generic.List<string>();
        if (type.BaseType is { } baseType)
            bases.Add(baseType);
        else
            bases.Add(RuntimeSources.ModelInterface);
        if (type.BaseType is null && (type.Kind == TypeKind.Union || type.Properties.Any(CSharp.IsTracked)))
            bases.Add(RuntimeSources.SetTrackingInterface);
        bases.Add(JsonEmitter.Interface(type.Name));
        string header = (type.Kind == TypeKind.Union ? "public abstract partial record " : "public sealed partial record ")
            + type.Name + " : " + string.Join(", ", bases) + ValidationEmitter.BaseList(type, hasBase: true);
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

                    /// <inheritdoc/>
                    public global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>? {{GeneratedNames.AdditionalProperties}} { get; set; }
                    """);
            }

            EmitSetTracking(w, type);
            ValidationEmitter.Emit(w, ns, type);
            foreach (var conversion in type.Conversions)
                EmitConversion(w, ns, type, conversion);

            if (type.BaseType is null)
            {
                // One printer for every type (a variant prints through its union's): JSON-like, secrets redacted.
                w.Line($$"""

                    /// <summary>The value as JSON, lists and nested values included, with secrets as <c>***</c> and JSON the spec does not describe reduced to its shape.</summary>
                    public {{(type.Kind == TypeKind.Union ? "sealed " : "")}}override string ToString() => GcoreJson.Print(this, static (writer, value) => value.{{GeneratedNames.WriteJson}}(writer));
                    """);
            }

            w.Line();
            JsonEmitter.EmitMembers(w, ns, type, type.VariantShapes);
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

        // The docs are the interface's (IGcoreSetTracking). One switch answers both, one line per property: whether the
        // field is set and, to forget it, resetting it (GcoreOptional.Track).
        string fallback = derived
            ? $"GcoreOptional.Forward(propertyName, unset, base.{GeneratedNames.IsSet}, base.{GeneratedNames.Unset})"
            : $"""throw new global::System.ArgumentException("'" + propertyName + "' is not an optional property of {type.Name}.", nameof(propertyName))""";
        w.Line($$"""

            /// <inheritdoc/>
            {{modifier}}bool {{GeneratedNames.IsSet}}(string propertyName) => {{GeneratedNames.SetTracking}}(propertyName, unset: false);

            /// <inheritdoc/>
            {{modifier}}void {{GeneratedNames.Unset}}(string propertyName) => {{GeneratedNames.SetTracking}}(propertyName, unset: true);

            private bool {{GeneratedNames.SetTracking}}(string propertyName, bool unset) => propertyName switch
            {
            """);
        foreach (var p in tracked)
            w.Line($"    nameof({p.Name}) => GcoreOptional.Track(ref {CSharp.Field(p)}, unset),");
        w.Line($$"""
                _ => {{fallback}},
            };
            """);
    }

    /// <summary>A response entity to the body of its replace or update call, through the runtime's conversion.</summary>
    private static void EmitConversion(SourceWriter w, string ns, TypeDef type, ConversionDef conversion)
    {
        string secrets = conversion.HttpMethod == "PATCH"
            ? "a secret the server masked is left unset and is not sent, so the server keeps it"
            : "a secret the server masked is left unset: set it before sending (the client refuses to send the mask or nothing)";
        w.Line();
        w.Doc("summary", $"The body of `{conversion.HttpMethod} {conversion.PathTemplate}` with this value's settings: what the request takes is copied, properties only a response has are dropped, properties the spec does not know are kept, and {secrets}.");
        w.Line($"public {conversion.Target} {conversion.MethodName}() => GcoreJson.Convert(this, static (writer, value) => value.{GeneratedNames.WriteJson}(writer), global::{ns}.{conversion.Target}.{GeneratedNames.ReadJson});");
    }

    /// <summary>The variant that keeps a union value no listed variant fits, as raw JSON.</summary>
    private static void EmitUnknown(SourceWriter w, string ns, TypeDef type)
    {
        string name = JsonEmitter.UnknownName;
        w.Line($"""
            /// <summary>
            /// A value that fits none of the variants the spec lists (a newer server, say): kept as raw JSON and written
            /// back unchanged. The properties every kind has are read from it where they read (a required one that does not holds
            /// its default), without being marked set; setting an optional one, or
            /// <see cref="{type.Name}.{GeneratedNames.AdditionalProperties}"/>, replaces that property in the JSON written back.
            /// </summary>
            {Converter(name)}
            """);
        using (w.Block($"public sealed partial record {name} : {type.Name}, {JsonEmitter.Interface(name)}"))
        {
            w.Line("/// <summary>Keeps a JSON value as it is.</summary>");
            var requiredShared = type.Properties.Where(p => p.Presence == Presence.Required).ToList();
            if (requiredShared.Count > 0)
                w.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
            using (w.Block($"public {name}(global::System.Text.Json.JsonElement json)"))
            {
                w.Line("Json = json;");
                // Read, not set: the JSON is written back as it came, the shared properties from there too.
                int i = 0;
                foreach (var p in type.Properties)
                {
                    string v = "v" + i++;
                    string read = $"GcoreJson.TryRead(json, {Identifiers.Literal(p.JsonName)}, static (ref {JsonEmitter.Reader} r) => {(CSharp.IsTracked(p) ? ValueJsonEmitter.ReadValue(ns, p.Type, "r", 1) : ValueJsonEmitter.ReadNotNull(ns, p.Type, "r", 1, p.JsonName))}, out var {v})";
                    w.Line(CSharp.IsTracked(p) ? $"if ({read}) {CSharp.Field(p)} = GcoreOptional.Kept({v});"
                        : p.Presence == Presence.DefaultEmpty ? $"if ({read} && {v} is not null) {p.Name} = {v};"
                        : $"{p.Name} = {read} ? {v} : default{(p.Type.IsValueType ? "" : "!")};");
                }
            }

            w.Line("""

                /// <summary>The value as it came.</summary>
                public global::System.Text.Json.JsonElement Json { get; }

                """);
            UnionJsonEmitter.EmitUnknown(w, type);
        }
    }

    private static void EmitProperty(SourceWriter w, string ns, TypeDef type, PropertyDef property)
    {
        // A summary that would only repeat the JSON name (the marker attribute below has it) is left out.
        if (property.Summary is { } summary)
            w.Doc("summary", summary);
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
        string kind = property.KindValue is { } value ? $" = new({Identifiers.Literal(value)})" : "";
        w.Line($$"""
            public {{propertyType}} {{property.Name}} { get => {{CSharp.FieldValue(property)}}; set => {{field}} = new(value); }
            {{access}} GcoreOptional<{{propertyType}}> {{field}}{{kind}};
            """);
    }

    private static void EmitEnum(SourceWriter w, string ns, TypeDef type)
    {
        TypeDocs(w, ns, type);
        string name = type.Name;
        using (w.Block($"public readonly partial struct {name} : global::System.IEquatable<{name}>, {JsonEmitter.Interface(name)}"))
        {
            w.Line($$"""
                private readonly string? _value;

                /// <summary>A value, known to the spec or not.</summary>
                public {{name}}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));
                """);

            // No summary per value: it would only repeat the JSON value, which the marker attribute holds.
            foreach (var value in type.Values)
            {
                w.Line($$"""

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
            ValidationEmitter.EmitListedValues(w, type);
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
            JsonEmitter.EmitMembers(w, ns, type, type.VariantShapes);
        }
    }
}
