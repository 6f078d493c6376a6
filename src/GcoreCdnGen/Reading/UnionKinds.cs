using System;
using System.Collections.Generic;
using System.Linq;
using GcoreCdnGen.Model;

namespace GcoreCdnGen.Reading;

/// <summary>
/// Which kind each variant of a union is (an S3 source is <c>origin_type: s3</c>), from the wire contract alone:
/// the enum property the variants carry, matched to each variant by what only that variant holds.
/// </summary>
internal static class UnionKinds
{
    public static void Assign(TypeBuilder union, IReadOnlyDictionary<string, TypeBuilder> byName, Func<TypeBuilder, string> shapeKey)
    {
        var variants = union.Variants.Where(byName.ContainsKey).Select(v => byName[v]).ToList();
        if (variants.Count < 2)
            return;

        // The kind property: an enum property some variants carry, the same enum wherever it appears.
        string? kindProperty = null;
        TypeBuilder? kindEnum = null;
        foreach (var name in variants.SelectMany(v => v.Properties).Select(p => p.JsonName).Distinct().OrderBy(n => n, StringComparer.Ordinal))
        {
            var types = variants.Select(v => v.Properties.FirstOrDefault(p => p.JsonName == name)?.Type).Where(t => t is not null).Distinct().ToList();
            if (types.Count == 1 && types[0] is { Kind: TypeRefKind.Named, NamedKind: TypeKind.Enum } t && byName.TryGetValue(t.Name!, out var e) && e.Values.Count >= 2)
            {
                kindProperty = name;
                kindEnum = e;
                break;
            }
        }

        if (kindProperty is null || kindEnum is null)
            return;

        var values = kindEnum.Values.Select(v => v.Value).ToList();
        var tokens = variants.ToDictionary(v => v, v => Tokens(v, variants, byName));
        var open = new List<TypeBuilder>(variants);
        var assigned = new Dictionary<TypeBuilder, string>();
        bool progress = true;
        while (progress && open.Count > 0 && values.Count > 0)
        {
            progress = false;
            foreach (var variant in open.ToList())
            {
                var scores = values.Select(value => (value, score: tokens[variant].Count(t => string.Equals(t, value, StringComparison.OrdinalIgnoreCase)))).ToList();
                var best = scores.OrderByDescending(s => s.score).First();
                if (best.score == 0 || scores.Count(s => s.score == best.score) > 1)
                    continue;

                // The value must point back at this variant alone.
                bool unique = open.Where(o => o != variant).All(o => tokens[o].Count(t => string.Equals(t, best.value, StringComparison.OrdinalIgnoreCase)) < best.score);
                if (!unique)
                    continue;
                assigned[variant] = best.value;
                open.Remove(variant);
                values.Remove(best.value);
                progress = true;
            }
        }

        // The rest in a fixed order: a variant without the property is the kind you get by not saying (the enum's
        // first remaining value), then the others by shape.
        var rest = open.OrderBy(v => v.Properties.Any(p => p.JsonName == kindProperty) ? 1 : 0).ThenBy(shapeKey, StringComparer.Ordinal).ToList();
        for (int i = 0; i < rest.Count && i < values.Count; i++)
            assigned[rest[i]] = values[i];

        foreach (var pair in assigned)
        {
            pair.Key.KindValue = pair.Value;
            if (pair.Key.Properties.Any(p => p.JsonName == kindProperty))
                pair.Key.KindProperty = kindProperty;
        }
    }

    /// <summary>The words of what only this variant holds: its own property names and those of the objects they hold.</summary>
    private static List<string> Tokens(TypeBuilder variant, List<TypeBuilder> variants, IReadOnlyDictionary<string, TypeBuilder> byName)
    {
        var words = new List<string>();
        // Only what no other variant has (the same name with the same type): a field two kinds share names neither.
        foreach (var property in variant.Properties.Where(p => !variants.Any(v => v != variant && v.Properties.Any(q => q.JsonName == p.JsonName && q.Type.Equals(p.Type)))))
        {
            Add(property.JsonName);
            var type = property.Type;
            while (type.Element is not null)
                type = type.Element;
            if (type.Kind == TypeRefKind.Named && byName.TryGetValue(type.Name!, out var held) && held.Kind == TypeKind.Object)
                foreach (var inner in held.Properties)
                    Add(inner.JsonName);
        }

        return words;

        void Add(string jsonName) =>
            words.AddRange(jsonName.Split(new[] { '_', '-', '.', ' ' }, StringSplitOptions.RemoveEmptyEntries));
    }
}
