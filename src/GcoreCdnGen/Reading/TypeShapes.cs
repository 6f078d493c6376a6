using System;
using System.Collections.Generic;
using System.Linq;
using GcoreCdnGen.Model;

namespace GcoreCdnGen.Reading;

/// <summary>
/// The wire shape of every type as text (property names, types, required, nullable; never docs, titles or order),
/// and one type for each shape: an inline copy of a component and the component itself become the same type.
/// </summary>
internal sealed class TypeShapes
{
    private readonly Dictionary<string, TypeBuilder> _byName;
    private readonly Dictionary<(TypeBuilder, bool), string> _keys = new();
    private readonly HashSet<(TypeBuilder, bool)> _inProgress = new();

    public TypeShapes(IEnumerable<TypeBuilder> types) => _byName = types.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The shape of a type; a union variant's includes the shape of its union.</summary>
    public string Key(TypeBuilder type) => Key(type, withBase: true);

    private string Key(TypeBuilder type, bool withBase)
    {
        if (_keys.TryGetValue((type, withBase), out var known))
            return known;
        if (!_inProgress.Add((type, withBase)))
            return "^";
        string key;
        switch (type.Kind)
        {
            case TypeKind.Enum:
                key = "E(" + string.Join(",", type.Values.Select(v => v.Value).OrderBy(v => v, StringComparer.Ordinal)) + ")";
                break;
            case TypeKind.Union:
                key = "U(" + string.Join("|", type.Variants.Where(_byName.ContainsKey).Select(v => Key(_byName[v], withBase: false)).OrderBy(k => k, StringComparer.Ordinal)) + ")";
                break;
            default:
                key = (type.Kind == TypeKind.ListEnvelope ? "L" : "O") + (type.ClosedShape ? "!" : "") + "{" +
                    string.Join(",", type.Properties.OrderBy(p => p.JsonName, StringComparer.Ordinal).Select(p =>
                        p.JsonName + (p.Required ? "!" : "") + (p.RequiredInPrimary ? "*" : "") + (p.Nullable ? "?" : "") + ":" + RefKey(p.Type))) + "}" +
                    (type.ItemType is { } item ? "[" + RefKey(item) + "]" : "") +
                    (withBase && type.BaseType is { } b && _byName.TryGetValue(b, out var union) ? "<" + Key(union, withBase: false) : "");
                break;
        }

        _inProgress.Remove((type, withBase));
        _keys[(type, withBase)] = key;
        return key;
    }

    private string RefKey(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Array => "[" + RefKey(type.Element!) + "]",
        TypeRefKind.Map => "{:" + RefKey(type.Element!) + "}",
        TypeRefKind.Named => type.Name is not null && _byName.TryGetValue(type.Name, out var named) ? Key(named) : "?",
        _ => type.Kind.ToString(),
    };

    /// <summary>
    /// Keeps the first type of each shape and points every reference at it. Returns the old name → kept name map
    /// (identity for kept types).
    /// </summary>
    public Dictionary<string, string> Deduplicate(List<TypeBuilder> types)
    {
        var kept = new Dictionary<string, TypeBuilder>(StringComparer.Ordinal);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            string key = Key(type);
            if (key.Contains("^"))
            {
                map[type.Name] = type.Name; // a recursive shape: its text depends on where the walk began, so keep it
                continue;
            }

            if (!kept.TryGetValue(key, out var first))
                kept[key] = first = type;
            map[type.Name] = first.Name;
        }

        types.RemoveAll(t => map[t.Name] != t.Name);
        return map;
    }
}
