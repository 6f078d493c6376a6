using System.Collections.Generic;
using System.Linq;
using GcoreCdnGen.Model;

namespace GcoreCdnGen.Emitting.Json;

/// <summary>One type read by a group, with the local that gathers its fit.</summary>
internal sealed class OnePassShape
{
    public OnePassShape(TypeDef type, string fit)
    {
        Type = type;
        Fit = fit;
        RequiredWithBits = ScoringEmitter.RequiredWithBits(type);
    }

    public TypeDef Type { get; }

    public List<PropertyDef> RequiredWithBits { get; }

    public string Fit { get; }
}

/// <summary>One JSON name of a group: the shapes that know it, and where its value goes.</summary>
internal sealed class OnePassEntry
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
internal sealed class OnePassGroup
{
    public List<OnePassShape> Shapes { get; } = new();

    public List<OnePassEntry> Entries { get; } = new();

    public string Additional { get; set; } = "";

    public string NameVariable { get; set; } = "";

    public OnePassShape ShapeOf(string typeName) => Shapes.First(s => s.Type.Name == typeName);

    /// <summary>
    /// Whether the one walk can build the shape: not when a required property of it, here or in an object it holds,
    /// has a name the walk gives up on (the shape then never fits in the walk anyway).
    /// </summary>
    public bool CanBuild(OnePassShape shape)
    {
        foreach (var entry in Entries)
        {
            if (entry.KnownBy(shape) is not { } p || p.Presence != Presence.Required)
                continue;
            if (!entry.IsObject && entry.Type is null)
                return false;
            if (entry.Nested is { } nested && !nested.CanBuild(nested.ShapeOf(p.Type.Name!)))
                return false;
        }

        return true;
    }

    /// <summary>The local that says whether the property <paramref name="p"/> of <paramref name="shape"/> was read.</summary>
    public string HasOf(OnePassShape shape, PropertyDef p) =>
        Entries.First(e => e.KnownBy(shape) == p).Has;
}

/// <summary>
/// Plans the one-walk read of a union (see <see cref="OnePassEmitter"/>): which names the variants share, where each
/// value goes, which nested objects are read the same way one level down. The plan is data (<see cref="OnePassGroup"/>);
/// the emitter only reads it.
/// </summary>
internal static class OnePassPlanner
{
    // Past these, a union keeps only the two-pass read: a method with hundreds of locals helps nobody.
    private const int OnePassMaxVariants = 8;
    private const int OnePassMaxSlots = 160;
    private const int OnePassMaxDepth = 4;

    private sealed class PlanningScope
    {
        private readonly HashSet<string> _locals = new();

        public PlanningScope(IReadOnlyList<TypeDef> shapes)
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
    internal static OnePassGroup? PlanOnePass(TypeDef union, IReadOnlyList<TypeDef> shapes)
    {
        var plan = new PlanningScope(shapes);
        if (union.Variants.Count == 0 || union.Variants.Count > OnePassMaxVariants || union.Variants.Any(v => !plan.Types.ContainsKey(v)))
            return null;
        var variants = union.Variants.Select((v, i) => new OnePassShape(plan.Types[v], "fit" + i)).ToList();
        var group = PlanGroup(variants, "", 0, new HashSet<string>(union.Variants), plan);
        return plan.Slots > OnePassMaxSlots ? null : group;
    }

    private static OnePassGroup PlanGroup(List<OnePassShape> shapes, string prefix, int depth, HashSet<string> enclosing, PlanningScope plan)
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
            if (entry.Knowers.All(k => k.Property.Type.IsObject))
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
}
