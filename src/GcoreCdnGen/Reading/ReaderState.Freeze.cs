using System;
using System.Collections.Generic;
using System.Linq;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;

namespace GcoreCdnGen.Reading
{
    // The last step: decide what every property looks like in C# once all types and their uses are known.
    internal sealed partial class ReaderState
    {
        private EquatableArray<TypeDef> Freeze(List<OperationDef> operations)
        {
            var byName = _types.ToDictionary(t => t.Name, StringComparer.Ordinal);
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
            foreach (var union in _types.Where(t => t.Kind == TypeKind.Union))
            {
                var variants = union.Variants.Select(v => byName[v]).ToList();
                var shared = variants[0].Properties
                    .Where(p => variants.All(v => v.Properties.Any(q => q.JsonName == p.JsonName && q.Type.Equals(p.Type) && q.Nullable == p.Nullable && q.Required == p.Required)))
                    .ToList();
                union.Properties.Clear();
                union.Properties.AddRange(shared);
                common[union.Name] = shared;
            }

            var result = new List<TypeDef>(_types.Count);
            foreach (var type in _types)
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
                    bool defaultEmpty = p.RequiredInPrimary && !p.Required && p.Type.Kind == TypeRefKind.Array && !inRequest;
                    bool required = p.Required;
                    if (type.Kind == TypeKind.ListEnvelope)
                    {
                        // A bare array carries none of the envelope's fields, and always has items (maybe none).
                        bool isResults = ReferenceEquals(p, type.Properties[type.Properties.Count - 1]);
                        required = false;
                        defaultEmpty = isResults;
                    }

                    properties.Add(new PropertyDef(
                        p.JsonName,
                        names.Claim(wanted),
                        p.Type,
                        required,
                        p.Nullable,
                        defaultEmpty,
                        p.Summary,
                        p.DefaultJson,
                        p.Deprecated,
                        p.Secret,
                        inherited.Contains(p.JsonName),
                        p.Constraints));
                }

                result.Add(new TypeDef(
                    type.Kind,
                    type.Name,
                    type.Summary,
                    type.Deprecated,
                    type.Pointer,
                    properties.ToEquatableArray(),
                    type.BaseType is not null && (request.Contains(type.BaseType) || response.Contains(type.BaseType)) ? type.BaseType : null,
                    type.Variants.ToEquatableArray(),
                    type.Values.ToEquatableArray(),
                    type.ItemType,
                    type.ClosedShape,
                    inRequest,
                    inResponse));
            }

            return result.ToEquatableArray();
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
