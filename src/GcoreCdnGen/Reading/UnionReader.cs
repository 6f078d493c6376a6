using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;
using Microsoft.OpenApi;

namespace GcoreCdnGen.Reading;

/// <summary>
/// oneOf / anyOf without a discriminator, read by shape. Three patterns:
/// - a bare array or a paginated envelope of the same items: one list type that reads both;
/// - alternative shapes of one thing (they share a required property, or one requires nothing): one merged record
///   the user builds without pattern matching, whatever the document marks deprecated;
/// - objects of different kinds: an abstract record with one derived record per variant, each sending its kind.
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
            // One rule, whatever the document marks deprecated: shapes that share a required property (or a shape
            // that requires nothing) are alternative shapes of one thing, merged into one record the user builds
            // without pattern matching; otherwise each variant is a kind of its own.
            var required = variants.Select(v => RequiredOf(v.Schema, v.Pointer)).ToList();
            bool sharesRequired = required[0].Any(r => required.All(set => set.Contains(r)));
            if (sharesRequired || required.Any(set => set.Count == 0))
                return MergeVariants(schema, componentId, name, pointer, variants, Primary(variants, required));
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

        // The envelope's list of the same items, by shape: a $ref and an inline copy of it are the same items.
        var envelopeProperties = CollectProperties(envelope.Schema, envelope.Pointer);
        string? resultsName = envelopeProperties
            .Where(p => p.Value.NonNullType() == JsonSchemaType.Array && p.Value.Items is not null &&
                SchemaShape.Resolve(array.Schema.Items) is { } items && HasObjectShape(items) &&
                SchemaShape.Same(p.Value.Items, array.Schema.Items))
            .Select(p => p.Key)
            .OrderBy(k => k, StringComparer.Ordinal)
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
    private Dictionary<string, IOpenApiSchema> CollectProperties(IOpenApiSchema schema, string pointer)
    {
        var result = new Dictionary<string, IOpenApiSchema>();
        WalkAllOf(schema, pointer, s =>
        {
            if (s.Properties is not null)
                foreach (var pair in s.Properties)
                    result[pair.Key] = pair.Value;
        });
        return result;
    }

    /// <summary>Every property name a schema requires, through its allOf parts.</summary>
    private HashSet<string> RequiredOf(IOpenApiSchema schema, string pointer)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        WalkAllOf(schema, pointer, s =>
        {
            if (s.Required is not null)
                result.UnionWith(s.Required);
        });
        return result;
    }

    /// <summary>Visits a schema and its allOf parts, parts first, each once, resolving references and bounded in depth.</summary>
    private void WalkAllOf(IOpenApiSchema schema, string pointer, Action<IOpenApiSchema> visit)
    {
        var seen = new HashSet<IOpenApiSchema>();
        void Walk(IOpenApiSchema s, string at, int depth)
        {
            if (depth > 32)
                return;
            if (_schemas.Resolve(s, at, quiet: true) is not { } resolved || !seen.Add(resolved.Schema))
                return;
            s = resolved.Schema;

            if (s.AllOf is not null)
            {
                for (int i = 0; i < s.AllOf.Count; i++)
                    Walk(s.AllOf[i], resolved.Pointer + "/allOf/" + i.ToString(CultureInfo.InvariantCulture), depth + 1);
            }
            visit(s);
        }

        Walk(schema, pointer, 0);
    }

    private static bool HasObjectShape(IOpenApiSchema schema) =>
        schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 } || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 };

    /// <summary>
    /// The current shape of merged alternatives, read from the wire contract alone: a property every shape has, that
    /// some shapes require (to select themselves, as the legacy <c>auth_type: awsSignatureV4</c>) and exactly one
    /// shape does not, makes that one the shape a request gets by default. Null when the shapes do not say.
    /// </summary>
    private Variant? Primary(List<Variant> variants, List<HashSet<string>> required)
    {
        var shared = variants.Select(v => new HashSet<string>(CollectProperties(v.Schema, v.Pointer).Keys, StringComparer.Ordinal))
            .Aggregate((a, b) => { a.IntersectWith(b); return a; });
        var selectors = shared.Where(p => required.Any(set => set.Contains(p)) && !required.All(set => set.Contains(p))).ToList();
        if (selectors.Count == 0)
            return null;
        var defaults = Enumerable.Range(0, variants.Count).Where(i => selectors.All(s => !required[i].Contains(s))).ToList();
        // A default shape that requires nothing (a PATCH's legacy shape) says nothing about what the API requires.
        return defaults.Count == 1 && required[defaults[0]].Count > 0 ? variants[defaults[0]] : null;
    }

    private TypeRef MergeVariants(IOpenApiSchema schema, string? componentId, string name, string pointer, List<Variant> variants, Variant? primary)
    {
        var builder = NewType(componentId, TypeKind.Object, name, pointer);
        builder.Summary = SpecText.Describe(schema) ?? (primary is { } p ? SpecText.Describe(p.Schema) : null);

        // The current shape first, then what only the other shapes add.
        var ordered = new List<Variant>();
        if (primary is { } current)
            ordered.Add(current);
        ordered.AddRange(variants.Where(v => primary is not { } c || !ReferenceEquals(v.Schema, c.Schema)));
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
                    // What only deprecated shapes have is deprecated with them (docs only: the shape stays the same).
                    if (variant.Schema.Deprecated && property.Deprecated is null &&
                        variants.All(v => v.Schema.Deprecated || !CollectProperties(v.Schema, v.Pointer).ContainsKey(property.JsonName)))
                        property.Deprecated = SpecText.DeprecationMessage(variant.Schema);
                    property.RequiredInPrimary = property.Required && primary is { } c && ReferenceEquals(variant.Schema, c.Schema);
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
                var mapped = _schemas.DefineComponent(id, variant.Schema, variant.Pointer);
                if (mapped.Kind == TypeRefKind.Named)
                    builder = _schemas.ComponentTypes.TryGetValue(id, out var b) ? b : null;
            }
            else
            {
                builder = _schemas.NewType(TypeKind.Object, name + "Variant" + (i + 1).ToString(CultureInfo.InvariantCulture), variant.Pointer);
                _schemas.FillObject(builder, variant.Schema, variant.Pointer);
            }

            if (builder is not null && builder.Kind == TypeKind.Object && builder.BaseType is not null && builder.BaseType != union.Name)
            {
                // A variant already derives from another union: this union gets its own copy of it.
                var copy = _schemas.NewType(TypeKind.Object, union.Hint + builder.Hint, builder.Pointer);
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
