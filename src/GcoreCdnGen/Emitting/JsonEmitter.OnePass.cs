using System.Collections.Generic;
using System.Linq;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;

namespace GcoreCdnGen.Emitting
{
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
    internal static partial class JsonEmitter
    {
        // Past these, a union keeps only the two-pass read: a method with hundreds of locals helps nobody.
        private const int OnePassMaxVariants = 8;
        private const int OnePassMaxSlots = 160;
        private const int OnePassMaxDepth = 4;

        /// <summary>
        /// What a union's reader needs to know of other types: its variants and the object types they hold, with
        /// everything but their shape (descriptions, constraints, defaults) left out, so editing a description of a
        /// variant re-emits that variant alone.
        /// </summary>
        public static EquatableArray<TypeDef> ShapesFor(TypeDef type, IReadOnlyDictionary<string, TypeDef> byName)
        {
            if (type.Kind != TypeKind.Union)
                return EquatableArray<TypeDef>.Empty;
            var shapes = new List<TypeDef>();
            var seen = new HashSet<string>();
            var queue = new Queue<string>(type.Variants);
            while (queue.Count > 0)
            {
                string name = queue.Dequeue();
                if (!seen.Add(name) || !byName.TryGetValue(name, out var shape) || shape.Kind != TypeKind.Object)
                    continue;
                shapes.Add(ShapeOnly(shape));
                foreach (var p in shape.Properties)
                {
                    if (IsObjectType(p.Type))
                        queue.Enqueue(p.Type.Name!);
                }
            }

            return shapes.ToEquatableArray();
        }

        private static TypeDef ShapeOnly(TypeDef type) => type with
        {
            Summary = null,
            Deprecated = null,
            Pointer = "",
            Values = EquatableArray<EnumValueDef>.Empty,
            UsedInRequest = false,
            UsedInResponse = false,
            Properties = type.Properties
                .Select(p => p with { Summary = null, DefaultJson = null, Deprecated = null, Secret = false, Constraints = null })
                .ToEquatableArray(),
        };

        private static bool IsObjectType(TypeRef type) => type.Kind == TypeRefKind.Named && type.NamedKind == TypeKind.Object;

        /// <summary>One type read by a group, with the local that gathers its fit.</summary>
        private sealed class OnePassShape
        {
            public OnePassShape(TypeDef type, string fit)
            {
                Type = type;
                Fit = fit;
                RequiredWithBits = JsonEmitter.RequiredWithBits(type);
            }

            public TypeDef Type { get; }

            public List<PropertyDef> RequiredWithBits { get; }

            public string Fit { get; }
        }

        /// <summary>One JSON name of a group: the shapes that know it, and where its value goes.</summary>
        private sealed class OnePassEntry
        {
            public OnePassEntry(string jsonName) => JsonName = jsonName;

            public string JsonName { get; }

            public List<(OnePassShape Shape, PropertyDef Property)> Knowers { get; } = new();

            /// <summary>The one type all knowers give the value; null when they disagree.</summary>
            public TypeRef? Type { get; set; }

            /// <summary>Every knower gives the value an object type: it is read by <see cref="Nested"/>.</summary>
            public bool IsObject { get; set; }

            /// <summary>The group an object value is read with; null where that would recurse (the two-pass read takes over).</summary>
            public OnePassGroup? Nested { get; set; }

            /// <summary>The value, or for an object whether one (rather than null) was read.</summary>
            public string Local { get; set; } = "";

            public string Has { get; set; } = "";

            /// <summary>For an object: the local the built value goes to.</summary>
            public string Built { get; set; } = "";

            public PropertyDef? KnownBy(OnePassShape shape) => Knowers.Where(k => k.Shape == shape).Select(k => k.Property).FirstOrDefault();
        }

        /// <summary>Types read together from one JSON object.</summary>
        private sealed class OnePassGroup
        {
            public List<OnePassShape> Shapes { get; } = new();

            public List<OnePassEntry> Entries { get; } = new();

            public string Additional { get; set; } = "";

            public string NameVariable { get; set; } = "";

            public OnePassShape ShapeOf(string typeName) => Shapes.First(s => s.Type.Name == typeName);
        }

        private sealed class OnePassPlan
        {
            private readonly HashSet<string> _locals = new();

            public OnePassPlan(IReadOnlyList<TypeDef> shapes)
            {
                Types = shapes.ToDictionary(s => s.Name);
                _locals.UnionWith(new[] { "reader", "pick", "pickScore" });
                for (int depth = 0; depth < OnePassMaxDepth; depth++)
                    _locals.Add(depth == 0 ? "name" : "name" + depth);
            }

            public Dictionary<string, TypeDef> Types { get; }

            public int Slots { get; set; }

            public string Unique(string name)
            {
                string candidate = name;
                for (int i = 2; !_locals.Add(candidate); i++)
                    candidate = name + i;
                return candidate;
            }
        }

        /// <summary>Plans the one-pass read of a union, or returns null where the two-pass read is all it gets.</summary>
        private static OnePassGroup? PlanOnePass(TypeDef union, IReadOnlyList<TypeDef> shapes)
        {
            var plan = new OnePassPlan(shapes);
            if (union.Variants.Count == 0 || union.Variants.Count > OnePassMaxVariants || union.Variants.Any(v => !plan.Types.ContainsKey(v)))
                return null;
            var variants = union.Variants.Select((v, i) => new OnePassShape(plan.Types[v], "fit" + i)).ToList();
            var group = PlanGroup(variants, "", 0, new HashSet<string>(union.Variants), plan);
            return plan.Slots > OnePassMaxSlots ? null : group;
        }

        private static OnePassGroup PlanGroup(List<OnePassShape> shapes, string prefix, int depth, HashSet<string> enclosing, OnePassPlan plan)
        {
            var group = new OnePassGroup
            {
                Additional = plan.Unique("additional" + prefix.TrimEnd('_')),
                NameVariable = depth == 0 ? "name" : "name" + depth,
            };
            group.Shapes.AddRange(shapes);
            var byName = new Dictionary<string, OnePassEntry>();
            foreach (var shape in shapes)
            {
                foreach (var p in shape.Type.Properties)
                {
                    if (!byName.TryGetValue(p.JsonName, out var entry))
                    {
                        entry = new OnePassEntry(p.JsonName);
                        byName.Add(p.JsonName, entry);
                        group.Entries.Add(entry);
                    }

                    entry.Knowers.Add((shape, p));
                }
            }

            foreach (var entry in group.Entries)
            {
                var first = entry.Knowers[0].Property;
                var types = entry.Knowers.Select(k => k.Property.Type).Distinct().ToList();
                entry.Has = plan.Unique("has" + prefix + first.Name);
                plan.Slots++;
                if (entry.Knowers.All(k => IsObjectType(k.Property.Type)))
                {
                    entry.IsObject = true;
                    entry.Local = plan.Unique("read" + prefix + first.Name);
                    entry.Built = plan.Unique("o" + prefix + first.Name);
                    var nestedTypes = types.Select(t => t.Name!).ToList();
                    if (depth + 1 < OnePassMaxDepth && nestedTypes.All(plan.Types.ContainsKey) && !nestedTypes.Any(enclosing.Contains))
                    {
                        string nestedPrefix = prefix + first.Name + "_";
                        var nestedShapes = nestedTypes.Select(t => new OnePassShape(plan.Types[t], plan.Unique("fit" + nestedPrefix + t))).ToList();
                        var inner = new HashSet<string>(enclosing);
                        inner.UnionWith(nestedTypes);
                        entry.Nested = PlanGroup(nestedShapes, nestedPrefix, depth + 1, inner, plan);
                    }
                }
                else if (types.Count == 1)
                {
                    entry.Type = types[0];
                    entry.Local = plan.Unique("v" + prefix + first.Name);
                }
            }

            return group;
        }

        /// <summary>Emits <c>ReadInOnePass</c>: the union read in one walk, or null where <c>ReadByShape</c> must read it.</summary>
        private static void EmitOnePass(SourceWriter w, string ns, TypeDef union, OnePassGroup group)
        {
            w.Line("/// <summary>");
            w.Line("/// Reads the variant in one walk over the object: every variant is scored as <see cref=\"" + GeneratedNames.ReadByShape + "\"/> scores it,");
            w.Line("/// while the values go to locals; the variant that fits is built from them. Returns null (the reader then stands");
            w.Line("/// anywhere inside the object) when the object needs <see cref=\"" + GeneratedNames.ReadByShape + "\"/>: a value of the wrong kind, a name");
            w.Line("/// the variants type differently, a property the chosen variant does not know, or no variant that fits.");
            w.Line("/// </summary>");
            using (w.Block("internal static " + union.Name + "? " + GeneratedNames.ReadInOnePass + "(ref " + Reader + " reader)"))
            {
                foreach (var shape in group.Shapes)
                    w.Line("var " + shape.Fit + " = new GcoreJsonFit();");
                EmitOnePassLocals(w, group);
                EmitOnePassLoop(w, ns, group);

                w.Line();
                w.Line("int pick = -1;");
                w.Line("int pickScore = int.MinValue;");
                EmitPick(w, group.Shapes.Select(s => (s.Fit, Qualified(ns, s.Type.Name))).ToList(), "Fits");

                w.Line();
                using (w.Block("switch (pick)"))
                {
                    for (int i = 0; i < group.Shapes.Count; i++)
                    {
                        w.Line("case " + i + ":");
                        if (!CanBuild(group, group.Shapes[i]))
                        {
                            w.Indent();
                            w.Line("return null; // a property it needs is one the one walk never reads");
                            w.Outdent();
                            continue;
                        }

                        w.Line("{");
                        w.Indent();
                        string result = EmitOnePassBuild(w, ns, group, group.Shapes[i]);
                        w.Line("return " + result + ";");
                        w.Outdent();
                        w.Line("}");
                    }

                    w.Line("default:");
                    w.Indent();
                    w.Line("return null;");
                    w.Outdent();
                }
            }
        }

        private static void EmitOnePassLocals(SourceWriter w, OnePassGroup group)
        {
            foreach (var entry in group.Entries)
            {
                if (entry.IsObject)
                {
                    w.Line("bool " + entry.Local + " = false;");
                    if (entry.Nested is { } nested)
                    {
                        foreach (var shape in nested.Shapes)
                            w.Line("var " + shape.Fit + " = new GcoreJsonFit();");
                        EmitOnePassLocals(w, nested);
                    }
                }
                else if (entry.Type is { } type)
                {
                    w.Line(CSharp.Nullable(type) + " " + entry.Local + " = default;");
                }
                else
                {
                    continue; // a name the walk gives up on has no value to keep
                }

                w.Line("bool " + entry.Has + " = false;");
            }

            w.Line("global::System.Collections.Generic.Dictionary<string, " + Element + ">? " + group.Additional + " = null;");
        }

        private static void EmitOnePassLoop(SourceWriter w, string ns, OnePassGroup group)
        {
            using (w.Block("while (reader.Read() && reader.TokenType != " + Token + ".EndObject)"))
            {
                w.Line("var " + group.NameVariable + " = GcoreJson.PropertyName(in reader);");
                EmitNameSwitch(w, group.NameVariable, group.Entries, e => e.JsonName, entry => EmitOnePassEntry(w, ns, group, entry));
                w.Line("// A name no type here knows: kept, as every one of them would keep it.");
                EmitUnknownForAll(w, group, null);
                w.Line("GcoreJson.ReadAdditional(ref reader, ref " + group.Additional + ");");
            }
        }

        /// <summary>Scores a name as unknown for each shape that does not know it (only closed shapes mind).</summary>
        private static void EmitUnknownForAll(SourceWriter w, OnePassGroup group, OnePassEntry? entry)
        {
            foreach (var shape in group.Shapes)
            {
                if (shape.Type.ClosedShape && (entry is null || entry.KnownBy(shape) is null))
                    w.Line(shape.Fit + ".Unknown(true);");
            }
        }

        private static void EmitOnePassEntry(SourceWriter w, string ns, OnePassGroup group, OnePassEntry entry)
        {
            if (!entry.IsObject && entry.Type is null)
            {
                w.Line("return null; // the variants give this name different types");
                return;
            }

            w.Line("reader.Read();");
            if (!entry.IsObject)
            {
                EmitKindChecks(w, entry);
                EmitKnown(w, group, entry);
                w.Line(entry.Local + " = " + ReadValue(ns, entry.Type!, "reader", 1) + ";");
                w.Line(entry.Has + " = true;");
                w.Line("continue;");
                return;
            }

            using (w.Block("if (reader.TokenType == " + Token + ".StartObject)", "}"))
            {
                if (entry.Nested is not { } nested)
                {
                    w.Line("return null; // an object inside an object of the same type");
                }
                else
                {
                    // A second object for the same name would mix with the first here; the two-pass read keeps the last.
                    w.Line("if (" + entry.Has + ") return null;");
                    EmitOnePassLoop(w, ns, nested);
                    foreach (var shape in group.Shapes)
                    {
                        if (entry.KnownBy(shape) is { } p)
                        {
                            var inner = nested.ShapeOf(p.Type.Name!);
                            w.Line(shape.Fit + ".Nested(" + inner.Fit + ".Result(" + Qualified(ns, p.Type.Name!) + "." + GeneratedNames.RequiredMask + "), " + RequiredBit(shape.RequiredWithBits, p) + ");");
                        }
                    }

                    EmitUnknownForAll(w, group, entry);
                    w.Line(entry.Local + " = true;");
                }
            }

            using (w.Block("else"))
            {
                EmitKindChecks(w, entry);
                EmitKnown(w, group, entry);
                w.Line(entry.Local + " = false;");
            }

            w.Line(entry.Has + " = true;");
            w.Line("continue;");
        }

        /// <summary>A value of the wrong kind for a type that knows the name: that type cannot fit, and the two-pass read decides.</summary>
        private static void EmitKindChecks(SourceWriter w, OnePassEntry entry)
        {
            var checks = entry.Knowers
                .Select(k => KindCheck(k.Property, "reader.TokenType"))
                .Distinct()
                .ToList();
            w.Line("if (!" + (checks.Count == 1 ? checks[0] : "(" + string.Join(" && ", checks) + ")") + ") return null;");
        }

        private static void EmitKnown(SourceWriter w, OnePassGroup group, OnePassEntry entry)
        {
            foreach (var shape in group.Shapes)
            {
                if (entry.KnownBy(shape) is { } p)
                    w.Line(shape.Fit + ".Known(true, " + RequiredBit(shape.RequiredWithBits, p) + ");");
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
                w.Line("if (" + string.Join(" || ", foreign) + ") return null;");

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
                w.Line(Qualified(ns, p.Type.Name!) + "? " + built + " = null;");
                if (entry.Nested is { } nested && CanBuild(nested, nested.ShapeOf(p.Type.Name!)))
                {
                    var inner = nested.ShapeOf(p.Type.Name!);
                    using (w.Block("if (" + entry.Local + ")"))
                    {
                        w.Line("if (!" + inner.Fit + ".Fits(" + Qualified(ns, p.Type.Name!) + "." + GeneratedNames.RequiredMask + ")) return null;");
                        string value = EmitOnePassBuild(w, ns, nested, inner);
                        w.Line(built + " = " + value + ";");
                    }
                }
                else if (entry.Nested is not null)
                {
                    w.Line("if (" + entry.Local + ") return null; // an object the one walk cannot build");
                }

                values[p] = built;
            }

            // A name the walk gives up on is never read: an optional property with it stays unset.
            var properties = shape.Type.Properties.Where(values.ContainsKey).ToList();
            var required = properties.Where(RequiredValue).ToList();
            foreach (var p in required)
                w.Line("if (!" + HasOf(group, shape, p) + " || " + values[p] + " is null) return null;");

            string result = "result" + (group.NameVariable == "name" ? "" : group.NameVariable.Substring("name".Length)) + "_" + shape.Type.Name;
            EmitBuild(w, Qualified(ns, shape.Type.Name), result, properties, p => values[p], p => HasOf(group, shape, p), unwrap: true, group.Additional);
            return result;
        }

        /// <summary>
        /// Whether the one walk can build the shape: not when a required property of it, here or in an object it holds,
        /// has a name the walk gives up on (the shape then never fits in the walk anyway).
        /// </summary>
        private static bool CanBuild(OnePassGroup group, OnePassShape shape)
        {
            foreach (var entry in group.Entries)
            {
                if (entry.KnownBy(shape) is not { } p || !RequiredValue(p))
                    continue;
                if (!entry.IsObject && entry.Type is null)
                    return false;
                if (entry.Nested is { } nested && !CanBuild(nested, nested.ShapeOf(p.Type.Name!)))
                    return false;
            }

            return true;
        }

        private static string HasOf(OnePassGroup group, OnePassShape shape, PropertyDef p) =>
            group.Entries.First(e => e.KnownBy(shape) == p).Has;
    }
}
