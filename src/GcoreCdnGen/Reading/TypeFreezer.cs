using System;
using System.Collections.Generic;
using System.Linq;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;

namespace GcoreCdnGen.Reading;

/// <summary>
/// The last step: decide what every property looks like in C# once all types and their uses are known.
/// </summary>
internal static class TypeFreezer
{
    /// <summary>
    /// One type per wire shape, the kinds of union variants, and every type's name (from the naming layer), then
    /// the types as the emitters see them. Returns the operations with their types' final names.
    /// </summary>
    internal static (EquatableArray<TypeDef> Types, List<OperationDef> Operations) Freeze(List<TypeBuilder> types, List<OperationDef> operations, SpecOptions options)
    {
        var shapes = new TypeShapes(types);
        var kept = shapes.Deduplicate(types);
        Rename(types, kept);
        operations = operations.Select(o => Rename(o, kept)).ToList();

        var byId = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var union in types.Where(t => t.Kind == TypeKind.Union))
            UnionKinds.Assign(union, byId, shapes.Key);

        var names = TypeNamer.Assign(
            types.Select(t => new NamingType
            {
                Id = t.Name,
                Kind = t.Kind,
                Properties = t.Properties.Select(p => new KeyValuePair<string, TypeRef>(p.JsonName, p.Type)).ToList(),
                Variants = t.Variants,
                BaseType = t.BaseType,
                KindValue = t.KindValue,
                ItemType = t.ItemType,
                ShapeKey = shapes.Key(t),
            }).ToList(),
            operations.Select(o => new NamingOperation
            {
                Resource = o.ResourcePath,
                MethodName = o.MethodName,
                SortKey = o.PathTemplate + " " + MethodOrder(o.HttpMethod),
                Body = o.RequestBody,
                Response = o.Response,
                Parameters = o.Parameters.Select(p => new KeyValuePair<string, TypeRef>(p.Name, p.Type)).ToList(),
            }).ToList(),
            RuntimeSources.TypeNamesFor(options.ClientName)
                .Concat(new[] { options.ClientName, GeneratedNames.ServiceCollectionExtensionsType(options.ClientName), GeneratedNames.FakeType(options.ClientName), ResourceNames.RawClass })
                .Concat(operations.SelectMany(o => ResourceNames.ClassNames(o.ResourcePath)))
                .Concat(ImplicitUsingTypeNames.All));
        Rename(types, names);
        operations = operations.Select(o => Rename(o, names)).ToList();
        foreach (var type in types.Where(t => t.Kind == TypeKind.Enum))
        {
            var members = new NameScope(GeneratedNames.ReservedEnumMembers.Concat(new[] { type.Name }).ToArray());
            var values = type.Values.Select(v => v with { MemberName = members.Claim(Identifiers.Pascal(v.Value)) }).ToList();
            type.Values.Clear();
            type.Values.AddRange(values);
        }

        return (FreezeNamed(types, operations), operations);
    }

    private static string MethodOrder(string method) => method switch
    {
        "GET" => "1",
        "POST" => "2",
        "PUT" => "3",
        "PATCH" => "4",
        "DELETE" => "5",
        _ => "6" + method,
    };

    private static void Rename(List<TypeBuilder> types, IReadOnlyDictionary<string, string> names)
    {
        foreach (var type in types)
        {
            type.Name = names[type.Name];
            foreach (var property in type.Properties)
                property.Type = Rename(property.Type, names);
            type.Variants = type.Variants.Select(v => names.TryGetValue(v, out var n) ? n : v).Distinct().ToList();
            if (type.BaseType is not null && names.TryGetValue(type.BaseType, out var b))
                type.BaseType = b;
            if (type.ItemType is not null)
                type.ItemType = Rename(type.ItemType, names);
        }
    }

    private static OperationDef Rename(OperationDef operation, IReadOnlyDictionary<string, string> names) => operation with
    {
        RequestBody = operation.RequestBody is null ? null : Rename(operation.RequestBody, names),
        Response = operation.Response is null ? null : Rename(operation.Response, names),
        Parameters = operation.Parameters.Select(p => p with { Type = Rename(p.Type, names) }).ToEquatableArray(),
    };

    private static TypeRef Rename(TypeRef type, IReadOnlyDictionary<string, string> names)
    {
        if (type.Element is not null)
            return type with { Element = Rename(type.Element, names) };
        return type.Kind == TypeRefKind.Named && type.Name is not null && names.TryGetValue(type.Name, out var name) ? type with { Name = name } : type;
    }

    private static EquatableArray<TypeDef> FreezeNamed(List<TypeBuilder> types, List<OperationDef> operations)
    {
        var byName = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var request = new HashSet<string>(StringComparer.Ordinal);
        var response = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            Mark(operation.RequestBody, request, byName);
            foreach (var parameter in operation.Parameters)
                Mark(parameter.Type, request, byName);
            Mark(operation.Response, response, byName);
        }

        // Hoist the properties every variant of a union shares onto the abstract base.
        var common = new Dictionary<string, List<PropertyBuilder>>(StringComparer.Ordinal);
        foreach (var union in types.Where(t => t.Kind == TypeKind.Union))
        {
            var variants = union.Variants.Select(v => byName[v]).ToList();
            var shared = variants[0].Properties
                .Where(p => variants.All(v => v.Properties.Any(q => q.JsonName == p.JsonName && q.Type.Equals(p.Type) && q.Nullable == p.Nullable && q.Required == p.Required)))
                .ToList();
            union.Properties.Clear();
            union.Properties.AddRange(shared);
            common[union.Name] = shared;
        }

        var result = new List<TypeDef>(types.Count);
        foreach (var type in types)
        {
            bool inRequest = request.Contains(type.Name);
            bool inResponse = response.Contains(type.Name);
            if (!inRequest && !inResponse)
                continue;
            var inherited = type.BaseType is not null && common.TryGetValue(type.BaseType, out var list)
                ? new HashSet<string>(list.Select(p => p.JsonName), StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
            var names = new NameScope(GeneratedNames.ReservedModelMembers.Concat(new[] { type.Name }).ToArray());
            var properties = new List<PropertyDef>();

            // Inherited properties first, in the base's order, so a variant reads like its base plus its own.
            var ordered = type.Properties.Where(p => inherited.Contains(p.JsonName))
                .OrderBy(p => common[type.BaseType!].FindIndex(q => q.JsonName == p.JsonName))
                .Concat(type.Properties.Where(p => !inherited.Contains(p.JsonName)));
            foreach (var p in ordered)
            {
                string wanted = Identifiers.Pascal(p.JsonName);
                if (wanted == type.Name)
                    wanted += "Value";
                properties.Add(new PropertyDef
                {
                    JsonName = p.JsonName,
                    Name = names.Claim(wanted),
                    Type = p.Type,
                    Presence = PresenceOf(type, p, inRequest),
                    Nullable = p.Nullable,
                    Summary = p.Summary,
                    DefaultJson = p.DefaultJson,
                    Deprecated = p.Deprecated,
                    Secret = p.Secret,
                    Inherited = inherited.Contains(p.JsonName),
                    Constraints = p.Constraints,
                    // Only on what users build and never read back: a read value keeps exactly the JSON it came with.
                    KindValue = p.JsonName == type.KindProperty && inRequest && !inResponse ? type.KindValue : null,
                });
            }

            var conversions = ConversionsFrom(type.Name, operations, byName, names);
            result.Add(new TypeDef
            {
                Kind = type.Kind,
                Name = type.Name,
                Summary = type.Summary,
                Deprecated = type.Deprecated,
                Pointer = type.Pointer,
                Properties = properties.ToEquatableArray(),
                BaseType = type.BaseType is not null && (request.Contains(type.BaseType) || response.Contains(type.BaseType)) ? type.BaseType : null,
                Variants = type.Variants.ToEquatableArray(),
                Values = type.Values.ToEquatableArray(),
                ItemType = type.ItemType,
                ClosedShape = type.ClosedShape,
                UsedInRequest = inRequest,
                UsedInResponse = inResponse,
                VariantShapes = EquatableArray<TypeDef>.Empty,
                KindProperty = type.KindValue is null ? null : type.KindProperty,
                KindValue = type.KindProperty is null ? null : type.KindValue,
                Conversions = conversions,
            });
        }

        var frozen = result.GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First());
        var withShapes = result
            .Select(t => t.Kind == TypeKind.Union ? t with { VariantShapes = VariantShapes.Of(t, frozen) } : t)
            .ToList();
        var scored = new HashSet<string>(withShapes.SelectMany(t => t.VariantShapes).Select(s => s.Name));
        return withShapes
            .Select(t => scored.Contains(t.Name) ? t with { Scored = true } : t)
            .ToEquatableArray();
    }

    /// <summary>
    /// The replace (PUT) and update (PATCH) bodies an entity converts to: every such operation that answers with the
    /// entity and takes an object body of another type. Names are claimed after the properties', so a property keeps its name.
    /// </summary>
    private static EquatableArray<ConversionDef> ConversionsFrom(string entity, List<OperationDef> operations, Dictionary<string, TypeBuilder> byName, NameScope names)
    {
        var result = new List<ConversionDef>();
        foreach (var operation in operations)
        {
            if (operation.HttpMethod is not ("PUT" or "PATCH") || operation.Response is not { Kind: TypeRefKind.Named } response || response.Name != entity
                || operation.RequestBody is not { Kind: TypeRefKind.Named, Name: { } body } || body == entity || !byName.TryGetValue(body, out var target)
                || target.Kind != TypeKind.Object || byName[entity].Kind != TypeKind.Object || result.Any(c => c.Target == body))
                continue;
            result.Add(new ConversionDef
            {
                MethodName = names.Claim(ConversionNames.For(entity, body)),
                Target = body,
                HttpMethod = operation.HttpMethod,
                PathTemplate = operation.PathTemplate,
            });
        }

        return result.ToEquatableArray();
    }

    /// <summary>Whether a property is always in the JSON: decided here, once, for every emitter.</summary>
    private static Presence PresenceOf(TypeBuilder type, PropertyBuilder p, bool inRequest)
    {
        if (type.Kind == TypeKind.ListEnvelope)
        {
            // A bare array carries none of the envelope's fields, and always has items (maybe none).
            return ReferenceEquals(p, type.Properties[type.Properties.Count - 1]) ? Presence.DefaultEmpty : Presence.Optional;
        }

        // A list the current shape of a merged union requires, in a type that is only received: absent reads as empty.
        if (p.RequiredInPrimary && !p.Required && p.Type.Kind == TypeRefKind.Array && !inRequest)
            return Presence.DefaultEmpty;
        // A variant's kind starts set to its own value: the user never has to say it.
        if (p.JsonName == type.KindProperty && type.KindValue is not null && inRequest)
            return Presence.Optional;

        // Required means what the API requires of a request: what the current shape of merged alternatives needs.
        if (!p.Required && !(p.RequiredInPrimary && inRequest))
            return Presence.Optional;
        return p.Nullable ? Presence.RequiredNullable : Presence.Required;
    }

    /// <summary>Marks a type and everything reachable from it as used in one direction.</summary>
    private static void Mark(TypeRef? type, HashSet<string> seen, Dictionary<string, TypeBuilder> byName)
    {
        if (type is null)
            return;
        if (type.Element is not null)
        {
            Mark(type.Element, seen, byName);
            return;
        }

        if (type.Kind != TypeRefKind.Named || type.Name is null || !seen.Add(type.Name) || !byName.TryGetValue(type.Name, out var builder))
            return;
        foreach (var property in builder.Properties)
            Mark(property.Type, seen, byName);
        foreach (var variant in builder.Variants)
            Mark(TypeRef.NamedType(variant, TypeKind.Object), seen, byName);
        if (builder.BaseType is not null)
            Mark(TypeRef.NamedType(builder.BaseType, TypeKind.Union), seen, byName);
        Mark(builder.ItemType, seen, byName);
    }
}
