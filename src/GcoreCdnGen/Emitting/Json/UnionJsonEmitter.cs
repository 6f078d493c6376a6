using System.Collections.Generic;
using System.Linq;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;
using static GcoreCdnGen.Emitting.Json.JsonEmitter;
using static GcoreCdnGen.Emitting.Json.ObjectJsonEmitter;
using static GcoreCdnGen.Emitting.Json.OnePassEmitter;
using static GcoreCdnGen.Emitting.Json.OnePassPlanner;

namespace GcoreCdnGen.Emitting.Json;

/// <summary>
/// The reader of a union, which picks the variant a JSON object is by its shape (in one walk where
/// <see cref="OnePassPlanner"/> finds one, else scoring every variant first), and the writer of its <c>Unknown</c> variant.
/// </summary>
internal static class UnionJsonEmitter
{
    internal static void EmitUnion(SourceWriter w, string ns, TypeDef type, EquatableArray<TypeDef> shapes)
    {
        EmitNames(w, type.Properties, "private");
        var onePass = PlanOnePass(type, shapes);
        if (onePass is not null)
        {
            w.Line($$"""
                /// <summary>Reads the variant the JSON object is: in one walk over it where it can, otherwise as <see cref="{{GeneratedNames.ReadByShape}}"/> does.</summary>
                internal static {{type.Name}} {{GeneratedNames.ReadJson}}(ref {{Reader}} reader)
                {
                    GcoreJson.ExpectStartObject(ref reader, {{Identifiers.Literal(type.Name)}});
                    var start = reader;
                    try
                    {
                        var value = {{GeneratedNames.ReadInOnePass}}(ref reader);
                        if (value is not null) return value;
                    }
                    catch (global::System.Exception ex) when (GcoreJson.IsReadError(ex))
                    {
                        // Left to the read below, which names the property at fault.
                    }

                    reader = start;
                    return {{GeneratedNames.ReadByShape}}(ref reader);
                }

                """);
            EmitOnePass(w, ns, type, onePass);
            w.Line();
        }

        w.Line($"""
            /// <summary>
            /// Reads the variant the JSON object is, told apart by shape: every variant is scored on a copy of the reader, then
            /// the variant that fits best (every required property there, every known property of the right kind) reads the
            /// object. When none fits, a variant that
            /// still claims the object (its required properties there, its required objects recognisably its own) is read,
            /// so the error names the property at fault. An object no variant claims is a shape the spec does not list yet:
            /// it is kept as <see cref="{UnknownName}"/>.
            /// </summary>
            """);
        using (w.Block($"internal static {type.Name} {(onePass is null ? GeneratedNames.ReadJson : GeneratedNames.ReadByShape)}(ref {Reader} reader)"))
        {
            if (onePass is null)
                w.Line($"GcoreJson.ExpectStartObject(ref reader, {Identifiers.Literal(type.Name)});");
            var variants = type.Variants.Select(v => Qualified(ns, v)).ToList();
            w.Line("var scan = reader;");
            for (int i = 0; i < variants.Count; i++)
                w.Line($"var fit{i} = new GcoreJsonFit();");
            // Up to four variants share one walk over a nested object; with more, each scores it on its own.
            bool defer = variants.Count <= 4;
            using (w.Block($"while (scan.Read() && scan.TokenType != {Token}.EndObject)"))
            {
                w.Line("""
                    var name = GcoreJson.PropertyName(in scan);
                    scan.Read();
                    """);
                for (int i = 0; i < variants.Count; i++)
                    w.Line($"{variants[i]}.{GeneratedNames.ScoreProperty}(ref fit{i}, name, in scan, {(defer ? "true" : "false")});");
                if (defer)
                {
                    string anyPending = string.Join(" || ", Enumerable.Range(0, variants.Count).Select(i => $"fit{i}.HasPending"));
                    string fits = string.Join(", ", Enumerable.Range(0, variants.Count).Select(i => $"ref fit{i}"));
                    w.Line($$"""
                        if (scan.TokenType == {{Token}}.StartObject && ({{anyPending}}))
                        {
                            GcoreJsonFit.ScoreNested(ref scan, {{fits}});
                        }
                        else
                        {
                            scan.Skip();
                        }
                        """);
                }
                else
                {
                    w.Line("scan.Skip();");
                }
            }

            w.Line("""

                int pick = -1;
                int pickScore = int.MinValue;
                """);
            var scored = type.Variants.Select((v, i) => ($"fit{i}", variants[i], type.VariantShapes.FirstOrDefault(s => s.Name == v)?.Properties.Count ?? -1)).ToList();
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
                    w.Line($"case {i}: return {variants[i]}.{GeneratedNames.ReadJson}(ref reader);");
                w.Line($"default: return {UnknownName}.{GeneratedNames.ReadJson}(ref reader);");
            }
        }

        w.Line($"""

            internal abstract void {GeneratedNames.WriteJson}({Writer} writer);

            /// <summary>Writes the properties every variant shares.</summary>
            """);
        using (w.Block($"private protected void {GeneratedNames.WriteSharedJson}({Writer} writer)"))
        {
            foreach (var property in type.Properties)
                WriteProperty(w, type.Name, property);
        }
    }

    /// <summary>
    /// Sets <c>pick</c> to the index of the shape with the best rank (score, then whether the object has every
    /// property the shape knows) among those whose fit passes <paramref name="test"/> (<c>Fits</c> or <c>Claims</c>);
    /// the first wins a tie. <c>pickScore</c> holds its rank.
    /// </summary>
    internal static void EmitPick(SourceWriter w, IReadOnlyList<(string Fit, string Type, int Known)> shapes, string test)
    {
        for (int i = 0; i < shapes.Count; i++)
        {
            var (fit, type, known) = shapes[i];
            w.Line($"if ({fit}.{test}({type}.{GeneratedNames.RequiredMask}) && {fit}.Rank({known}) > pickScore) {{ pick = {i}; pickScore = {fit}.Rank({known}); }}");
        }
    }

    /// <summary>The JSON members of the <c>Unknown</c> variant, inside its declaration.</summary>
    internal static void EmitUnknown(SourceWriter w, TypeDef type)
    {
        var tracked = type.Properties.Where(CSharp.IsTracked).ToList();
        w.Line("/// <summary>Writes the JSON as it came; shared properties set since, and additional properties, replace theirs.</summary>");
        using (w.Block($"internal override void {GeneratedNames.WriteJson}({Writer} writer)"))
        {
            string anySet = string.Join(" || ", tracked.Select(CSharp.FieldIsSet).Concat(new[] { $"{GeneratedNames.AdditionalProperties} is not null" }));
            w.Line($$"""
                if (!({{anySet}}) || Json.ValueKind != global::System.Text.Json.JsonValueKind.Object)
                {
                    GcoreJson.WriteRaw(writer, Json);
                    return;
                }

                writer.WriteStartObject();
                """);
            foreach (var p in tracked)
                WriteProperty(w, type.Name, p);
            using (w.Block("foreach (var property in Json.EnumerateObject())"))
            {
                foreach (var p in tracked)
                    w.Line($"if ({CSharp.FieldIsSet(p)} && property.NameEquals({CSharp.Utf8(p.JsonName)})) continue;");

                w.Line($"""
                    if ({GeneratedNames.AdditionalProperties} is not null && {GeneratedNames.AdditionalProperties}.ContainsKey(property.Name)) continue;
                    GcoreJson.WriteRaw(writer, property);
                    """);
            }

            EmitWriteAdditional(w, type.Properties);
            w.Line("writer.WriteEndObject();");
        }

        w.Line($"""

            /// <summary>Reads any JSON value, as it is.</summary>
            internal static new {UnknownName} {GeneratedNames.ReadJson}(ref {Reader} reader) => new(GcoreJson.ReadElement(ref reader));

            """);
        EmitInterface(w, UnknownName);
    }
}
