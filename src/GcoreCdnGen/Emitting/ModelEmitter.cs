using System.Linq;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;
using GcoreCdnGen.Support;

namespace GcoreCdnGen.Emitting
{
    /// <summary>Emits the C# declaration of one model type: records, abstract union bases and string-backed enums.</summary>
    internal static class ModelEmitter
    {
        public static string Emit(string ns, TypeDef type)
        {
            var w = new SourceWriter();
            w.Line(CSharp.Header);
            using (w.Block("namespace " + ns))
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
                w.Doc("remarks", "One of: " + string.Join(", ", type.Variants.Select(v => "<see cref=\"" + v + "\"/>")) + ". The variant is told apart by the shape of the JSON.");
            if (type.Kind == TypeKind.ListEnvelope)
                w.Doc("remarks", "The server answers with a bare array or with a paginated envelope; both read into this type.");
            if (type.Kind == TypeKind.Enum)
                w.Doc("remarks", "Values the spec does not list are kept as they are, so a newer server never breaks reading.");
            w.Line("[global::" + ns + "." + MarkerAttributes.Schema + "(" + Identifiers.Literal(type.Pointer) + (type.UsedInRequest ? ", " + nameof(GcoreSchemaAttribute.Request) + " = true" : "") + ")]");
            if (type.Deprecated is { } deprecated)
                w.Line(CSharp.Obsolete(deprecated));
        }

        private static void EmitRecord(SourceWriter w, string ns, TypeDef type)
        {
            TypeDocs(w, ns, type);
            w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + type.Name + "." + GeneratedNames.JsonConverter + "))]");
            string header = type.Kind == TypeKind.Union
                ? "public abstract partial record " + type.Name
                : "public sealed partial record " + type.Name + (type.BaseType is null ? "" : " : " + type.BaseType);
            using (w.Block(header))
            {
                if (type.Kind == TypeKind.Union)
                {
                    w.Line("/// <summary>Only the variants declared by the spec derive from this type.</summary>");
                    w.Line("private protected " + type.Name + "()");
                    w.Line("{");
                    w.Line("}");
                    w.Line();
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
                    w.Line();
                    w.Line("/// <summary>True when the server sent the paginated envelope, false when it sent a bare array.</summary>");
                    w.Line("public bool " + GeneratedNames.IsPaginated + " { get; set; }");
                }

                if (type.BaseType is null)
                {
                    w.Line();
                    w.Line("/// <summary>");
                    w.Line("/// JSON properties the spec does not know (a newer server, say), kept as they came and written back after the");
                    w.Line("/// known ones, so a read-change-write cycle loses nothing. Null when there were none; names the spec knows are not written from here.");
                    w.Line("/// </summary>");
                    w.Line("public global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>? " + GeneratedNames.AdditionalProperties + " { get; set; }");
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
            string fallback = derived ? "base.{0}(propertyName)" : "throw new global::System.ArgumentException(\"'\" + propertyName + \"' is not an optional property of " + type.Name + ".\", nameof(propertyName))";

            w.Line();
            w.Line("/// <summary>Whether an optional property was set (or read from JSON): only those are written. Takes the C# name, e.g. <c>nameof(...)</c>.</summary>");
            using (w.Block(modifier + "bool " + GeneratedNames.IsSet + "(string propertyName)"))
            {
                using (w.Block("switch (propertyName)"))
                {
                    foreach (var p in tracked)
                        w.Line("case nameof(" + p.Name + "): return " + CSharp.Field(p) + "IsSet;");
                    w.Line("default: " + (derived ? "return " : "") + string.Format(fallback, GeneratedNames.IsSet) + ";");
                }
            }

            w.Line();
            w.Line("/// <summary>Forgets that an optional property was set: it goes back to its default and is no longer written (a PATCH leaves it as it is).</summary>");
            using (w.Block(modifier + "void " + GeneratedNames.Unset + "(string propertyName)"))
            {
                using (w.Block("switch (propertyName)"))
                {
                    foreach (var p in tracked)
                    {
                        w.Line("case nameof(" + p.Name + "):");
                        w.Indent();
                        w.Line(CSharp.Field(p) + " = default;");
                        w.Line(CSharp.Field(p) + "IsSet = false;");
                        w.Line("return;");
                        w.Outdent();
                    }

                    w.Line("default:");
                    w.Indent();
                    w.Line(string.Format(fallback, GeneratedNames.Unset) + ";");
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
            w.Line("/// <summary>");
            w.Line("/// A value that fits none of the variants the spec lists (a newer server, say): kept as raw JSON and written");
            w.Line("/// back unchanged. The shared properties are not read from it (required ones hold their default); setting an optional");
            w.Line("/// one, or <see cref=\"" + type.Name + "." + GeneratedNames.AdditionalProperties + "\"/>, replaces that property in the JSON written back.");
            w.Line("/// </summary>");
            w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + name + "." + GeneratedNames.JsonConverter + "))]");
            using (w.Block("public sealed partial record " + name + " : " + type.Name))
            {
                w.Line("/// <summary>Keeps a JSON value as it is.</summary>");
                var requiredShared = type.Properties.Where(p => !CSharp.IsTracked(p) && !p.DefaultEmpty).ToList();
                if (requiredShared.Count > 0)
                    w.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
                using (w.Block("public " + name + "(global::System.Text.Json.JsonElement json)"))
                {
                    w.Line("Json = json;");
                    // Required shared properties are not read from an unknown shape: they stay in Json, and are written from there.
                    foreach (var p in requiredShared)
                        w.Line(p.Name + " = default" + (p.Type.IsValueType ? "" : "!") + ";");
                }
                w.Line();
                w.Line("/// <summary>The value as it came.</summary>");
                w.Line("public global::System.Text.Json.JsonElement Json { get; }");
                w.Line();
                w.Line("/// <summary>Prints the shape of the JSON, not its values: they may hold credentials.</summary>");
                using (w.Block("protected override bool PrintMembers(global::System.Text.StringBuilder builder)"))
                {
                    w.Line("if (base.PrintMembers(builder))");
                    w.Line("    builder.Append(\", \");");
                    w.Line("builder.Append(\"Json = \").Append(GcoreJson.Outline(Json));");
                    w.Line("return true;");
                }
            }
        }

        private static void EmitProperty(SourceWriter w, string ns, TypeDef type, PropertyDef property)
        {
            string? defaultText = property.DefaultJson is { } d ? "Default: <c>" + SourceWriter.Xml(d) + "</c>." : null;
            w.Doc("summary", property.Summary ?? property.JsonName);
            if (defaultText is not null)
                w.Line("/// <remarks>" + defaultText + "</remarks>");
            w.Line(CSharp.PropertyAttribute(ns, property));
            if (property.Deprecated is { } deprecated)
                w.Line(CSharp.Obsolete(deprecated));
            string propertyType = CSharp.PropertyType(property);
            if (!CSharp.IsTracked(property))
            {
                string init = property.DefaultEmpty ? " = new " + CSharp.ConcreteType(property.Type) + "();" : "";
                w.Line("public " + (property.DefaultEmpty ? "" : "required ") + propertyType + " " + property.Name + " { get; set; }" + init);
                return;
            }

            // Optional: "not set" and "set to null" differ, so only what was set (or read) is written back.
            string field = CSharp.Field(property);
            string access = type.Kind == TypeKind.Union ? "private protected" : "private";
            using (w.Block("public " + propertyType + " " + property.Name))
            {
                w.Line("get => " + field + ";");
                w.Line("set");
                w.Line("{");
                w.Indent();
                w.Line(field + " = value;");
                w.Line(field + "IsSet = true;");
                w.Outdent();
                w.Line("}");
            }

            w.Line();
            w.Line(access + " " + propertyType + " " + field + ";");
            w.Line(access + " bool " + field + "IsSet;");
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
            using (w.Block(signature + " PrintMembers(global::System.Text.StringBuilder builder)"))
            {
                if (derived)
                {
                    w.Line("if (base.PrintMembers(builder))");
                    w.Line("    builder.Append(\", \");");
                }

                bool first = true;
                foreach (var (name, secret, valueType) in members)
                {
                    string separator = first ? "" : ", ";
                    first = false;
                    if (secret)
                        w.Line("builder.Append(\"" + separator + name + " = \").Append(" + (valueType ? "\"***\"" : name + " is null ? \"null\" : \"***\"") + ");");
                    else
                        w.Line("builder.Append(\"" + separator + name + " = \").Append(" + name + ");");
                }

                w.Line("return true;");
            }
        }

        private static void EmitEnum(SourceWriter w, string ns, TypeDef type)
        {
            TypeDocs(w, ns, type);
            w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + type.Name + "." + GeneratedNames.JsonConverter + "))]");
            using (w.Block("public readonly partial struct " + type.Name + " : global::System.IEquatable<" + type.Name + ">"))
            {
                w.Line("private readonly string? _value;");
                w.Line();
                w.Line("/// <summary>A value, known to the spec or not.</summary>");
                using (w.Block("public " + type.Name + "(string value)"))
                {
                    w.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
                }

                foreach (var value in type.Values)
                {
                    w.Line();
                    w.Line("/// <summary><c>" + SourceWriter.Xml(value.Value) + "</c></summary>");
                    w.Line("[global::" + ns + "." + MarkerAttributes.EnumValue + "(" + Identifiers.Literal(value.Value) + ")]");
                    w.Line("public static " + type.Name + " " + value.MemberName + " { get; } = new(" + Identifiers.Literal(value.Value) + ");");
                }

                w.Line();
                w.Line("/// <summary>The value as JSON carries it.</summary>");
                w.Line("public string Value => _value ?? \"\";");
                w.Line();
                w.Line("/// <summary>True when the spec lists this value.</summary>");
                w.Line("public bool " + GeneratedNames.IsKnown + " => " + (type.Values.Count == 0 ? "false" : "Value is " + string.Join(" or ", type.Values.Select(v => Identifiers.Literal(v.Value)))) + ";");
                w.Line();
                w.Line("public static implicit operator " + type.Name + "(string value) => new(value);");
                w.Line();
                w.Line("public static bool operator ==(" + type.Name + " left, " + type.Name + " right) => left.Equals(right);");
                w.Line();
                w.Line("public static bool operator !=(" + type.Name + " left, " + type.Name + " right) => !left.Equals(right);");
                w.Line();
                w.Line("public bool Equals(" + type.Name + " other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
                w.Line();
                w.Line("public override bool Equals(object? obj) => obj is " + type.Name + " other && Equals(other);");
                w.Line();
                w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
                w.Line();
                w.Line("public override string ToString() => Value;");
            }
        }
    }
}
