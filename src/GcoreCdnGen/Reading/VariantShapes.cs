using System.Collections.Generic;
using System.Linq;
using GcoreCdnGen.Model;

namespace GcoreCdnGen.Reading;

/// <summary>The shapes a union's reader scores its variants by (<see cref="TypeDef.VariantShapes"/>).</summary>
internal static class VariantShapes
{
    /// <summary>
    /// What a union's reader needs to know of other types: its variants and the object types they hold, with
    /// everything but their shape (descriptions, constraints, defaults) left out, so editing a description of a
    /// variant re-emits that variant alone.
    /// </summary>
    internal static EquatableArray<TypeDef> Of(TypeDef type, IReadOnlyDictionary<string, TypeDef> byName)
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
                if (p.Type.IsObject)
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
        VariantShapes = EquatableArray<TypeDef>.Empty,
        Values = EquatableArray<EnumValueDef>.Empty,
        UsedInRequest = false,
        UsedInResponse = false,
        Properties = type.Properties
            .Select(p => p with { Summary = null, DefaultJson = null, Deprecated = null, Secret = false, Constraints = null })
            .ToEquatableArray(),
    };
}
