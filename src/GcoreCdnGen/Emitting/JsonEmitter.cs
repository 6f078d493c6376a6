using System.Linq;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;

namespace GcoreCdnGen.Emitting
{
    /// <summary>
    /// Emits how one type reads and writes itself with Utf8JsonReader/Utf8JsonWriter: no reflection, so the
    /// consumer's code stays trim- and AOT-safe, and no dependency on the System.Text.Json source generator
    /// (which cannot see generated types).
    /// </summary>
    internal static class JsonEmitter
    {
        private const string Reader = "global::System.Text.Json.Utf8JsonReader";
        private const string Writer = "global::System.Text.Json.Utf8JsonWriter";
        private const string Token = "global::System.Text.Json.JsonTokenType";

        public static string Emit(string ns, TypeDef type)
        {
            var w = new SourceWriter();
            w.Line(CSharp.Header);
            using (w.Block("namespace " + ns))
            {
                string keyword = type.Kind == TypeKind.Enum ? "readonly partial struct " : type.Kind == TypeKind.Union ? "abstract partial record " : "sealed partial record ";
                using (w.Block("partial " + keyword.Replace("partial ", "").Replace("readonly ", "readonly ").Trim() + " " + type.Name))
                {
                    switch (type.Kind)
                    {
                        case TypeKind.Enum:
                            EmitEnum(w, type);
                            break;
                        case TypeKind.Union:
                            EmitUnion(w, ns, type);
                            break;
                        default:
                            EmitObject(w, ns, type);
                            break;
                    }

                    w.Line();
                    EmitConverter(w, type);
                }
            }

            return FixPartialOrder(w.ToString());
        }

        // "partial sealed record" is not C#; modifiers must come before "partial".
        private static string FixPartialOrder(string text) => text
            .Replace("partial sealed record ", "sealed partial record ")
            .Replace("partial abstract record ", "abstract partial record ")
            .Replace("partial readonly struct ", "readonly partial struct ");

        private static void EmitConverter(SourceWriter w, TypeDef type)
        {
            w.Line("/// <summary>Lets System.Text.Json use the generated code for this type.</summary>");
            string modifier = type.BaseType is null ? "" : "new ";
            using (w.Block("public " + modifier + "sealed class JsonConverter : global::System.Text.Json.Serialization.JsonConverter<" + type.Name + ">"))
            {
                w.Line("public override " + type.Name + " Read(ref " + Reader + " reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => ReadJson(ref reader);");
                w.Line();
                w.Line("public override void Write(" + Writer + " writer, " + type.Name + " value, global::System.Text.Json.JsonSerializerOptions options) => value.WriteJson(writer);");
            }
        }

        private static void EmitEnum(SourceWriter w, TypeDef type)
        {
            w.Line("internal static " + type.Name + " ReadJson(ref " + Reader + " reader) =>");
            w.Line("    new(GcoreJson.NotNull(GcoreJson.ReadString(ref reader), \"" + type.Name + "\"));");
            w.Line();
            w.Line("internal void WriteJson(" + Writer + " writer) => writer.WriteStringValue(Value);");
        }

        private static void EmitUnion(SourceWriter w, string ns, TypeDef type)
        {
            w.Line("/// <summary>Reads whichever variant fits the JSON best: every required property present, nothing a closed shape forbids.</summary>");
            using (w.Block("internal static " + type.Name + " ReadJson(ref " + Reader + " reader)"))
            {
                w.Line("GcoreJson.ExpectStartObject(ref reader, \"" + type.Name + "\");");
                w.Line("int best = -1;");
                w.Line("int bestScore = -1;");
                w.Line("int closest = 0;");
                w.Line("int closestScore = 0;");
                w.Line("int score;");
                for (int i = 0; i < type.Variants.Count; i++)
                {
                    w.Line("score = global::" + ns + "." + type.Variants[i] + ".MatchScore(reader);");
                    w.Line("if (score > bestScore) { best = " + i + "; bestScore = score; }");
                    w.Line("if (score < closestScore) { closest = " + i + "; closestScore = score; }");
                }

                w.Line("// Nothing fits: read the variant that came closest, so the error names the property at fault.");
                w.Line("if (best < 0) best = closest;");

                using (w.Block("switch (best)"))
                {
                    for (int i = 0; i < type.Variants.Count; i++)
                        w.Line("case " + i + ": return global::" + ns + "." + type.Variants[i] + ".ReadJson(ref reader);");
                    w.Line("default: throw GcoreJson.NoVariant(\"" + type.Name + "\");");
                }
            }

            w.Line();
            w.Line("internal abstract void WriteJson(" + Writer + " writer);");
            if (type.Properties.Count > 0)
            {
                w.Line();
                w.Line("/// <summary>Writes the properties every variant shares.</summary>");
                using (w.Block("private protected void WriteSharedJson(" + Writer + " writer)"))
                {
                    foreach (var property in type.Properties)
                        WriteProperty(w, property);
                }
            }
        }

        private static void EmitObject(SourceWriter w, string ns, TypeDef type)
        {
            bool envelope = type.Kind == TypeKind.ListEnvelope;
            var properties = type.Properties;

            // Read
            using (w.Block("internal static " + (type.BaseType is null ? "" : "new ") + type.Name + " ReadJson(ref " + Reader + " reader)"))
            {
                if (envelope)
                {
                    using (w.Block("if (reader.TokenType == " + Token + ".StartArray)"))
                    {
                        var results = properties.Last();
                        w.Line("var items = " + ReadValue(ns, results.Type, "reader", 1) + "!;");
                        w.Line("return new " + type.Name + " { " + results.Name + " = items, IsPaginated = false" +
                            (properties.Any(p => p.JsonName == "count" && p.Type.Kind is TypeRefKind.Int64 or TypeRefKind.Int32) ? ", Count = items.Count" : "") + " };");
                    }

                    w.Line();
                }

                w.Line("GcoreJson.ExpectStartObject(ref reader, \"" + type.Name + "\");");
                foreach (var p in properties)
                {
                    string localType = CSharp.IsTracked(p) ? CSharp.Nullable(p.Type) : CSharp.Type(p.Type);
                    w.Line(localType + " " + Local(p) + " = default" + (CSharp.IsTracked(p) || p.Type.IsValueType ? "" : "!") + ";");
                    w.Line("bool " + Has(p) + " = false;");
                }

                w.Line("string? property = null;");
                using (w.Block("try"))
                {
                    using (w.Block("while (reader.Read() && reader.TokenType != " + Token + ".EndObject)"))
                    {
                        bool first = true;
                        foreach (var p in properties)
                        {
                            using (w.Block((first ? "if" : "else if") + " (reader.ValueTextEquals(" + CSharp.Utf8(p.JsonName) + "))"))
                            {
                                w.Line("property = " + Identifiers.Literal(p.JsonName) + ";");
                                w.Line("reader.Read();");
                                bool mustHaveValue = !CSharp.IsTracked(p) && !p.Nullable;
                                string read = mustHaveValue ? ReadNotNull(ns, p.Type, "reader", 1, p.JsonName) : ReadValue(ns, p.Type, "reader", 1);
                                w.Line(Local(p) + " = " + read + ";");
                                w.Line(Has(p) + " = true;");
                                w.Line("property = null;");
                            }

                            first = false;
                        }

                        using (w.Block(first ? "if (true)" : "else"))
                        {
                            w.Line("reader.Read();");
                            w.Line("reader.Skip();");
                        }
                    }
                }

                using (w.Block("catch (global::System.Exception ex) when (GcoreJson.IsReadError(ex))"))
                {
                    w.Line("throw GcoreJson.AtProperty(ex, property);");
                }

                foreach (var p in properties.Where(p => !CSharp.IsTracked(p) && !p.DefaultEmpty))
                {
                    w.Line("if (!" + Has(p) + ") throw GcoreJson.Missing(" + Identifiers.Literal(p.JsonName) + ", \"" + type.Name + "\");");
                }

                var required = properties.Where(p => !CSharp.IsTracked(p) && !p.DefaultEmpty).Select(p => p.Name + " = " + Local(p)).ToList();
                w.Line("var result = new " + type.Name + (required.Count == 0 ? "()" : " { " + string.Join(", ", required) + " }") + ";");
                foreach (var p in properties.Where(p => CSharp.IsTracked(p) || p.DefaultEmpty))
                {
                    if (p.DefaultEmpty)
                        w.Line("if (" + Has(p) + " && " + Local(p) + " is not null) result." + p.Name + " = " + Local(p) + ";");
                    else
                        w.Line("if (" + Has(p) + ") result." + p.Name + " = " + Local(p) + ";");
                }

                if (envelope)
                    w.Line("result.IsPaginated = true;");
                w.Line("return result;");
            }

            // Write
            w.Line();
            string modifier = type.BaseType is null ? "internal" : "internal override";
            using (w.Block(modifier + " void WriteJson(" + Writer + " writer)"))
            {
                if (envelope)
                {
                    var results = properties.Last();
                    using (w.Block("if (!IsPaginated)"))
                    {
                        WriteValue(w, results.Type, results.Name, "writer", 1);
                        w.Line("return;");
                    }

                    w.Line();
                }

                w.Line("writer.WriteStartObject();");
                if (type.BaseType is not null && properties.Any(p => p.Inherited))
                    w.Line("WriteSharedJson(writer);");
                foreach (var p in properties.Where(p => !p.Inherited))
                    WriteProperty(w, p);
                w.Line("writer.WriteEndObject();");
            }

            // Match score, for telling union variants apart.
            w.Line();
            w.Line("/// <summary>How well the object at the reader fits: the number of known properties, or a negative number when it cannot be one (the more negative, the more of it fitted).</summary>");
            using (w.Block("internal static int MatchScore(" + Reader + " reader)"))
            {
                w.Line("if (reader.TokenType != " + Token + ".StartObject) return -1;");
                w.Line("int score = 0;");
                foreach (var p in properties.Where(p => p.Required))
                    w.Line("bool " + Has(p) + " = false;");
                using (w.Block("while (reader.Read() && reader.TokenType != " + Token + ".EndObject)"))
                {
                    bool first = true;
                    foreach (var p in properties)
                    {
                        using (w.Block((first ? "if" : "else if") + " (reader.ValueTextEquals(" + CSharp.Utf8(p.JsonName) + "))"))
                        {
                            w.Line("reader.Read();");
                            w.Line("if (!GcoreJson.Is(reader.TokenType, GcoreJsonKind." + CSharp.JsonKind(p.Type) + ", " + (p.Nullable || !p.Required ? "true" : "false") + ")) return -2 - score;");
                            if (p.Type.Kind == TypeRefKind.Named && p.Type.NamedKind == TypeKind.Object)
                                {
                                // A nested object that does not fit: how much of it fitted still counts for closeness.
                                w.Line("if (reader.TokenType == " + Token + ".StartObject && global::" + ns + "." + p.Type.Name + ".MatchScore(reader) is < 0 and var nested) return nested - score - 1;");
                            }
                            if (p.Required)
                                w.Line(Has(p) + " = true;");
                            w.Line("score++;");
                        }

                        first = false;
                    }

                    using (w.Block(first ? "if (true)" : "else"))
                    {
                        // A property the spec does not know never disqualifies (the API grows under its users);
                        // in a closed shape it makes the variant a worse fit than one that knows it.
                        if (type.ClosedShape)
                            w.Line("score--;");
                        w.Line("reader.Read();");
                    }

                    w.Line("reader.Skip();");
                }

                foreach (var p in properties.Where(p => p.Required))
                    w.Line("if (!" + Has(p) + ") return -1 - global::System.Math.Max(score, 0);");
                w.Line("return global::System.Math.Max(score, 0);");
            }
        }

        private static string Local(PropertyDef p) => "v" + p.Name;

        private static string Has(PropertyDef p) => "has" + p.Name;

        private static void WriteProperty(SourceWriter w, PropertyDef p)
        {
            if (!CSharp.IsTracked(p))
            {
                if (p.Nullable)
                {
                    w.Line("writer.WritePropertyName(" + CSharp.Utf8(p.JsonName) + ");");
                    using (w.Block("if (" + p.Name + " is null)", "}"))
                        w.Line("writer.WriteNullValue();");
                    using (w.Block("else"))
                        WriteValue(w, p.Type, p.Name + (p.Type.IsValueType ? ".Value" : ""), "writer", 1);
                    return;
                }

                if (p.DefaultEmpty)
                {
                    using (w.Block("if (" + p.Name + " is not null)"))
                    {
                        w.Line("writer.WritePropertyName(" + CSharp.Utf8(p.JsonName) + ");");
                        WriteValue(w, p.Type, p.Name, "writer", 1);
                    }

                    return;
                }

                w.Line("writer.WritePropertyName(" + CSharp.Utf8(p.JsonName) + ");");
                WriteValue(w, p.Type, p.Name, "writer", 1);
                return;
            }

            string field = CSharp.Field(p);
            string value = field + (p.Type.IsValueType ? ".Value" : "");
            if (p.Nullable)
            {
                using (w.Block("if (" + field + "IsSet)"))
                {
                    w.Line("writer.WritePropertyName(" + CSharp.Utf8(p.JsonName) + ");");
                    using (w.Block("if (" + field + " is null)", "}"))
                        w.Line("writer.WriteNullValue();");
                    using (w.Block("else"))
                        WriteValue(w, p.Type, value, "writer", 1);
                }
            }
            else
            {
                // The spec does not allow null here: an optional property set to null is left out.
                using (w.Block("if (" + field + "IsSet && " + field + " is not null)"))
                {
                    w.Line("writer.WritePropertyName(" + CSharp.Utf8(p.JsonName) + ");");
                    WriteValue(w, p.Type, value, "writer", 1);
                }
            }
        }

        /// <summary>A read of the value at the reader that yields null for JSON null.</summary>
        private static string ReadValue(string ns, TypeRef type, string reader, int depth)
        {
            switch (type.Kind)
            {
                case TypeRefKind.String: return "GcoreJson.ReadString(ref " + reader + ")";
                case TypeRefKind.Boolean: return "GcoreJson.ReadBoolean(ref " + reader + ")";
                case TypeRefKind.Int32: return "GcoreJson.ReadInt32(ref " + reader + ")";
                case TypeRefKind.Int64: return "GcoreJson.ReadInt64(ref " + reader + ")";
                case TypeRefKind.Double: return "GcoreJson.ReadDouble(ref " + reader + ")";
                case TypeRefKind.Decimal: return "GcoreJson.ReadDecimal(ref " + reader + ")";
                case TypeRefKind.DateTimeOffset: return "GcoreJson.ReadDateTimeOffset(ref " + reader + ")";
                case TypeRefKind.Guid: return "GcoreJson.ReadGuid(ref " + reader + ")";
                case TypeRefKind.Json: return "GcoreJson.ReadElement(ref " + reader + ")";
                case TypeRefKind.Array:
                case TypeRefKind.Map:
                    string r = "r" + depth;
                    string method = type.Kind == TypeRefKind.Array ? "ReadList" : "ReadMap";
                    return "GcoreJson." + method + "<" + CSharp.Type(type.Element!) + ">(ref " + reader + ", static (ref " + Reader + " " + r + ") => " +
                        ReadNotNull(ns, type.Element!, r, depth + 1, "An item") + ")";
                default:
                    string qualified = "global::" + ns + "." + type.Name;
                    if (type.NamedKind == TypeKind.Enum)
                        return "(" + reader + ".TokenType == " + Token + ".Null ? (" + qualified + "?)null : " + qualified + ".ReadJson(ref " + reader + "))";
                    return "(" + reader + ".TokenType == " + Token + ".Null ? null : " + qualified + ".ReadJson(ref " + reader + "))";
            }
        }

        /// <summary>A read of the value at the reader that fails on JSON null.</summary>
        internal static string ReadNotNull(string ns, TypeRef type, string reader, int depth, string what)
        {
            if (type.Kind == TypeRefKind.Json)
                return ReadValue(ns, type, reader, depth);
            if (type.Kind == TypeRefKind.Named && type.NamedKind == TypeKind.Enum)
                return "global::" + ns + "." + type.Name + ".ReadJson(ref " + reader + ")";
            string helper = type.IsValueType ? "NotNullValue" : "NotNull";
            return "GcoreJson." + helper + "(" + ReadValue(ns, type, reader, depth) + ", " + Identifiers.Literal(what) + ")";
        }

        private static void WriteValue(SourceWriter w, TypeRef type, string value, string writer, int depth)
        {
            switch (type.Kind)
            {
                case TypeRefKind.String:
                case TypeRefKind.DateTimeOffset:
                case TypeRefKind.Guid:
                    w.Line(writer + ".WriteStringValue(" + value + ");");
                    break;
                case TypeRefKind.Boolean:
                    w.Line(writer + ".WriteBooleanValue(" + value + ");");
                    break;
                case TypeRefKind.Int32:
                case TypeRefKind.Int64:
                case TypeRefKind.Double:
                case TypeRefKind.Decimal:
                    w.Line(writer + ".WriteNumberValue(" + value + ");");
                    break;
                case TypeRefKind.Json:
                    w.Line(value + ".WriteTo(" + writer + ");");
                    break;
                case TypeRefKind.Array:
                case TypeRefKind.Map:
                    string w2 = "w" + depth;
                    string item = "item" + depth;
                    string method = type.Kind == TypeRefKind.Array ? "WriteList" : "WriteMap";
                    w.Line("GcoreJson." + method + "<" + CSharp.Type(type.Element!) + ">(" + writer + ", " + value + ", static (" + w2 + ", " + item + ") =>");
                    w.Line("{");
                    w.Indent();
                    WriteValue(w, type.Element!, item, w2, depth + 1);
                    w.Outdent();
                    w.Line("});");
                    break;
                default:
                    w.Line(value + ".WriteJson(" + writer + ");");
                    break;
            }
        }
    }
}
