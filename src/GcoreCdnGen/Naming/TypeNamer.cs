using System;
using System.Collections.Generic;
using System.Linq;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;

namespace GcoreCdnGen.Naming;

/// <summary>A type as the namer sees it: an id the reader gave it, its shape, and where it sits.</summary>
public sealed class NamingType
{
    public required string Id { get; init; }

    public required TypeKind Kind { get; init; }

    /// <summary>JSON name and type of each property.</summary>
    public required IReadOnlyList<KeyValuePair<string, TypeRef>> Properties { get; init; }

    /// <summary>For a union, the ids of its variants.</summary>
    public required IReadOnlyList<string> Variants { get; init; }

    /// <summary>For a union variant, the union's id.</summary>
    public required string? BaseType { get; init; }

    /// <summary>For a union variant, the value of the union's kind property that selects it (<c>s3</c>).</summary>
    public required string? KindValue { get; init; }

    public required TypeRef? ItemType { get; init; }

    /// <summary>The type's wire shape as text: orders variants that have no kind, the same way on every document.</summary>
    public required string ShapeKey { get; init; }
}

/// <summary>An operation as the namer sees it: its resource, method, and the types it sends and receives.</summary>
public sealed class NamingOperation
{
    public required IReadOnlyList<string> Resource { get; init; }

    public required string MethodName { get; init; }

    /// <summary>Orders operations the same way on every document: the path, then the method.</summary>
    public required string SortKey { get; init; }

    public required TypeRef? Body { get; init; }

    public required TypeRef? Response { get; init; }

    public required IReadOnlyList<KeyValuePair<string, TypeRef>> Parameters { get; init; }
}

/// <summary>
/// Names every generated type from where it sits in the API, never from the document's wording (component names,
/// titles, inline or <c>$ref</c>), and makes every name unique (ignoring case, so hint names are too). The rule:
/// <list type="table">
/// <item><term>request body</term><description>resource + method + <c>Params</c>: <c>OriginGroupCreateParams</c></description></item>
/// <item><term>response</term><description>the resource's entity: <c>OriginGroup</c>; an action's: <c>ResourcePurgeResponse</c></description></item>
/// <item><term>list page</term><description>entity + <c>List</c>: <c>OriginGroupList</c></description></item>
/// <item><term>union variant</term><description>its kind before the union's last word: <c>S3Source</c></description></item>
/// <item><term>nested object</term><description>the property (singular) under a body or entity: <c>Source</c>; kind + property under a variant: <c>S3Config</c>; owner + property elsewhere</description></item>
/// <item><term>enum</term><description>the property: <c>OriginType</c>, or owner + property without stutter: <c>S3Type</c></description></item>
/// </list>
/// A name already taken, the name of one of the type's own properties, or the name of a type the user's project
/// imports by itself (<see cref="ImplicitUsingTypeNames"/>: <c>Task</c>, <c>Type</c>, <c>File</c>) falls back to the next
/// form (entity + property, the full resource path; an enum's property + <c>Kind</c>), then a number.
/// Operations are visited in path order, request bodies before responses, properties in JSON-name order, so the
/// same API always gives the same names.
/// </summary>
public static class TypeNamer
{
    private static readonly HashSet<string> CrudMethods = new(StringComparer.Ordinal) { "List", "Get", "Create", "Replace", "Update", "Delete" };

    public static Dictionary<string, string> Assign(IReadOnlyList<NamingType> types, IReadOnlyList<NamingOperation> operations, IEnumerable<string> reserved)
    {
        var byId = types.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var scope = new NameScope(StringComparer.OrdinalIgnoreCase, reserved.ToArray());
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var stems = new Dictionary<string, string>(StringComparer.Ordinal); // operation-level types → their entity
        var ordered = operations.OrderBy(o => o.SortKey, StringComparer.Ordinal).ToList();

        bool Claim(string id, params string[] wanted)
        {
            if (names.ContainsKey(id) || !byId.ContainsKey(id))
                return false;
            // Never named like one of its own properties, which would have to be renamed (Source.SourceValue).
            var members = new HashSet<string>(byId[id].Properties.Select(p => Identifiers.Pascal(p.Key)).Concat(FixedMembers(byId[id].Kind)), StringComparer.Ordinal);
            string? free = wanted.FirstOrDefault(w => !scope.IsTaken(w) && !members.Contains(w));
            names[id] = scope.Claim(free ?? wanted[wanted.Length - 1]);
            return true;
        }

        var requests = new Queue<string>();
        var responses = new Queue<string>();
        foreach (var op in ordered)
        {
            var (entity, qualified) = Entity(op.Resource);
            if (Named(op.Body) is { } body && Claim(body, entity + op.MethodName + "Params", qualified + op.MethodName + "Params"))
            {
                stems[body] = entity;
                requests.Enqueue(body);
            }
        }

        foreach (var op in ordered)
        {
            var (entity, qualified) = Entity(op.Resource);
            if (op.Response is null)
                continue;
            string? root = Named(op.Response);
            if (root is not null && byId[root].Kind == TypeKind.ListEnvelope)
            {
                if (Claim(root, entity + "List", qualified + "List"))
                    responses.Enqueue(root);
                root = Named(byId[root].ItemType);
            }
            else if (op.Response.Kind == TypeRefKind.Array)
            {
                root = Named(op.Response);
            }

            if (root is null)
                continue;
            bool claimed = CrudMethods.Contains(op.MethodName)
                ? Claim(root, entity, qualified, entity + op.MethodName + "Response")
                : Claim(root, entity + op.MethodName + "Response", qualified + op.MethodName + "Response");
            if (claimed)
            {
                stems[root] = entity;
                responses.Enqueue(root);
            }
        }

        void Walk(Queue<string> queue)
        {
            while (queue.Count > 0)
            {
                string id = queue.Dequeue();
                var type = byId[id];
                string name = names[id];
                if (type.BaseType is { } union && Claim(union, name + "Base"))
                    queue.Enqueue(union);

                int index = 0;
                foreach (var variant in type.Variants.Select(v => byId[v]).OrderBy(v => v.KindValue is null).ThenBy(v => v.KindValue, StringComparer.Ordinal).ThenBy(v => v.ShapeKey, StringComparer.Ordinal))
                {
                    index++;
                    string wanted = variant.KindValue is { } kind
                        ? Words.WithKind(name, Identifiers.Pascal(kind))
                        : name + "Variant" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (Claim(variant.Id, wanted))
                        queue.Enqueue(variant.Id);
                }

                foreach (var property in type.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (Named(property.Value) is not { } child)
                        continue;
                    string member = Identifiers.Pascal(property.Key);
                    if (property.Value.Kind == TypeRefKind.Array)
                        member = Words.Singular(member);
                    var wanted = new List<string>();
                    if (stems.TryGetValue(id, out var stem))
                    {
                        wanted.Add(member);
                        wanted.Add(Words.Join(stem, member));
                    }
                    else if (byId[child].Kind == TypeKind.Enum)
                    {
                        wanted.Add(member);
                    }
                    else if (type.KindValue is { } kind)
                    {
                        wanted.Add(Words.Join(Identifiers.Pascal(kind), member));
                    }

                    wanted.Add(Words.Join(name, member));
                    if (byId[child].Kind == TypeKind.Enum)
                        wanted.Add(member + "Kind"); // before a number, where the owner's name already ends with the member's
                    if (Claim(child, wanted.ToArray()))
                        queue.Enqueue(child);
                }

                if (Named(type.ItemType) is { } item && Claim(item, Words.Join(name, "Item")))
                    queue.Enqueue(item);
            }
        }

        Walk(requests);
        foreach (var op in ordered)
        {
            var (entity, _) = Entity(op.Resource);
            foreach (var parameter in op.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                string member = Identifiers.Pascal(parameter.Key);
                if (Named(parameter.Value) is { } id && Claim(id, member, Words.Join(entity, member), entity + op.MethodName + member))
                    requests.Enqueue(id);
            }
        }

        Walk(requests);
        Walk(responses);

        // Types no operation reaches are dropped later; they still get a name, so every reference can be renamed.
        foreach (var type in types.OrderBy(t => t.ShapeKey, StringComparer.Ordinal))
            Claim(type.Id, "Unreachable");
        return names;
    }

    /// <summary>Members every generated type of a kind declares: a type is never named like one of them (CS0542).</summary>
    private static IEnumerable<string> FixedMembers(TypeKind kind) => kind switch
    {
        TypeKind.Enum => new[] { GeneratedNames.EnumValue, GeneratedNames.IsKnown },
        TypeKind.Union => new[] { GeneratedNames.Unknown },
        _ => System.Array.Empty<string>(),
    };

    /// <summary>The entity of a resource path (<c>Cdn/OriginGroups</c> is <c>OriginGroup</c>), and the same qualified by the path.</summary>
    private static (string Entity, string Qualified) Entity(IReadOnlyList<string> resource)
    {
        if (resource.Count == 0)
            return ("Root", "Root");
        string entity = Words.Singular(resource[resource.Count - 1]);
        return (entity, string.Concat(resource.Take(resource.Count - 1)) + entity);
    }

    private static string? Named(TypeRef? type)
    {
        while (type is { Element: not null })
            type = type.Element;
        return type is { Kind: TypeRefKind.Named } ? type.Name : null;
    }
}
