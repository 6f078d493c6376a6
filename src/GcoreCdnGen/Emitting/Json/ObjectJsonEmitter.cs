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
                        w.Line(p.Presence == Presence.DefaultEmpty && !mustHaveValue ? $"result.{p.Name} = {read} ?? result.{p.Name};" : $"result.{p.Name} = {read};");
                        if (RequiredValue(p))
                            w.Line($"{Has(p)} = true;");
                        w.Line("continue;");
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

    internal static void WriteProperty(SourceWriter w, string owner, PropertyDef p)
    {
        if (!CSharp.IsTracked(p))
        {
            if (p.Presence == Presence.DefaultEmpty && !p.Nullable)
                WriteIf(w, owner, $"{p.Name} is not null", p, p.Name);
            else
                WriteNamed(w, owner, p, p.Name, nullable: p.Nullable);
            return;
        }

        string field = CSharp.FieldValue(p);
        if (p.Nullable)
            WriteIf(w, owner, CSharp.FieldIsSet(p), p, field, nullable: true);
        else
            // The spec does not allow null here: an optional property set to null is left out.
            WriteIf(w, owner, $"{CSharp.FieldIsSet(p)} && {field} is not null", p, p.Type.IsValueType ? $"{field}.Value" : field);
    }

    /// <summary>Writes a property when <paramref name="condition"/> holds: one line where one writer call does it.</summary>
    private static void WriteIf(SourceWriter w, string owner, string condition, PropertyDef p, string value, bool nullable = false)
    {
        if (OneCall(owner, p, value, nullable) is { } call)
        {
            w.Line($"if ({condition}) {call}");
            return;
        }

        using (w.Block($"if ({condition})"))
            WriteNamed(w, owner, p, value, nullable);
    }

    /// <summary>The one writer call that writes a property's name and value, where the writer has one for the kind; null otherwise.</summary>
    private static string? OneCall(string owner, PropertyDef p, string value, bool nullable)
    {
        string name = NameField(p);
        if (p.Type.Kind == TypeRefKind.String && p.Secret)
        {
            // The runtime decides by purpose: refused when masked or missing in a request, redacted when printed.
            string field = Identifiers.Literal($"{owner}.{p.Name} ({p.JsonName})");
            return $"GcoreJson.WriteSecret(writer, {name}, {value}, {(CSharp.IsTracked(p) ? "false" : "true")}, {field});";
        }

        // WriteString writes null for a null string.
        if (p.Type.Kind == TypeRefKind.String)
            return $"writer.WriteString({name}, {value});";
        if (nullable)
            return null;
        string? call = p.Type.Kind switch
        {
            TypeRefKind.Boolean => "WriteBoolean",
            TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Decimal => "WriteNumber",
            TypeRefKind.DateTimeOffset or TypeRefKind.Guid => "WriteString",
            _ => null,
        };
        if (call is not null)
            return $"writer.{call}({name}, {value});";
        return p.Type.Kind == TypeRefKind.Named && p.Type.NamedKind == TypeKind.Enum ? $"writer.WriteString({name}, {value}.Value);" : null;
    }

    /// <summary>Writes a property's name and value (null as JSON null where <paramref name="nullable"/>).</summary>
    private static void WriteNamed(SourceWriter w, string owner, PropertyDef p, string value, bool nullable)
    {
        string name = NameField(p);
        if (OneCall(owner, p, value, nullable) is { } one)
        {
            w.Line(one);
            return;
        }

        string plain = nullable && p.Type.IsValueType ? $"{value}.Value" : value;
        System.Action write = () =>
        {
            if (OneCall(owner, p, plain, nullable: false) is { } call)
            {
                w.Line(call);
                return;
            }

            w.Line($"writer.WritePropertyName({name});");
            WriteValue(w, p.Type, plain, "writer", 1);
        };
        if (!nullable)
        {
            write();
            return;
        }

        w.Line($$"""
            if ({{value}} is null)
            {
                writer.WriteNull({{name}});
            }
            """);
        using (w.Block("else"))
            write();
    }
}
