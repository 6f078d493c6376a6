using System;
using System.Collections.Generic;
using System.Linq;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;

namespace GcoreCdnGen.Reading
{
    /// <summary>
    /// The last step: decide what every property looks like in C# once all types and their uses are known.
    /// </summary>
    internal static class TypeFreezer
    {
        internal static EquatableArray<TypeDef> Freeze(List<TypeBuilder> types, List<OperationDef> operations)
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
                    });
                }

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
                });
            }

            var frozen = result.GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First());
            return result
                .Select(t => t.Kind == TypeKind.Union ? t with { VariantShapes = VariantShapes.Of(t, frozen) } : t)
                .ToEquatableArray();
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
            if (!p.Required)
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
}
