using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;
using Microsoft.OpenApi;

namespace GcoreCdnGen.Reading;

/// <summary>
/// Schemas → types. Named component schemas become named types; small shared components (a string, a boolean,
/// an array of strings) are inlined into the properties that use them, with their docs and constraints.
/// </summary>
internal sealed class SchemaReader
{
    private readonly DiagnosticReporter _reporter;
    private readonly CancellationToken _ct;
    private readonly UnionReader _unions;
    private int _lastId;
    private readonly Dictionary<string, TypeBuilder> _componentTypes = new(StringComparer.Ordinal);
    private readonly List<TypeBuilder> _types = new();

    public SchemaReader(SpecOptions options, DiagnosticReporter reporter, CancellationToken ct)
    {
        _reporter = reporter;
        _ct = ct;
        _unions = new UnionReader(this, reporter);
    }

    /// <summary>Every type read so far, in the order it was first met.</summary>
    internal List<TypeBuilder> Types => _types;

    /// <summary>The type each component schema became, by component id.</summary>
    internal Dictionary<string, TypeBuilder> ComponentTypes => _componentTypes;

    internal TypeRef MapSchema(IOpenApiSchema? schema, string nameHint, string pointer, SiteFacts? facts = null)
    {
        _ct.ThrowIfCancellationRequested();
        if (schema is null)
            return TypeRef.Json;
        if (_depth >= MaxDepth)
        {
            _reporter.Report(SpecDiagnosticKind.UnsupportedConstruct, pointer,
                "schemas nest deeper than " + MaxDepth + " levels here; the value is kept as raw JSON");
            return TypeRef.Json;
        }

        _depth++;
        try
        {
            return MapSchemaCore(schema, nameHint, pointer, facts);
        }
        finally
        {
            _depth--;
        }
    }

    private TypeRef MapSchemaCore(IOpenApiSchema schema, string nameHint, string pointer, SiteFacts? facts)
    {

        if (schema is OpenApiSchemaReference reference)
        {
            if (Target(reference, pointer) is not { } target)
                return TypeRef.Json;
            string id = reference.Reference.Id!;
            if (facts is not null)
                CollectFacts(target, facts, overwrite: false);
            if (IsTrivial(target))
                return MapSchema(target, nameHint, JsonPointers.ComponentPointer(id), facts);
            return DefineComponent(id, target, pointer);
        }

        if (facts is not null)
            CollectFacts(schema, facts, overwrite: false);

        if (schema.IsUnion())
            return _unions.MapUnion(schema, null, Identifiers.Pascal(schema.Title ?? "") is { Length: > 0 } t && t != "Value" ? t : nameHint, pointer, facts);

        if (schema.AllOf is { Count: > 0 } || schema.HasProperties())
        {
            var builder = NewType(TypeKind.Object, InlineName(schema, nameHint), pointer);
            FillObject(builder, schema, pointer);
            return builder.Ref;
        }

        var type = schema.NonNullType();
        if (schema.Type is { } flags && (flags & JsonSchemaType.Null) != 0 && facts is not null)
            facts.Nullable = true;

        switch (type)
        {
            case JsonSchemaType.Array:
                var items = MapSchema(schema.Items, nameHint + "Item", pointer + "/items");
                return TypeRef.ArrayOf(items);
            case JsonSchemaType.Object:
                if (schema.AdditionalProperties is { } additional)
                    return TypeRef.MapOf(MapSchema(additional, nameHint + "Value", pointer + "/additionalProperties"));
                return TypeRef.Json;
            case JsonSchemaType.String:
                if (schema.Enum is { Count: > 0 })
                {
                    var enumBuilder = NewType(TypeKind.Enum, InlineName(schema, nameHint), pointer);
                    FillEnum(enumBuilder, schema);
                    return enumBuilder.Ref;
                }

                return schema.Format switch
                {
                    "date-time" => TypeRef.DateTimeOffset,
                    "uuid" => TypeRef.Guid,
                    _ => TypeRef.String,
                };
            case JsonSchemaType.Integer:
                return schema.Format == "int32" ? TypeRef.Int32 : TypeRef.Int64;
            case JsonSchemaType.Number:
                return TypeRef.Double;
            case JsonSchemaType.Boolean:
                return TypeRef.Boolean;
            case null:
                if (schema.Enum is { Count: > 0 } && schema.Enum.All(e => e is JsonValue v && v.TryGetValue<string>(out _)))
                {
                    var enumBuilder = NewType(TypeKind.Enum, InlineName(schema, nameHint), pointer);
                    FillEnum(enumBuilder, schema);
                    return enumBuilder.Ref;
                }

                return TypeRef.Json;
            default:
                _reporter.Report(SpecDiagnosticKind.UnsupportedConstruct, pointer + "/type",
                    "a schema of several types (" + type + ") is not one C# type; the value is kept as raw JSON");
                return TypeRef.Json;
        }
    }

    /// <summary>Looks at the components as a whole before any is read: rings of <c>$ref</c> aliases are found here.</summary>
    internal void Prepare(OpenApiDocument document)
    {
        if (document.Components?.Schemas is { } schemas)
            FindAliasRings(schemas);
    }

    /// <summary>Components that are only a <c>$ref</c> and lead back to themselves (A → B → A), or into such a ring.</summary>
    private readonly HashSet<string> _aliasRings = new(StringComparer.Ordinal);

    /// <summary>
    /// Finds rings of <c>$ref</c> aliases by id alone: Microsoft.OpenApi throws on any use of such a schema. Each ring
    /// is reported once, at the <c>$ref</c> of its first member in document order; every use of it is raw JSON.
    /// </summary>
    private void FindAliasRings(IDictionary<string, IOpenApiSchema> schemas)
    {
        foreach (var start in schemas.Keys)
        {
            var chain = new List<string>();
            string? id = start;
            while (id is not null && !_aliasRings.Contains(id) && schemas.TryGetValue(id, out var schema) && schema is OpenApiSchemaReference alias)
            {
                int ring = chain.IndexOf(id);
                if (ring >= 0)
                {
                    var members = chain.Skip(ring).Append(id);
                    _reporter.Report(SpecDiagnosticKind.UnsupportedConstruct, JsonPointers.ComponentPointer(id) + "/$ref",
                        "the $ref aliases " + string.Join(" -> ", members) + " form a cycle and name no schema; every use of them is kept as raw JSON");
                    break;
                }

                chain.Add(id);
                id = alias.Reference?.Id;
            }

            if (id is not null && (_aliasRings.Contains(id) || chain.Contains(id)))
                _aliasRings.UnionWith(chain);
        }
    }

    /// <summary>
    /// The schema a reference points at, or null where it points at nothing (reported here) or into a ring of
    /// aliases (reported once where the ring is).
    /// </summary>
    internal IOpenApiSchema? Target(OpenApiSchemaReference reference, string pointer, bool quiet = false)
    {
        string? id = reference.Reference?.Id;
        if (id is not null && _aliasRings.Contains(id))
            return null;
        var target = reference.TargetOrNull();
        if ((id is null || target is null) && !quiet)
        {
            _reporter.Report(SpecDiagnosticKind.DanglingReference, pointer + "/$ref",
                "'" + (reference.Reference?.ReferenceV3 ?? id ?? "?") + "' is not a schema of the document; the value is kept as raw JSON");
        }

        return id is null ? null : target;
    }

    /// <summary>A component that is only a primitive, or an array of primitives, is inlined rather than named.</summary>
    internal static bool IsTrivial(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference)
            return false;
        if (schema.IsUnion() || schema.AllOf is { Count: > 0 } || schema.HasProperties())
            return false;
        if (schema.Enum is { Count: > 0 })
            return false;
        var type = schema.NonNullType();
        if (type == JsonSchemaType.Array)
            return schema.Items is null || (schema.Items is not OpenApiSchemaReference && IsTrivial(schema.Items));
        if (type == JsonSchemaType.Object)
            return schema.AdditionalProperties is null;
        return true;
    }

    /// <summary>The type of a component, read the first time it is used (at <paramref name="usePointer"/>).</summary>
    internal TypeRef DefineComponent(string id, IOpenApiSchema target, string usePointer)
    {
        if (_componentTypes.TryGetValue(id, out var existing))
            return existing.Ref;
        if (_rawComponents.Contains(id))
            return TypeRef.Json;
        if (!_inProgress.Add(id))
        {
            // A component that refers to itself before it became a type (through an array or a union of
            // non-objects): there is no C# type to point at yet, so this use stays raw JSON.
            if (_reportedCycles.Add(id))
            {
                _reporter.Report(SpecDiagnosticKind.RecursiveValue, usePointer + "/$ref",
                    "'" + id + "' reaches itself through arrays, maps or unions before any object holds it; this use is kept as raw JSON");
            }

            return TypeRef.Json;
        }

        TypeRef mapped;
        try
        {
            mapped = DefineComponentCore(id, target);
        }
        finally
        {
            _inProgress.Remove(id);
        }

        if (mapped.Kind == TypeRefKind.Json)
            _rawComponents.Add(id);
        return mapped;
    }

    private readonly HashSet<string> _rawComponents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reportedCycles = new(StringComparer.Ordinal);
    private int _depth;
    private const int MaxDepth = 64;

    private TypeRef DefineComponentCore(string id, IOpenApiSchema target)
    {
        string name = Identifiers.Pascal(id); // for messages only: the type's name comes from where the API uses it

        string pointer = JsonPointers.ComponentPointer(id);
        if (target.IsUnion())
            return _unions.MapUnion(target, id, name, pointer, null);

        var type = target.NonNullType();
        if (target.Enum is { Count: > 0 } && (type == JsonSchemaType.String || type is null))
        {
            var enumBuilder = NewComponentType(id, TypeKind.Enum, name, pointer);
            FillEnum(enumBuilder, target);
            return enumBuilder.Ref;
        }

        if (target.AllOf is { Count: > 0 } || target.HasProperties() || type == JsonSchemaType.Object)
        {
            if (!target.HasProperties() && target.AllOf is not { Count: > 0 } && target.AdditionalProperties is { } additional)
                return TypeRef.MapOf(MapSchema(additional, name + "Value", pointer + "/additionalProperties"));
            var builder = NewComponentType(id, TypeKind.Object, name, pointer);
            FillObject(builder, target, pointer);
            return builder.Ref;
        }

        // An array of objects or another shape that is not a type of its own: map it where it is used.
        return MapSchema(target, name, pointer);
    }

    internal TypeBuilder NewComponentType(string id, TypeKind kind, string hint, string pointer)
    {
        var builder = NewBuilder(kind, hint, pointer);
        _componentTypes[id] = builder;
        _types.Add(builder);
        return builder;
    }

    internal TypeBuilder NewType(TypeKind kind, string hint, string pointer)
    {
        var builder = NewBuilder(kind, hint, pointer);
        _types.Add(builder);
        return builder;
    }

    /// <summary>
    /// A type with a provisional id for a name: the naming layer names it once every use is known
    /// (<see cref="Naming.TypeNamer"/>), from where the API uses it rather than from the document's wording.
    /// </summary>
    private TypeBuilder NewBuilder(TypeKind kind, string hint, string pointer) =>
        new(kind, TypeBuilder.ProvisionalPrefix + (++_lastId).ToString(CultureInfo.InvariantCulture), pointer) { Hint = hint };

    private static string InlineName(IOpenApiSchema schema, string nameHint)
    {
        string fromTitle = Identifiers.Pascal(schema.Title ?? "");
        return schema.Title is { Length: > 0 } && fromTitle != "Value" ? fromTitle : nameHint;
    }

    private void FillEnum(TypeBuilder builder, IOpenApiSchema schema)
    {
        builder.Summary = SpecText.Describe(schema);
        builder.Deprecated = schema.Deprecated ? SpecText.DeprecationMessage(schema) : null;
        var members = new NameScope(GeneratedNames.ReservedEnumMembers);
        foreach (var node in schema.Enum!)
        {
            if (node is JsonValue value && value.TryGetValue<string>(out var text))
                builder.Values.Add(new EnumValueDef { Value = text, MemberName = members.Claim(Identifiers.Pascal(text)), Summary = null });
        }
    }

    /// <summary>Fills an object type from its properties and the parts of its allOf (later parts win).</summary>
    internal void FillObject(TypeBuilder builder, IOpenApiSchema schema, string pointer) =>
        FillObject(builder, schema, pointer, new List<string>(), new HashSet<string>(StringComparer.Ordinal));

    /// <summary>
    /// <paramref name="open"/>: the allOf parts being merged, outermost first (one met again closes a cycle);
    /// <paramref name="merged"/>: every part merged so far (one met again adds nothing), so the work stays linear.
    /// </summary>
    private void FillObject(TypeBuilder builder, IOpenApiSchema schema, string pointer, List<string> open, HashSet<string> merged)
    {
        builder.Summary ??= SpecText.Describe(schema);
        if (schema.Deprecated)
            builder.Deprecated ??= SpecText.DeprecationMessage(schema);
        if (!schema.AdditionalPropertiesAllowed)
            builder.ClosedShape = true;

        open.Add(pointer);
        merged.Add(pointer);
        if (schema.AllOf is { Count: > 0 })
        {
            int index = 0;
            foreach (var part in schema.AllOf)
            {
                string partPointer = pointer + "/allOf/" + index.ToString(CultureInfo.InvariantCulture);
                index++;
                if (Resolve(part, partPointer) is not { } resolved)
                    continue;
                if (open.Contains(resolved.Pointer))
                {
                    _reporter.Report(SpecDiagnosticKind.UnsupportedConstruct, partPointer + "/$ref",
                        "allOf forms a cycle (" + string.Join(" -> ", open.Skip(open.IndexOf(resolved.Pointer)).Append(resolved.Pointer).Select(JsonPointers.Name)) +
                        "): a schema cannot contain itself; this part is skipped");
                    continue;
                }

                if (merged.Contains(resolved.Pointer))
                    continue;
                if (open.Count >= MaxDepth)
                {
                    _reporter.Report(SpecDiagnosticKind.UnsupportedConstruct, partPointer,
                        "allOf nests deeper than " + MaxDepth + " levels here; this part is skipped");
                    continue;
                }

                FillObject(builder, resolved.Schema, resolved.Pointer, open, merged);
            }
        }

        open.RemoveAt(open.Count - 1);

        var required = schema.Required ?? new HashSet<string>();
        foreach (var pair in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var property = ReadProperty(builder.Name, pair.Key, pair.Value, pointer + "/properties/" + JsonPointers.Escape(pair.Key));
            property.Required = required.Contains(pair.Key);
            int existing = builder.Properties.FindIndex(p => p.JsonName == pair.Key);
            if (existing >= 0)
            {
                property.Required |= builder.Properties[existing].Required;
                builder.Properties[existing] = property;
            }
            else
            {
                builder.Properties.Add(property);
            }
        }

        // Required names for properties an allOf part declared (`allOf: [Base]` with `required` beside it declares none itself).
        foreach (var property in builder.Properties)
            property.Required |= required.Contains(property.JsonName);
    }

    private PropertyBuilder ReadProperty(string owner, string jsonName, IOpenApiSchema schema, string pointer)
    {
        var facts = new SiteFacts();
        var type = MapSchema(schema, owner + Identifiers.Pascal(jsonName), pointer, facts);
        return new PropertyBuilder(jsonName, type)
        {
            Nullable = facts.Nullable,
            Summary = facts.Summary,
            DefaultJson = facts.DefaultJson,
            Deprecated = facts.Deprecated,
            Secret = facts.Secret || LooksSecret(jsonName),
            Constraints = facts.Constraints,
        };
    }

    /// <summary>A schema with its pointer, through a reference; null (reported unless quiet) where a reference leads nowhere.</summary>
    internal (IOpenApiSchema Schema, string Pointer)? Resolve(IOpenApiSchema schema, string pointer, bool quiet = false)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            if (Target(reference, pointer, quiet) is not { } target)
                return null;
            return (target, JsonPointers.ComponentPointer(reference.Reference.Id!));
        }

        return (schema, pointer);
    }

    /// <summary>Gathers what a schema says about the property that holds it. The nearest site wins.</summary>
    private static void CollectFacts(IOpenApiSchema schema, SiteFacts facts, bool overwrite)
    {
        if (schema.Type is { } flags && (flags & JsonSchemaType.Null) != 0)
            facts.Nullable = true;
        if (schema.UnrecognizedKeywords is { } unknown && unknown.TryGetValue("nullable", out var nullable) &&
            nullable is JsonValue nv && nv.TryGetValue<bool>(out bool isNullable) && isNullable)
            facts.Nullable = true;
        if (schema.Extensions is { } extensions && extensions.ContainsKey("x-nullable"))
            facts.Nullable = true;
        if (overwrite || facts.Summary is null)
            facts.Summary = SpecText.Describe(schema) ?? facts.Summary;
        if (schema.Default is { } def && (overwrite || facts.DefaultJson is null))
            facts.DefaultJson = def.ToJsonString();
        if (schema.Deprecated && facts.Deprecated is null)
            facts.Deprecated = SpecText.DeprecationMessage(schema);
        if (schema.WriteOnly || schema.Format == "password")
            facts.Secret = true;

        var allowed = schema.Enum is { Count: > 0 } && schema.NonNullType() != JsonSchemaType.String && schema.NonNullType() is not null
            ? schema.Enum.Select(e => e?.ToJsonString() ?? "null").ToEquatableArray()
            : EquatableArray<string>.Empty;
        if (schema.MaxLength is not null || schema.MinLength is not null || schema.Pattern is not null ||
            schema.Minimum is not null || schema.Maximum is not null || allowed.Count > 0)
        {
            facts.Constraints ??= new Constraints
            {
                MinLength = schema.MinLength,
                MaxLength = schema.MaxLength,
                Pattern = schema.Pattern,
                Minimum = schema.Minimum,
                Maximum = schema.Maximum,
                AllowedValues = allowed,
            };
        }
    }

    private static bool LooksSecret(string jsonName)
    {
        string lower = jsonName.ToLowerInvariant();
        return lower.Contains("secret") || lower.Contains("password") || lower.Contains("token") || lower.Contains("access_key") ||
            lower.Contains("private_key");
    }
}
