using System.Collections.Generic;
using System.Linq;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;
using static GcoreCdnGen.Emitting.Json.JsonEmitter;
using static GcoreCdnGen.Emitting.Json.ObjectJsonEmitter;
using static GcoreCdnGen.Emitting.Json.ScoringEmitter;
using static GcoreCdnGen.Emitting.Json.UnionJsonEmitter;
using static GcoreCdnGen.Emitting.Json.ValueJsonEmitter;

namespace GcoreCdnGen.Emitting.Json;

/// <summary>
/// The one-pass reader of a union. The reader that scores every variant on a copy of the reader and then reads the
/// winner (<c>ReadByShape</c>) walks each union object twice. The one-pass reader walks it once: it scores every
/// variant exactly as <c>ReadByShape</c> does while it reads each value into a local, and builds the variant that
/// fits from those locals. Object values whose type differs between variants (<c>config</c> is an S3Config in one
/// source and a FastedgeConfig in another) are read the same way, one level down.
/// Whatever it does not handle (a value of the wrong kind, a name two variants type differently, a property the
/// chosen variant does not know, no clean fit at all) makes it give up, and <c>ReadByShape</c> reads the object
/// from its start: the result, and any error, is what the two-pass read gives.
/// </summary>
internal static class OnePassEmitter
{
    /// <summary>Emits <c>ReadInOnePass</c>: the union read in one walk, or null where <c>ReadByShape</c> must read it.</summary>
    internal static void EmitOnePass(SourceWriter w, string ns, TypeDef union, OnePassGroup group)
    {
        w.Line($"""
            /// <summary>
            /// Reads the variant in one walk over the object: every variant is scored as <see cref="{GeneratedNames.ReadByShape}"/> scores it,
            /// while the values go to locals; the variant that fits is built from them. Returns null (the reader then stands
            /// anywhere inside the object) when the object needs <see cref="{GeneratedNames.ReadByShape}"/>: a value of the wrong kind, a name
            /// the variants type differently, a property the chosen variant does not know, or no variant that fits.
            /// </summary>
            """);
        using (w.Block($"internal static {union.Name}? {GeneratedNames.ReadInOnePass}(ref {Reader} reader)"))
        {
            foreach (var shape in group.Shapes)
                w.Line($"var {shape.Fit} = new GcoreJsonFit();");
            EmitOnePassLocals(w, group);
            EmitOnePassLoop(w, ns, group);

            w.Line("""

                int pick = -1;
                int pickScore = int.MinValue;
                """);
            EmitPick(w, group.Shapes.Select(s => (s.Fit, Qualified(ns, s.Type.Name), s.Type.Properties.Count)).ToList(), "Fits");

            w.Line();
            using (w.Block("switch (pick)"))
            {
                for (int i = 0; i < group.Shapes.Count; i++)
                {
                    if (!group.CanBuild(group.Shapes[i]))
                    {
                        w.Line($"""
                            case {i}:
                                return null; // a property it needs is one the one walk never reads
                            """);
                        continue;
                    }

                    w.Line($$"""
                        case {{i}}:
                        {
                        """);
                    w.Indent();
                    string result = EmitOnePassBuild(w, ns, group, group.Shapes[i]);
                    w.Line($"return {result};");
                    w.Outdent();
                    w.Line("}");
                }

                w.Line("""
                    default:
                        return null;
                    """);
            }
        }
    }

    private static void EmitOnePassLocals(SourceWriter w, OnePassGroup group)
    {
        foreach (var entry in group.Entries)
        {
            if (entry.IsObject)
            {
                // Whether an object was read matters only where the walk reads one; otherwise it gives up on it.
                if (entry.Nested is { } nested)
                {
                    w.Line($"bool {entry.Local} = false;");
                    foreach (var shape in nested.Shapes)
                        w.Line($"var {shape.Fit} = new GcoreJsonFit();");
                    EmitOnePassLocals(w, nested);
                }
            }
            else if (entry.Type is { } type)
            {
                w.Line($"{CSharp.Nullable(type)} {entry.Local} = default;");
            }
            else
            {
                continue; // a name the walk gives up on has no value to keep
            }

            w.Line($"bool {entry.Has} = false;");
        }

        w.Line($"global::System.Collections.Generic.Dictionary<string, {Element}>? {group.Additional} = null;");
    }

    private static void EmitOnePassLoop(SourceWriter w, string ns, OnePassGroup group)
    {
        using (w.Block($"while (reader.Read() && reader.TokenType != {Token}.EndObject)"))
        {
            w.Line($"""
                var {group.NameVariable} = GcoreJson.PropertyName(in reader);
                reader.Read();
                """);
            EmitNameSwitch(w, group.NameVariable, group.Entries, e => e.JsonName, _ => null, entry => EmitOnePassEntry(w, ns, group, entry));
            w.Line("// A name no type here knows: kept, as every one of them would keep it.");
            EmitUnknownForAll(w, group, null);
            w.Line($"GcoreJson.ReadAdditional({group.NameVariable}, ref reader, ref {group.Additional});");
        }
    }

    /// <summary>Scores a name as unknown for each shape that does not know it (only closed shapes mind).</summary>
    private static void EmitUnknownForAll(SourceWriter w, OnePassGroup group, OnePassEntry? entry)
    {
        foreach (var shape in group.Shapes)
        {
            if (shape.Type.ClosedShape && (entry is null || entry.KnownBy(shape) is null))
                w.Line($"{shape.Fit}.Unknown(true);");
        }
    }

    private static void EmitOnePassEntry(SourceWriter w, string ns, OnePassGroup group, OnePassEntry entry)
    {
        if (!entry.IsObject && entry.Type is null)
        {
            w.Line("return null; // the variants give this name different types");
            return;
        }

        if (!entry.IsObject)
        {
            EmitKindChecks(w, entry);
            EmitKnown(w, group, entry);
            w.Line($"""
                {entry.Local} = {ReadValue(ns, entry.Type!, "reader", 1)};
                {entry.Has} = true;
                continue;
                """);
            return;
        }

        using (w.Block($"if (reader.TokenType == {Token}.StartObject)", "}"))
        {
            if (entry.Nested is not { } nested)
            {
                w.Line("return null; // an object inside an object of the same type");
            }
            else
            {
                // A second object for the same name would mix with the first here; the two-pass read keeps the last.
                w.Line($"if ({entry.Has}) return null;");
                EmitOnePassLoop(w, ns, nested);
                foreach (var shape in group.Shapes)
                {
                    if (entry.KnownBy(shape) is { } p)
                    {
                        var inner = nested.ShapeOf(p.Type.Name!);
                        w.Line($"{shape.Fit}.Nested({inner.Fit}.Result({Qualified(ns, p.Type.Name!)}.{GeneratedNames.RequiredMask}), {RequiredBit(shape.RequiredWithBits, p)});");
                    }
                }

                EmitUnknownForAll(w, group, entry);
                w.Line($"{entry.Local} = true;");
            }
        }

        using (w.Block("else"))
        {
            EmitKindChecks(w, entry);
            EmitKnown(w, group, entry);
            if (entry.Nested is not null)
                w.Line($"{entry.Local} = false;");
        }

        w.Line($"""
            {entry.Has} = true;
            continue;
            """);
    }

    /// <summary>A value of the wrong kind for a type that knows the name: that type cannot fit, and the two-pass read decides.</summary>
    private static void EmitKindChecks(SourceWriter w, OnePassEntry entry)
    {
        var checks = entry.Knowers
            .Select(k => KindCheck(k.Property, "reader.TokenType"))
            .Distinct()
            .ToList();
        string allFit = checks.Count == 1 ? checks[0] : $"({string.Join(" && ", checks)})";
        w.Line($"if (!{allFit}) return null;");
    }

    private static void EmitKnown(SourceWriter w, OnePassGroup group, OnePassEntry entry)
    {
        foreach (var shape in group.Shapes)
        {
            if (entry.KnownBy(shape) is { } p)
                w.Line($"{shape.Fit}.Known(true, {RequiredBit(shape.RequiredWithBits, p)});");
        }

        EmitUnknownForAll(w, group, entry);
    }

    /// <summary>
    /// Builds <paramref name="shape"/> from the group's locals and returns the local that holds it; returns null from
    /// the method where the object holds a property the shape does not know (the two-pass read keeps it as additional).
    /// </summary>
    private static string EmitOnePassBuild(SourceWriter w, string ns, OnePassGroup group, OnePassShape shape)
    {
        var foreign = group.Entries.Where(e => e.KnownBy(shape) is null && (e.IsObject || e.Type is not null)).Select(e => e.Has).ToList();
        if (foreign.Count > 0)
            w.Line($"if ({string.Join(" || ", foreign)}) return null;");

        var values = new Dictionary<PropertyDef, string>();
        foreach (var entry in group.Entries)
        {
            if (entry.KnownBy(shape) is not { } p || (!entry.IsObject && entry.Type is null))
                continue;
            if (!entry.IsObject)
            {
                values[p] = entry.Local;
                continue;
            }

            string built = entry.Built;
            w.Line($"{Qualified(ns, p.Type.Name!)}? {built} = null;");
            if (entry.Nested is { } nested && nested.CanBuild(nested.ShapeOf(p.Type.Name!)))
            {
                var inner = nested.ShapeOf(p.Type.Name!);
                using (w.Block($"if ({entry.Local})"))
                {
                    w.Line($"if (!{inner.Fit}.Fits({Qualified(ns, p.Type.Name!)}.{GeneratedNames.RequiredMask})) return null;");
                    string value = EmitOnePassBuild(w, ns, nested, inner);
                    w.Line($"{built} = {value};");
                }
            }
            else if (entry.Nested is not null)
            {
                w.Line($"if ({entry.Local}) return null; // an object the one walk cannot build");
            }

            values[p] = built;
        }

        // A name the walk gives up on is never read: an optional property with it stays unset.
        var properties = shape.Type.Properties.Where(values.ContainsKey).ToList();
        var required = properties.Where(RequiredValue).ToList();
        foreach (var p in required)
            w.Line($"if (!{group.HasOf(shape, p)} || {values[p]} is null) return null;");

        string result = $"result{group.NameVariable.Substring("name".Length)}_{shape.Type.Name}";
        EmitBuild(w, Qualified(ns, shape.Type.Name), result, properties, p => values[p], p => group.HasOf(shape, p), unwrap: true, group.Additional);
        return result;
    }
}
