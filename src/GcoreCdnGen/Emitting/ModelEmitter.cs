using System.Linq;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;

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
            w.Line("[global::" + ns + ".GcoreSchema(" + Identifiers.Literal(type.Pointer) + ")]");
            if (type.Deprecated is { } deprecated)
                w.Line(CSharp.Obsolete(deprecated));
        }

        private static void EmitRecord(SourceWriter w, string ns, TypeDef type)
        {
            TypeDocs(w, ns, type);
            w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + type.Name + ".JsonConverter))]");
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
                    w.Line("public bool IsPaginated { get; set; }");
                }

                if (type.Properties.Any(p => p.Secret) && type.Kind != TypeKind.Union && type.BaseType is null)
                {
                    w.Line();
                    EmitPrintMembers(w, type);
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

        private static void EmitPrintMembers(SourceWriter w, TypeDef type)
        {
            w.Line("/// <summary>Prints the members with credentials redacted.</summary>");
            using (w.Block("private bool PrintMembers(global::System.Text.StringBuilder builder)"))
            {
                bool first = true;
                foreach (var property in type.Properties)
                {
                    string separator = first ? "" : ", ";
                    first = false;
                    if (property.Secret)
                        w.Line("builder.Append(\"" + separator + property.Name + " = \").Append(" + property.Name + " is null ? \"null\" : \"***\");");
                    else
                        w.Line("builder.Append(\"" + separator + property.Name + " = \").Append(" + property.Name + ");");
                }

                w.Line("return true;");
            }
        }

        private static void EmitEnum(SourceWriter w, string ns, TypeDef type)
        {
            TypeDocs(w, ns, type);
            w.Doc("remarks", "Values the spec does not list are kept as they are, so a newer server never breaks reading.");
            w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + type.Name + ".JsonConverter))]");
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
                    w.Doc("summary", "<c>" + SourceWriter.Xml(value.Value) + "</c>");
                    w.Line("public static " + type.Name + " " + value.MemberName + " { get; } = new(" + Identifiers.Literal(value.Value) + ");");
                }

                w.Line();
                w.Line("/// <summary>The value as JSON carries it.</summary>");
                w.Line("public string Value => _value ?? \"\";");
                w.Line();
                w.Line("/// <summary>True when the spec lists this value.</summary>");
                w.Line("public bool IsKnown => Value is " + string.Join(" or ", type.Values.Select(v => Identifiers.Literal(v.Value))) + ";");
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
