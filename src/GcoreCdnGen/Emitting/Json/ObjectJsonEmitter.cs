using System.Collections.Generic;
using System.Linq;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;
using static GcoreCdnGen.Emitting.Json.JsonEmitter;
using static GcoreCdnGen.Emitting.Json.ScoringEmitter;
using static GcoreCdnGen.Emitting.Json.ValueJsonEmitter;

namespace GcoreCdnGen.Emitting.Json;

/// <summary>
/// The reader and writer of an object (and of a list envelope): a switch on the property name into typed locals,
/// the object built from them, and a writer that writes only what is set.
/// </summary>
internal static class ObjectJsonEmitter
{
    internal static void EmitObject(SourceWriter w, string ns, TypeDef type)
    {
        bool envelope = type.Kind == TypeKind.ListEnvelope;
        var properties = type.Properties;
        EmitNames(w, properties, "private");

        // Read
        using (w.Block($"internal static {(type.BaseType is null ? "" : "new ")}{type.Name} {GeneratedNames.ReadJson}(ref {Reader} reader)"))
        {
            if (envelope)
            {
                var results = properties.Last();
                bool counted = properties.Any(p => p.JsonName == "count" && p.Type.Kind is TypeRefKind.Int64 or TypeRefKind.Int32);
                w.Line($$"""
                    if (reader.TokenType == {{Token}}.StartArray)
                    {
                        var items = {{ReadValue(ns, results.Type, "reader", 1)}}!;
                        return new {{type.Name}} { {{results.Name}} = items, {{GeneratedNames.IsPaginated}} = false{{(counted ? ", Count = items.Count" : "")}} };
                    }

                    """);
            }

            // The object is built first and its properties set as they are read: a required one starts empty and
            // is checked after the loop; an optional one's setter remembers it was set.
            var inits = properties.Where(RequiredValue).Select(p => $"{p.Name} = default!").ToList();
            w.Line($"""
                GcoreJson.ExpectStartObject(ref reader, {Identifiers.Literal(type.Name)});
                var result = new {type.Name}{(inits.Count == 0 ? "()" : " { " + string.Join(", ", inits) + " }")};
                """);
            foreach (var p in properties.Where(RequiredValue))
                w.Line($"bool {Has(p)} = false;");
            w.Line($"""
                global::System.Collections.Generic.Dictionary<string, {Element}>? additional = null;
                scoped global::System.ReadOnlySpan<byte> name = default;
                """);
            using (w.Block("try"))
            {
                // The name is cleared after each property, so an error between two properties is put on neither.
                using (w.Block($"for (; reader.Read() && reader.TokenType != {Token}.EndObject; name = default)"))
                {
                    // Names are told apart by length first, then compared: one or two comparisons per property.
                    w.Line("""
                        name = GcoreJson.PropertyName(in reader);
                        reader.Read();
                        """);
                    EmitNameSwitch(w, properties, p =>
                    {
                        bool mustHaveValue = !CSharp.IsTracked(p) && !p.Nullable;
                        string read = mustHaveValue ? ReadNotNull(ns, p.Type, "reader", 1, p.JsonName) : ReadValue(ns, p.Type, "reader", 1);
                        // A list read as empty when absent stays empty when the JSON says null.
                        string assign = p.Presence == Presence.DefaultEmpty && !mustHaveValue ? $"result.{p.Name} = {read} ?? result.{p.Name};" : $"result.{p.Name} = {read};";
                        return RequiredValue(p) ? $"{assign} {Has(p)} = true; continue;" : $"{assign} continue;";
                    });
                    w.Line("""
                        // Not in the spec (yet): kept, and written back.
                        GcoreJson.ReadAdditional(name, ref reader, ref additional);
                        """);
                }
            }

            w.Line("""
                catch (global::System.Exception ex) when (GcoreJson.IsReadError(ex))
                {
                    throw GcoreJson.AtProperty(ex, name);
                }
                """);

            foreach (var p in properties.Where(RequiredValue))
                w.Line($"if (!{Has(p)}) throw GcoreJson.Missing({Identifiers.Literal(p.JsonName)}, {Identifiers.Literal(type.Name)});");

            w.Line($"if (additional is not null) result.{GeneratedNames.AdditionalProperties} = additional;");
            if (envelope)
                w.Line($"result.{GeneratedNames.IsPaginated} = true;");
            w.Line("return result;");
        }

        // Write
        w.Line();
        string modifier = type.BaseType is null ? "internal" : "internal override";
        using (w.Block($"{modifier} void {GeneratedNames.WriteJson}({Writer} writer)"))
        {
            if (envelope)
            {
                var results = properties.Last();
                using (w.Block($"if (!{GeneratedNames.IsPaginated})"))
                {
                    WriteValue(w, results.Type, results.Name, "writer", 1);
                    w.Line("return;");
                }

                w.Line();
            }

            w.Line("writer.WriteStartObject();");
            if (type.BaseType is not null)
                w.Line($"{GeneratedNames.WriteSharedJson}(writer);");
            foreach (var p in properties.Where(p => !p.Inherited))
                WriteProperty(w, type.Name, p);
            EmitWriteAdditional(w, properties);
            w.Line("writer.WriteEndObject();");
        }

        if (type.Scored)
            EmitScoring(w, ns, type);
    }

    /// <summary>A property that must have a value: set in the initializer, never tracked as set or unset.</summary>
    internal static bool RequiredValue(PropertyDef p) => p.Presence == Presence.Required;

    /// <summary>
    /// Builds a generated object into <paramref name="result"/> from the locals a reader filled: properties that must
    /// have a value in the initializer, the others only when they were read (an empty default only when not null),
    /// then the additional properties. With <paramref name="unwrap"/>, the locals are nullable even where the
    /// property is not, and value types are unwrapped.
    /// </summary>
    internal static void EmitBuild(SourceWriter w, string type, string result, IReadOnlyList<PropertyDef> properties,
        System.Func<PropertyDef, string> local, System.Func<PropertyDef, string> has, bool unwrap, string additional)
    {
        string Value(PropertyDef p) => unwrap && p.Type.IsValueType ? $"{local(p)}.Value" : local(p);
        var inits = properties.Where(RequiredValue).Select(p => $"{p.Name} = {Value(p)}").ToList();
        w.Line(inits.Count == 0 ? $"var {result} = new {type}();" : $"var {result} = new {type} {{ {string.Join(", ", inits)} }};");
        foreach (var p in properties.Where(p => !RequiredValue(p)))
        {
            w.Line(p.Presence == Presence.DefaultEmpty
                ? $"if ({has(p)} && {local(p)} is not null) {result}.{p.Name} = {Value(p)};"
                : $"if ({has(p)}) {result}.{p.Name} = {local(p)};");
        }

        w.Line($"if ({additional} is not null) {result}.{GeneratedNames.AdditionalProperties} = {additional};");
    }

    /// <summary>Writes the additional properties, but none whose name the spec knows (those are written from their property).</summary>
    internal static void EmitWriteAdditional(SourceWriter w, IEnumerable<PropertyDef> properties)
    {
        var names = properties.Select(p => Identifiers.Literal(p.JsonName)).ToList();
        string known = names.Count == 0 ? "false" : "name is " + string.Join(" or ", names);
        w.Line($"if ({GeneratedNames.AdditionalProperties} is not null) GcoreJson.WriteAdditional(writer, {GeneratedNames.AdditionalProperties}, static name => {known});");
    }

    private static string Has(PropertyDef p) => $"has{p.Name}";

    /// <summary>Writes a property, one line: an unset or (where the spec does not allow it) null value is left out.</summary>
    internal static void WriteProperty(SourceWriter w, string owner, PropertyDef p)
    {
        if (!CSharp.IsTracked(p))
        {
            if (p.Presence == Presence.DefaultEmpty && !p.Nullable)
                w.Line($"if ({p.Name} is not null) {WriteNamed(owner, p, p.Name, nullable: false)};");
            else
                w.Line($"{WriteNamed(owner, p, p.Name, p.Nullable)};");
            return;
        }

        string field = CSharp.FieldValue(p);
        if (p.Nullable)
            w.Line($"if ({CSharp.FieldIsSet(p)}) {WriteNamed(owner, p, field, nullable: true)};");
        else
            // The spec does not allow null here: an optional property set to null is left out.
            w.Line($"if ({CSharp.FieldIsSet(p)} && {field} is not null) {WriteNamed(owner, p, p.Type.IsValueType ? $"{field}.Value" : field, nullable: false)};");
    }

    /// <summary>
    /// The one call that writes a property's name and value: the writer's own where it has one for the kind, else a
    /// runtime helper. Where <paramref name="nullable"/>, the value may be null and is then written as JSON null.
    /// </summary>
    private static string WriteNamed(string owner, PropertyDef p, string value, bool nullable)
    {
        string name = NameField(p);
        var type = p.Type;
        if (type.Kind == TypeRefKind.String && p.Secret)
        {
            // The runtime decides by purpose: refused when masked or missing in a request, redacted when printed.
            string field = Identifiers.Literal($"{owner}.{p.Name} ({p.JsonName})");
            return $"GcoreJson.WriteSecret(writer, {name}, {value}, {(CSharp.IsTracked(p) ? "false" : "true")}, {field})";
        }

        switch (type.Kind)
        {
            // WriteString writes null for a null string.
            case TypeRefKind.String:
                return $"writer.WriteString({name}, {value})";
            case TypeRefKind.Named when type.NamedKind == TypeKind.Enum:
                return $"writer.WriteString({name}, {value}{(nullable ? "?" : "")}.Value)";
            case TypeRefKind.Boolean or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Decimal
                or TypeRefKind.DateTimeOffset or TypeRefKind.Guid when nullable:
                return $"GcoreJson.WriteOrNull(writer, {name}, {value})";
            case TypeRefKind.Boolean:
                return $"writer.WriteBoolean({name}, {value})";
            case TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Decimal:
                return $"writer.WriteNumber({name}, {value})";
            case TypeRefKind.DateTimeOffset or TypeRefKind.Guid:
                return $"writer.WriteString({name}, {value})";
        }

        string writes = Writes(type, 1);
        if (nullable)
            return $"GcoreJson.{(type.IsValueType ? "WriteValueOrNull" : "WriteOrNull")}(writer, {name}, {value}, {writes})";
        return type.Kind switch
        {
            TypeRefKind.Array when ListWriter(type.Element!) is { } list => $"GcoreJson.{list}(writer, {name}, {value})",
            TypeRefKind.Array => $"GcoreJson.WriteList<{CSharp.Type(type.Element!)}>(writer, {name}, {value}, {Writes(type.Element!, 1)})",
            TypeRefKind.Map => $"GcoreJson.WriteMap<{CSharp.Type(type.Element!)}>(writer, {name}, {value}, {Writes(type.Element!, 1)})",
            _ => $"GcoreJson.Write(writer, {name}, {value}, {writes})",
        };
    }
}
