using System.Collections.Generic;
using System.Linq;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;

namespace GcoreCdnGen.Emitting
{
    /// <summary>
    /// Emits how one type reads and writes itself with Utf8JsonReader/Utf8JsonWriter: no reflection, so the
    /// consumer's code stays trim- and AOT-safe, and no dependency on the System.Text.Json source generator
    /// (which cannot see generated types). Nothing is lost: properties the spec does not know are kept in
    /// <c>AdditionalProperties</c>, and a union value that fits no variant is kept as raw JSON.
    /// </summary>
    internal static partial class JsonEmitter
    {
        private const string Reader = "global::System.Text.Json.Utf8JsonReader";
        private const string Writer = "global::System.Text.Json.Utf8JsonWriter";
        private const string Token = "global::System.Text.Json.JsonTokenType";
        private const string Element = "global::System.Text.Json.JsonElement";
        private const string EncodedText = "global::System.Text.Json.JsonEncodedText";

        /// <param name="shapes">For a union, its variants and the object types they hold (<see cref="ShapesFor"/>); its one-pass reader is built from them.</param>
        public static string Emit(string ns, TypeDef type, EquatableArray<TypeDef> shapes = default)
        {
            var w = new SourceWriter();
            w.Line(CSharp.Header);
            using (w.Block("namespace " + ns))
            {
                string keyword = type.Kind == TypeKind.Enum ? "readonly partial struct " : type.Kind == TypeKind.Union ? "abstract partial record " : "sealed partial record ";
                using (w.Block(keyword + type.Name))
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
                    EmitConverter(w, type.Name, type.BaseType is not null);
                    if (type.Kind == TypeKind.Union)
                    {
                        w.Line();
                        EmitUnknown(w, type);
                    }
                }
            }

            return w.ToString();
        }

        private static void EmitConverter(SourceWriter w, string name, bool hides)
        {
            w.Line("/// <summary>Lets System.Text.Json use the generated code for this type.</summary>");
            using (w.Block("public " + (hides ? "new " : "") + "sealed class " + GeneratedNames.JsonConverter + " : global::System.Text.Json.Serialization.JsonConverter<" + name + ">"))
            {
                w.Line("public override " + name + " Read(ref " + Reader + " reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => " + GeneratedNames.ReadJson + "(ref reader);");
                w.Line();
                w.Line("public override void Write(" + Writer + " writer, " + name + " value, global::System.Text.Json.JsonSerializerOptions options) => value." + GeneratedNames.WriteJson + "(writer);");
            }
        }

        private static void EmitEnum(SourceWriter w, TypeDef type)
        {
            w.Line("/// <summary>Reads the value; the values the spec lists come back without allocating.</summary>");
            using (w.Block("internal static " + type.Name + " " + GeneratedNames.ReadJson + "(ref " + Reader + " reader)"))
            {
                if (type.Values.Count > 0)
                {
                    using (w.Block("if (reader.TokenType == " + Token + ".String)"))
                    {
                        foreach (var value in type.Values)
                            w.Line("if (reader.ValueTextEquals(" + CSharp.Utf8(value.Value) + ")) return " + value.MemberName + ";");
                    }

                    w.Line();
                }

                w.Line("return new(GcoreJson.NotNull(GcoreJson.ReadString(ref reader), \"" + type.Name + "\"));");
            }

            w.Line();
            w.Line("internal void " + GeneratedNames.WriteJson + "(" + Writer + " writer) => writer.WriteStringValue(Value);");
        }

        // ------------------------------------------------------------------ unions

        private static void EmitUnion(SourceWriter w, string ns, TypeDef type, EquatableArray<TypeDef> shapes)
        {
            EmitNames(w, type.Properties, "private");
            var onePass = PlanOnePass(type, shapes);
            if (onePass is not null)
            {
                w.Line("/// <summary>Reads the variant the JSON object is: in one walk over it where it can, otherwise as <see cref=\"" + GeneratedNames.ReadByShape + "\"/> does.</summary>");
                using (w.Block("internal static " + type.Name + " " + GeneratedNames.ReadJson + "(ref " + Reader + " reader)"))
                {
                    w.Line("GcoreJson.ExpectStartObject(ref reader, \"" + type.Name + "\");");
                    w.Line("var start = reader;");
                    using (w.Block("try"))
                    {
                        w.Line("var value = " + GeneratedNames.ReadInOnePass + "(ref reader);");
                        w.Line("if (value is not null) return value;");
                    }

                    using (w.Block("catch (global::System.Exception ex) when (GcoreJson.IsReadError(ex))"))
                        w.Line("// Left to the read below, which names the property at fault.");

                    w.Line();
                    w.Line("reader = start;");
                    w.Line("return " + GeneratedNames.ReadByShape + "(ref reader);");
                }

                w.Line();
                EmitOnePass(w, ns, type, onePass);
                w.Line();
            }

            w.Line("/// <summary>");
            w.Line("/// Reads the variant the JSON object is, told apart by shape: every variant is scored on a copy of the reader, then");
            w.Line("/// the variant that fits best (every required property there, every known property of the right kind) reads the");
            w.Line("/// object. When none fits, a variant that");
            w.Line("/// still claims the object (its required properties there, its required objects recognisably its own) is read,");
            w.Line("/// so the error names the property at fault. An object no variant claims is a shape the spec does not list yet:");
            w.Line("/// it is kept as <see cref=\"" + UnknownName + "\"/>.");
            w.Line("/// </summary>");
            using (w.Block((onePass is null ? "internal static " + type.Name + " " + GeneratedNames.ReadJson + "(" : "internal static " + type.Name + " " + GeneratedNames.ReadByShape + "(") + "ref " + Reader + " reader)"))
            {
                if (onePass is null)
                    w.Line("GcoreJson.ExpectStartObject(ref reader, \"" + type.Name + "\");");
                var variants = type.Variants.Select(v => Qualified(ns, v)).ToList();
                w.Line("var scan = reader;");
                for (int i = 0; i < variants.Count; i++)
                    w.Line("var fit" + i + " = new GcoreJsonFit();");
                // Up to four variants share one walk over a nested object; with more, each scores it on its own.
                bool defer = variants.Count <= 4;
                using (w.Block("while (scan.Read() && scan.TokenType != " + Token + ".EndObject)"))
                {
                    w.Line("var name = GcoreJson.PropertyName(in scan);");
                    w.Line("scan.Read();");
                    for (int i = 0; i < variants.Count; i++)
                        w.Line(variants[i] + "." + GeneratedNames.ScoreProperty + "(ref fit" + i + ", name, in scan, " + (defer ? "true" : "false") + ");");
                    if (defer)
                    {
                        string anyPending = string.Join(" || ", Enumerable.Range(0, variants.Count).Select(i => "fit" + i + ".HasPending"));
                        string fits = string.Join(", ", Enumerable.Range(0, variants.Count).Select(i => "ref fit" + i));
                        using (w.Block("if (scan.TokenType == " + Token + ".StartObject && (" + anyPending + "))", "}"))
                            w.Line("GcoreJsonFit.ScoreNested(ref scan, " + fits + ");");
                        using (w.Block("else"))
                            w.Line("scan.Skip();");
                    }
                    else
                    {
                        w.Line("scan.Skip();");
                    }
                }

                w.Line();
                w.Line("int pick = -1;");
                w.Line("int pickScore = int.MinValue;");
                var scored = variants.Select((v, i) => ("fit" + i, v)).ToList();
                EmitPick(w, scored, "Fits");
                using (w.Block("if (pick < 0)"))
                {
                    w.Line("// Nothing fits: a variant that claims the object is read, so the error names the property at fault.");
                    EmitPick(w, scored, "Claims");
                }

                w.Line();
                using (w.Block("switch (pick)"))
                {
                    for (int i = 0; i < variants.Count; i++)
                        w.Line("case " + i + ": return " + variants[i] + "." + GeneratedNames.ReadJson + "(ref reader);");
                    w.Line("default: return " + UnknownName + "." + GeneratedNames.ReadJson + "(ref reader);");
                }
            }

            w.Line();
            w.Line("internal abstract void " + GeneratedNames.WriteJson + "(" + Writer + " writer);");
            w.Line();
            w.Line("/// <summary>Writes the properties every variant shares.</summary>");
            using (w.Block("private protected void " + GeneratedNames.WriteSharedJson + "(" + Writer + " writer)"))
            {
                foreach (var property in type.Properties)
                    WriteProperty(w, property);
            }
        }

        /// <summary>
        /// Sets <c>pick</c> to the index of the shape with the best score among those whose fit passes
        /// <paramref name="test"/> (<c>Fits</c> or <c>Claims</c>); the first wins a tie. <c>pickScore</c> holds its score.
        /// </summary>
        private static void EmitPick(SourceWriter w, IReadOnlyList<(string Fit, string Type)> shapes, string test)
        {
            for (int i = 0; i < shapes.Count; i++)
            {
                var (fit, type) = shapes[i];
                w.Line("if (" + fit + "." + test + "(" + type + "." + GeneratedNames.RequiredMask + ") && " + fit + ".Score > pickScore) { pick = " + i + "; pickScore = " + fit + ".Score; }");
            }
        }

        private static string Qualified(string ns, string name) => "global::" + ns + "." + name;

        /// <summary>A property that must have a value: set in the initializer, never tracked as set or unset.</summary>
        private static bool RequiredValue(PropertyDef p) => !CSharp.IsTracked(p) && !p.DefaultEmpty;

        /// <summary>Whether the JSON token at <paramref name="token"/> is of the kind the property takes (null where it may be null or absent).</summary>
        private static string KindCheck(PropertyDef p, string token) =>
            "GcoreJson.Is(" + token + ", GcoreJsonKind." + CSharp.JsonKind(p.Type) + ", " + (p.Nullable || !p.Required ? "true" : "false") + ")";

        /// <summary>
        /// Builds a generated object into <paramref name="result"/> from the locals a reader filled: properties that must
        /// have a value in the initializer, the others only when they were read (an empty default only when not null),
        /// then the additional properties. With <paramref name="unwrap"/>, the locals are nullable even where the
        /// property is not, and value types are unwrapped.
        /// </summary>
        private static void EmitBuild(SourceWriter w, string type, string result, IReadOnlyList<PropertyDef> properties,
            System.Func<PropertyDef, string> local, System.Func<PropertyDef, string> has, bool unwrap, string additional)
        {
            string Value(PropertyDef p) => local(p) + (unwrap && p.Type.IsValueType ? ".Value" : "");
            var inits = properties.Where(RequiredValue).Select(p => p.Name + " = " + Value(p)).ToList();
            w.Line("var " + result + " = new " + type + (inits.Count == 0 ? "()" : " { " + string.Join(", ", inits) + " }") + ";");
            foreach (var p in properties.Where(p => !RequiredValue(p)))
            {
                if (p.DefaultEmpty)
                    w.Line("if (" + has(p) + " && " + local(p) + " is not null) " + result + "." + p.Name + " = " + Value(p) + ";");
                else
                    w.Line("if (" + has(p) + ") " + result + "." + p.Name + " = " + local(p) + ";");
            }

            w.Line("if (" + additional + " is not null) " + result + "." + GeneratedNames.AdditionalProperties + " = " + additional + ";");
        }

        /// <summary>The C# name of the variant that keeps a union value no listed variant fits.</summary>
        public const string UnknownName = GeneratedNames.Unknown;

        private static void EmitUnknown(SourceWriter w, TypeDef type)
        {
            using (w.Block("sealed partial record " + UnknownName))
            {
                var tracked = type.Properties.Where(CSharp.IsTracked).ToList();
                w.Line("/// <summary>Writes the JSON as it came; shared properties set since, and additional properties, replace theirs.</summary>");
                using (w.Block("internal override void " + GeneratedNames.WriteJson + "(" + Writer + " writer)"))
                {
                    string anySet = string.Join(" || ", tracked.Select(p => CSharp.Field(p) + "IsSet").Concat(new[] { GeneratedNames.AdditionalProperties + " is not null" }));
                    using (w.Block("if (!(" + anySet + ") || Json.ValueKind != global::System.Text.Json.JsonValueKind.Object)"))
                    {
                        w.Line("Json.WriteTo(writer);");
                        w.Line("return;");
                    }

                    w.Line();
                    w.Line("writer.WriteStartObject();");
                    foreach (var p in tracked)
                        WriteProperty(w, p);
                    using (w.Block("foreach (var property in Json.EnumerateObject())"))
                    {
                        foreach (var p in tracked)
                        {
                            w.Line("if (" + CSharp.Field(p) + "IsSet && property.NameEquals(" + CSharp.Utf8(p.JsonName) + ")) continue;");
                        }

                        w.Line("if (" + GeneratedNames.AdditionalProperties + " is not null && " + GeneratedNames.AdditionalProperties + ".ContainsKey(property.Name)) continue;");
                        w.Line("property.WriteTo(writer);");
                    }

                    w.Line("if (" + GeneratedNames.AdditionalProperties + " is not null) GcoreJson.WriteAdditional(writer, " + GeneratedNames.AdditionalProperties + ", " + KnownLambda(type.Properties) + ");");
                    w.Line("writer.WriteEndObject();");
                }

                w.Line();
                w.Line("/// <summary>Reads any JSON value, as it is.</summary>");
                w.Line("internal static new " + UnknownName + " " + GeneratedNames.ReadJson + "(ref " + Reader + " reader) => new(GcoreJson.ReadElement(ref reader));");
                w.Line();
                EmitConverter(w, UnknownName, true);
            }
        }

        // ------------------------------------------------------------------ objects

        private static void EmitNames(SourceWriter w, IEnumerable<PropertyDef> properties, string access)
        {
            bool any = false;
            foreach (var p in properties.Where(p => !p.Inherited))
            {
                w.Line(access + " static readonly " + EncodedText + " " + NameField(p) + " = " + EncodedText + ".Encode(" + Identifiers.Literal(p.JsonName) + ");");
                any = true;
            }

            if (any)
                w.Line();
        }

        private static string NameField(PropertyDef p) => "JsonName_" + p.Name;

        private static void EmitObject(SourceWriter w, string ns, TypeDef type)
        {
            bool envelope = type.Kind == TypeKind.ListEnvelope;
            var properties = type.Properties;
            EmitNames(w, properties, "private");

            // Read
            using (w.Block("internal static " + (type.BaseType is null ? "" : "new ") + type.Name + " " + GeneratedNames.ReadJson + "(ref " + Reader + " reader)"))
            {
                if (envelope)
                {
                    using (w.Block("if (reader.TokenType == " + Token + ".StartArray)"))
                    {
                        var results = properties.Last();
                        w.Line("var items = " + ReadValue(ns, results.Type, "reader", 1) + "!;");
                        w.Line("return new " + type.Name + " { " + results.Name + " = items, " + GeneratedNames.IsPaginated + " = false" +
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

                w.Line("global::System.Collections.Generic.Dictionary<string, " + Element + ">? additional = null;");
                w.Line("string? property = null;");
                using (w.Block("try"))
                {
                    using (w.Block("while (reader.Read() && reader.TokenType != " + Token + ".EndObject)"))
                    {
                        // Names are told apart by length first, then compared: one or two comparisons per property.
                        w.Line("var name = GcoreJson.PropertyName(in reader);");
                        EmitNameSwitch(w, properties, p =>
                        {
                            w.Line("property = " + Identifiers.Literal(p.JsonName) + ";");
                            w.Line("reader.Read();");
                            bool mustHaveValue = !CSharp.IsTracked(p) && !p.Nullable;
                            string read = mustHaveValue ? ReadNotNull(ns, p.Type, "reader", 1, p.JsonName) : ReadValue(ns, p.Type, "reader", 1);
                            w.Line(Local(p) + " = " + read + ";");
                            w.Line(Has(p) + " = true;");
                            w.Line("property = null;");
                            w.Line("continue;");
                        });
                        w.Line("// Not in the spec (yet): kept, and written back.");
                        w.Line("GcoreJson.ReadAdditional(ref reader, ref additional);");
                    }
                }

                using (w.Block("catch (global::System.Exception ex) when (GcoreJson.IsReadError(ex))"))
                {
                    w.Line("throw GcoreJson.AtProperty(ex, property);");
                }

                foreach (var p in properties.Where(RequiredValue))
                {
                    w.Line("if (!" + Has(p) + ") throw GcoreJson.Missing(" + Identifiers.Literal(p.JsonName) + ", \"" + type.Name + "\");");
                }

                EmitBuild(w, type.Name, "result", properties, Local, Has, unwrap: false, "additional");
                if (envelope)
                    w.Line("result." + GeneratedNames.IsPaginated + " = true;");
                w.Line("return result;");
            }

            // Write
            w.Line();
            string modifier = type.BaseType is null ? "internal" : "internal override";
            using (w.Block(modifier + " void " + GeneratedNames.WriteJson + "(" + Writer + " writer)"))
            {
                if (envelope)
                {
                    var results = properties.Last();
                    using (w.Block("if (!" + GeneratedNames.IsPaginated + ")"))
                    {
                        WriteValue(w, results.Type, results.Name, "writer", 1);
                        w.Line("return;");
                    }

                    w.Line();
                }

                w.Line("writer.WriteStartObject();");
                if (type.BaseType is not null)
                    w.Line(GeneratedNames.WriteSharedJson + "(writer);");
                foreach (var p in properties.Where(p => !p.Inherited))
                    WriteProperty(w, p);
                w.Line("if (" + GeneratedNames.AdditionalProperties + " is not null) GcoreJson.WriteAdditional(writer, " + GeneratedNames.AdditionalProperties + ", " + KnownLambda(properties) + ");");
                w.Line("writer.WriteEndObject();");
            }

            EmitScoring(w, ns, type);
        }

        private static string KnownLambda(IEnumerable<PropertyDef> properties)
        {
            var names = properties.Select(p => Identifiers.Literal(p.JsonName)).ToList();
            return "static name => " + (names.Count == 0 ? "false" : "name is " + string.Join(" or ", names));
        }

        /// <summary>How well an object fits this type: per property (for the union that lists it) and as a whole (for nesting).</summary>
        private static void EmitScoring(SourceWriter w, string ns, TypeDef type)
        {
            var required = RequiredWithBits(type);
            string Bit(PropertyDef p) => RequiredBit(required, p);

            w.Line();
            w.Line("/// <summary>One bit per required property, as <see cref=\"" + GeneratedNames.ScoreProperty + "\"/> reports them to <see cref=\"GcoreJsonFit\"/>.</summary>");
            string all = required.Count == 0 ? "0" : required.Count == 64 ? "ulong.MaxValue" : "0x" + ((1UL << required.Count) - 1).ToString("X") + "UL";
            w.Line("internal const ulong " + GeneratedNames.RequiredMask + " = " + all + ";");

            w.Line();
            w.Line("/// <summary>Scores one property of a JSON object against this type: <paramref name=\"name\"/> is its name, <paramref name=\"value\"/> stands on its value.</summary>");
            w.Line("/// <remarks>With <paramref name=\"deferNested\"/>, an object value is scored later, in one walk shared with the other variants.</remarks>");
            using (w.Block("internal static void " + GeneratedNames.ScoreProperty + "(ref GcoreJsonFit fit, global::System.ReadOnlySpan<byte> name, in " + Reader + " value, bool deferNested)"))
            {
                EmitNameSwitch(w, type.Properties, p =>
                {
                    string kindCheck = KindCheck(p, "value.TokenType");
                    if (p.Type.Kind == TypeRefKind.Named && p.Type.NamedKind == TypeKind.Object)
                    {
                        string nested = Qualified(ns, p.Type.Name!);
                        using (w.Block("if (value.TokenType == " + Token + ".StartObject && deferNested)", "}"))
                            w.Line("fit.NestedLater(" + nested + "." + GeneratedNames.ScoreProperty + ", " + nested + "." + GeneratedNames.RequiredMask + ", " + Bit(p) + ");");
                        using (w.Block("else if (value.TokenType == " + Token + ".StartObject)", "}"))
                            w.Line("fit.Nested(" + nested + "." + GeneratedNames.MatchScore + "(value), " + Bit(p) + ");");
                        using (w.Block("else"))
                            w.Line("fit.Known(" + kindCheck + ", " + Bit(p) + ");");
                    }
                    else
                    {
                        w.Line("fit.Known(" + kindCheck + ", " + Bit(p) + ");");
                    }

                    w.Line("return;");
                });

                // A property the spec does not know never disqualifies (the API grows under its users);
                // in a closed shape it makes the variant a worse fit than one that knows it.
                w.Line("fit.Unknown(" + (type.ClosedShape ? "true" : "false") + ");");
            }

            w.Line();
            w.Line("/// <summary>How well the object at the reader fits: see <see cref=\"GcoreJsonFit.Result\"/>.</summary>");
            using (w.Block("internal static int " + GeneratedNames.MatchScore + "(" + Reader + " reader)"))
            {
                w.Line("if (reader.TokenType != " + Token + ".StartObject) return -1;");
                w.Line("var fit = new GcoreJsonFit();");
                using (w.Block("while (reader.Read() && reader.TokenType != " + Token + ".EndObject)"))
                {
                    w.Line("var name = GcoreJson.PropertyName(in reader);");
                    w.Line("reader.Read();");
                    w.Line(GeneratedNames.ScoreProperty + "(ref fit, name, in reader, false);");
                    w.Line("reader.Skip();");
                }

                w.Line("return fit.Result(" + GeneratedNames.RequiredMask + ");");
            }
        }

        /// <summary>The required properties that have a bit in <c>RequiredMask</c>: the first 64.</summary>
        private static List<PropertyDef> RequiredWithBits(TypeDef type) => type.Properties.Where(p => p.Required).Take(64).ToList();

        /// <summary>The bit of a property in <c>RequiredMask</c> (see <see cref="RequiredWithBits"/>), as a C# literal; "0" for the rest.</summary>
        private static string RequiredBit(List<PropertyDef> requiredWithBits, PropertyDef p)
        {
            int index = requiredWithBits.IndexOf(p);
            return index < 0 ? "0" : "0x" + (1UL << index).ToString("X") + "UL";
        }

        /// <summary>
        /// Dispatches on the UTF-8 name in <c>name</c>: a switch on its length, then a comparison per name of that length.
        /// <paramref name="body"/> writes what a match does; it must leave the switch (return or continue).
        /// </summary>
        private static void EmitNameSwitch(SourceWriter w, IEnumerable<PropertyDef> properties, System.Action<PropertyDef> body) =>
            EmitNameSwitch(w, "name", properties, p => p.JsonName, body);

        private static void EmitNameSwitch<T>(SourceWriter w, string name, IEnumerable<T> items, System.Func<T, string> jsonName, System.Action<T> body)
        {
            var byLength = items
                .GroupBy(p => System.Text.Encoding.UTF8.GetByteCount(jsonName(p)))
                .OrderBy(g => g.Key)
                .ToList();
            if (byLength.Count == 0)
                return;
            using (w.Block("switch (" + name + ".Length)"))
            {
                foreach (var group in byLength)
                {
                    w.Line("case " + group.Key + ":");
                    w.Indent();
                    foreach (var p in group)
                    {
                        using (w.Block("if (GcoreJson.NameIs(" + name + ", " + CSharp.Utf8(jsonName(p)) + "))"))
                            body(p);
                    }

                    w.Line("break;");
                    w.Outdent();
                }
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
                    WriteNamed(w, p, p.Name, nullable: true);
                    return;
                }

                if (p.DefaultEmpty)
                {
                    using (w.Block("if (" + p.Name + " is not null)"))
                        WriteNamed(w, p, p.Name, nullable: false);
                    return;
                }

                WriteNamed(w, p, p.Name, nullable: false);
                return;
            }

            string field = CSharp.Field(p);
            if (p.Nullable)
            {
                using (w.Block("if (" + field + "IsSet)"))
                    WriteNamed(w, p, field, nullable: true);
            }
            else
            {
                // The spec does not allow null here: an optional property set to null is left out.
                using (w.Block("if (" + field + "IsSet && " + field + " is not null)"))
                    WriteNamed(w, p, field + (p.Type.IsValueType ? ".Value" : ""), nullable: false);
            }
        }

        /// <summary>Writes a property's name and value, with one writer call where the writer has one for the kind.</summary>
        private static void WriteNamed(SourceWriter w, PropertyDef p, string value, bool nullable)
        {
            string name = NameField(p);
            string plain = value + (nullable && p.Type.IsValueType ? ".Value" : "");
            switch (p.Type.Kind)
            {
                case TypeRefKind.String:
                    // WriteString writes null for a null string.
                    w.Line("writer.WriteString(" + name + ", " + value + ");");
                    return;
                case TypeRefKind.Boolean:
                case TypeRefKind.Int32:
                case TypeRefKind.Int64:
                case TypeRefKind.Double:
                case TypeRefKind.Decimal:
                case TypeRefKind.DateTimeOffset:
                case TypeRefKind.Guid:
                    string call = p.Type.Kind switch
                    {
                        TypeRefKind.Boolean => "WriteBoolean",
                        TypeRefKind.DateTimeOffset or TypeRefKind.Guid => "WriteString",
                        _ => "WriteNumber",
                    };
                    if (nullable)
                    {
                        using (w.Block("if (" + value + " is null)", "}"))
                            w.Line("writer.WriteNull(" + name + ");");
                        using (w.Block("else"))
                            w.Line("writer." + call + "(" + name + ", " + plain + ");");
                    }
                    else
                    {
                        w.Line("writer." + call + "(" + name + ", " + plain + ");");
                    }

                    return;
                case TypeRefKind.Named when p.Type.NamedKind == TypeKind.Enum:
                    if (nullable)
                    {
                        using (w.Block("if (" + value + " is null)", "}"))
                            w.Line("writer.WriteNull(" + name + ");");
                        using (w.Block("else"))
                            w.Line("writer.WriteString(" + name + ", " + plain + ".Value);");
                    }
                    else
                    {
                        w.Line("writer.WriteString(" + name + ", " + plain + ".Value);");
                    }

                    return;
                default:
                    if (nullable)
                    {
                        using (w.Block("if (" + value + " is null)", "}"))
                            w.Line("writer.WriteNull(" + name + ");");
                        using (w.Block("else"))
                        {
                            w.Line("writer.WritePropertyName(" + name + ");");
                            WriteValue(w, p.Type, plain, "writer", 1);
                        }
                    }
                    else
                    {
                        w.Line("writer.WritePropertyName(" + name + ");");
                        WriteValue(w, p.Type, plain, "writer", 1);
                    }

                    return;
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
                    string qualified = Qualified(ns, type.Name!);
                    if (type.NamedKind == TypeKind.Enum)
                        return "(" + reader + ".TokenType == " + Token + ".Null ? (" + qualified + "?)null : " + qualified + "." + GeneratedNames.ReadJson + "(ref " + reader + "))";
                    return "(" + reader + ".TokenType == " + Token + ".Null ? null : " + qualified + "." + GeneratedNames.ReadJson + "(ref " + reader + "))";
            }
        }

        /// <summary>A read of the value at the reader that fails on JSON null.</summary>
        internal static string ReadNotNull(string ns, TypeRef type, string reader, int depth, string what)
        {
            if (type.Kind == TypeRefKind.Json)
                return ReadValue(ns, type, reader, depth);
            if (type.Kind == TypeRefKind.Named && type.NamedKind == TypeKind.Enum)
                return Qualified(ns, type.Name!) + "." + GeneratedNames.ReadJson + "(ref " + reader + ")";
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
                    // A plain loop, not a delegate per item: the item's write is a direct call the JIT can inline.
                    string items = "items" + depth;
                    string index = "i" + depth;
                    string each = "item" + depth;
                    w.Line("{");
                    w.Indent();
                    w.Line("var " + items + " = " + value + ";");
                    w.Line(writer + ".WriteStartArray();");
                    using (w.Block("for (int " + index + " = 0, n" + depth + " = " + items + ".Count; " + index + " < n" + depth + "; " + index + "++)"))
                    {
                        w.Line("var " + each + " = " + items + "[" + index + "];");
                        WriteValue(w, type.Element!, each, writer, depth + 1);
                    }

                    w.Line(writer + ".WriteEndArray();");
                    w.Outdent();
                    w.Line("}");
                    break;
                case TypeRefKind.Map:
                    string w2 = "w" + depth;
                    string item = "item" + depth;
                    string method = "WriteMap";
                    w.Line("GcoreJson." + method + "<" + CSharp.Type(type.Element!) + ">(" + writer + ", " + value + ", static (" + w2 + ", " + item + ") =>");
                    w.Line("{");
                    w.Indent();
                    WriteValue(w, type.Element!, item, w2, depth + 1);
                    w.Outdent();
                    w.Line("});");
                    break;
                case TypeRefKind.Named when type.NamedKind == TypeKind.Enum:
                    w.Line(writer + ".WriteStringValue(" + value + ".Value);");
                    break;
                default:
                    w.Line(value + "." + GeneratedNames.WriteJson + "(" + writer + ");");
                    break;
            }
        }
    }
}
