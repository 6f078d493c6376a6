using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;
using Microsoft.OpenApi;

namespace GcoreCdnGen.Reading
{
    /// <summary>
    /// oneOf / anyOf without a discriminator, read by shape. Three patterns:
    /// - a bare array or a paginated envelope of the same items: one list type that reads both;
    /// - one current object shape plus deprecated legacy shapes: one merged record (the user never pattern-matches);
    /// - objects of different kinds: an abstract record with one derived record per variant.
    /// </summary>
    internal sealed class UnionReader
    {
        private readonly SchemaReader _schemas;
        private readonly DiagnosticReporter _reporter;

        public UnionReader(SchemaReader schemas, DiagnosticReporter reporter)
        {
            _schemas = schemas;
            _reporter = reporter;
        }

        private readonly struct Variant
        {
            public Variant(IOpenApiSchema schema, string pointer, string? componentId)
            {
                Schema = schema;
                Pointer = pointer;
                ComponentId = componentId;
            }

            public IOpenApiSchema Schema { get; }

            public string Pointer { get; }

            public string? ComponentId { get; }

            public bool IsObject => Schema.AllOf is { Count: > 0 } || Schema.Properties is { Count: > 0 } ||
                (Schema.NonNullType() == JsonSchemaType.Object && Schema.AdditionalProperties is null);

            public bool IsNull => Schema.Type is { } t && t == JsonSchemaType.Null;
        }

        internal TypeRef MapUnion(IOpenApiSchema schema, string? componentId, string name, string pointer, SiteFacts? facts)
        {
            string keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
            var raw = schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf!;
            var variants = new List<Variant>();
            for (int i = 0; i < raw.Count; i++)
            {
                string variantPointer = pointer + "/" + keyword + "/" + i.ToString(CultureInfo.InvariantCulture);
                string? id = (raw[i] as OpenApiSchemaReference)?.Reference?.Id;
                var resolved = _schemas.Resolve(raw[i], variantPointer);
                if (resolved is null)
                    return TypeRef.Json;
                variants.Add(new Variant(resolved.Value.Schema, resolved.Value.Pointer, id));
            }

            // `oneOf: [X, {type: null}]`: a nullable X.
            if (variants.Count(v => v.IsNull) > 0 && variants.Count(v => !v.IsNull) == 1)
            {
                if (facts is not null)
                    facts.Nullable = true;
                var only = raw[variants.FindIndex(v => !v.IsNull)];
                return _schemas.MapSchema(only, name, variants.First(v => !v.IsNull).Pointer, facts);
            }

            if (variants.Count == 1)
                return _schemas.MapSchema(raw[0], name, variants[0].Pointer, facts);

            if (TryListEnvelope(schema, componentId, name, pointer, variants) is { } list)
                return list;

            if (variants.All(v => v.IsObject))
            {
                int current = variants.Count(v => !v.Schema.Deprecated);
                if (current == 1)
                    return MergeVariants(schema, componentId, name, pointer, variants);
                return DefineUnion(schema, componentId, name, pointer, variants);
            }

            // Variants that are all the same primitive (a string in two formats, say) map to that primitive.
            var mapped = variants.Select((v, i) => _schemas.MapSchema(raw[i], name + "Variant" + (i + 1).ToString(CultureInfo.InvariantCulture), v.Pointer)).ToList();
            if (mapped.All(m => m.Equals(mapped[0])) && mapped[0].Kind != TypeRefKind.Named)
                return mapped[0];

            // Variants of different JSON kinds (an array or a map, a number or a string): the value is exposed as a
            // JsonElement, which holds any of them; the property's docs keep the spec's description.
            return TypeRef.Json;
        }

        private TypeRef? TryListEnvelope(IOpenApiSchema schema, string? componentId, string name, string pointer, List<Variant> variants)
        {
            if (variants.Count != 2)
                return null;
            int arrayIndex = variants.FindIndex(v => v.Schema.NonNullType() == JsonSchemaType.Array);
            if (arrayIndex < 0)
                return null;
            var array = variants[arrayIndex];
            var envelope = variants[1 - arrayIndex];
            if (!envelope.IsObject || array.Schema.Items is null)
                return null;

            string? itemId = (array.Schema.Items as OpenApiSchemaReference)?.Reference?.Id;
            var envelopeProperties = CollectProperties(envelope.Schema);
            string? resultsName = envelopeProperties
                .Where(p => p.Value.NonNullType() == JsonSchemaType.Array && p.Value.Items is OpenApiSchemaReference r && r.Reference?.Id == itemId && itemId is not null)
                .Select(p => p.Key)
                .LastOrDefault();
            if (resultsName is null)
                return null;

            var builder = NewType(componentId, TypeKind.ListEnvelope, name, pointer);
            builder.Summary = SpecText.Describe(schema) ?? SpecText.Describe(envelope.Schema);
            builder.ItemType = _schemas.MapSchema(array.Schema.Items, name + "Item", array.Pointer + "/items");
            _schemas.FillObject(builder, envelope.Schema, envelope.Pointer);
            var results = builder.Properties.First(p => p.JsonName == resultsName);
            results.Type = TypeRef.ArrayOf(builder.ItemType);
            builder.Properties.Remove(results);
            builder.Properties.Add(results);
            return builder.Ref;
        }

        /// <summary>The type a union schema becomes: a component's keeps the name claimed for it, an inline one claims its own.</summary>
        private TypeBuilder NewType(string? componentId, TypeKind kind, string name, string pointer) =>
            componentId is null ? _schemas.NewType(kind, name, pointer) : _schemas.NewComponentType(componentId, kind, name, pointer);

        /// <summary>Every property an object schema declares, through its allOf parts (later wins).</summary>
        private static Dictionary<string, IOpenApiSchema> CollectProperties(IOpenApiSchema schema)
        {
            var result = new Dictionary<string, IOpenApiSchema>();
            void Walk(IOpenApiSchema s, int depth)
            {
                if (depth > 32)
                    return;
                if (s is OpenApiSchemaReference r)
                {
                    var target = r.TargetOrNull();
                    if (target is null)
                        return;
                    s = target;
                }

                if (s.AllOf is not null)
                    foreach (var part in s.AllOf)
                        Walk(part, depth + 1);
                if (s.Properties is not null)
                    foreach (var pair in s.Properties)
                        result[pair.Key] = pair.Value;
            }

            Walk(schema, 0);
            return result;
        }

        private TypeRef MergeVariants(IOpenApiSchema schema, string? componentId, string name, string pointer, List<Variant> variants)
        {
            var builder = NewType(componentId, TypeKind.Object, name, pointer);
            var primary = variants.First(v => !v.Schema.Deprecated);
            builder.Summary = SpecText.Describe(schema) ?? SpecText.Describe(primary.Schema);

            // The current shape first, then what only the legacy shapes add.
            var ordered = new List<Variant> { primary };
            ordered.AddRange(variants.Where(v => v.Schema.Deprecated));
            var requiredCounts = new Dictionary<string, int>();
            foreach (var variant in ordered)
            {
                var part = new TypeBuilder(TypeKind.Object, name, variant.Pointer);
                _schemas.FillObject(part, variant.Schema, variant.Pointer);
                foreach (var property in part.Properties)
                {
                    if (property.Required)
                        requiredCounts[property.JsonName] = requiredCounts.TryGetValue(property.JsonName, out int n) ? n + 1 : 1;
                    var existing = builder.Properties.FirstOrDefault(p => p.JsonName == property.JsonName);
                    if (existing is null)
                    {
                        if (variant.Schema.Deprecated && property.Deprecated is null)
                            property.Deprecated = SpecText.DeprecationMessage(variant.Schema);
                        property.RequiredInPrimary = property.Required && ReferenceEquals(variant.Schema, primary.Schema);
                        builder.Properties.Add(property);
                    }
                    else if (!existing.Type.Equals(property.Type))
                    {
                        // Two shapes disagree on the type: keep the value whole rather than guess.
                        existing.Type = TypeRef.Json;
                    }
                }
            }

            foreach (var property in builder.Properties)
                property.Required = requiredCounts.TryGetValue(property.JsonName, out int n) && n == variants.Count;
            return builder.Ref;
        }

        private TypeRef DefineUnion(IOpenApiSchema schema, string? componentId, string name, string pointer, List<Variant> variants)
        {
            var union = NewType(componentId, TypeKind.Union, name, pointer);
            union.Summary = SpecText.Describe(schema);
            if (schema.Deprecated)
                union.Deprecated = SpecText.DeprecationMessage(schema);

            for (int i = 0; i < variants.Count; i++)
            {
                var variant = variants[i];
                TypeBuilder? builder = null;
                if (variant.ComponentId is { } id)
                {
                    var mapped = _schemas.DefineComponent(id, variant.Schema);
                    if (mapped.Kind == TypeRefKind.Named)
                        builder = _schemas.ComponentTypes.TryGetValue(id, out var b) ? b : null;
                }
                else
                {
                    string wanted = Identifiers.Pascal(variant.Schema.Title ?? "") is { Length: > 0 } t && t != "Value" && variant.Schema.Title is { Length: > 0 }
                        ? t
                        : name + "Variant" + (i + 1).ToString(CultureInfo.InvariantCulture);
                    builder = _schemas.NewType(TypeKind.Object, wanted, variant.Pointer);
                    _schemas.FillObject(builder, variant.Schema, variant.Pointer);
                }

                if (builder is not null && builder.Kind == TypeKind.Object && builder.BaseType is not null && builder.BaseType != union.Name)
                {
                    // A variant already derives from another union: this union gets its own copy of it.
                    var copy = _schemas.NewType(TypeKind.Object, union.Name + builder.Name, builder.Pointer);
                    copy.Summary = builder.Summary;
                    copy.Deprecated = builder.Deprecated;
                    copy.ClosedShape = builder.ClosedShape;
                    copy.Properties.AddRange(builder.Properties);
                    builder = copy;
                }

                if (builder is null || builder.Kind != TypeKind.Object)
                {
                    _schemas.Types.Remove(union);
                    if (componentId is not null)
                        _schemas.ComponentTypes.Remove(componentId);
                    _reporter.Report(SpecDiagnosticKind.UnsupportedConstruct, variant.Pointer,
                        "the union '" + name + "' has a variant that is not an object; '" + name + "' is kept as raw JSON");
                    return TypeRef.Json;
                }

                builder.BaseType = union.Name;
                union.Variants.Add(builder.Name);
            }

            return union.Ref;
        }
    }
}
