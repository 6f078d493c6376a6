using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;
using Microsoft.OpenApi;

namespace GcoreCdnGen.Reading
{
    // Schemas → types. Named component schemas become named types; small shared components (a string, a boolean,
    // an array of strings) are inlined into the properties that use them, with their docs and constraints.
    internal sealed partial class ReaderState
    {
        /// <summary>The facts of one schema site that belong to a property rather than to a type.</summary>
        private sealed class SiteFacts
        {
            public bool Nullable;
            public string? Summary;
            public string? DefaultJson;
            public string? Deprecated;
            public bool Secret;
            public Constraints? Constraints;
        }

        private TypeRef MapSchema(IOpenApiSchema? schema, string nameHint, string pointer, SiteFacts? facts = null)
        {
            _ct.ThrowIfCancellationRequested();
            if (schema is null)
                return TypeRef.Json;
            if (_depth >= MaxDepth)
            {
                Report(SpecDiagnosticKind.UnsupportedConstruct, pointer,
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
                string? id = reference.Reference?.Id;
                IOpenApiSchema? target = null;
                try
                {
                    target = reference.Target;
                }
                catch (Exception)
                {
                    // an unresolvable reference: reported below
                }

                if (id is null || target is null)
                {
                    Report(SpecDiagnosticKind.DanglingReference, pointer + "/$ref",
                        "'" + (reference.Reference?.ReferenceV3 ?? id ?? "?") + "' is not a schema of the document; the value is kept as raw JSON");
                    return TypeRef.Json;
                }

                if (facts is not null)
                    CollectFacts(target, facts, overwrite: false);
                if (IsTrivial(target))
                    return MapSchema(target, nameHint, ComponentPointer(id), facts);
                return DefineComponent(id, target);
            }

            if (facts is not null)
                CollectFacts(schema, facts, overwrite: false);

            if (schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 })
                return MapUnion(schema, null, Identifiers.Pascal(schema.Title ?? "") is { Length: > 0 } t && t != "Value" ? t : nameHint, pointer, facts);

            if (schema.AllOf is { Count: > 0 } || HasProperties(schema))
            {
                var builder = NewType(TypeKind.Object, InlineName(schema, nameHint), pointer);
                FillObject(builder, schema, pointer);
                return builder.Ref;
            }

            var type = NonNullType(schema);
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
                        "date-time" => new TypeRef(TypeRefKind.DateTimeOffset),
                        "uuid" => new TypeRef(TypeRefKind.Guid),
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
                    Report(SpecDiagnosticKind.UnsupportedConstruct, pointer + "/type",
                        "a schema of several types (" + type + ") is not one C# type; the value is kept as raw JSON");
                    return TypeRef.Json;
            }
        }

        private static JsonSchemaType? NonNullType(IOpenApiSchema schema)
        {
            if (schema.Type is not { } flags)
                return null;
            var withoutNull = flags & ~JsonSchemaType.Null;
            return withoutNull == 0 ? null : withoutNull;
        }

        private static bool HasProperties(IOpenApiSchema schema) => schema.Properties is { Count: > 0 };

        /// <summary>A component that is only a primitive, or an array of primitives, is inlined rather than named.</summary>
        internal static bool IsTrivial(IOpenApiSchema schema)
        {
            if (schema is OpenApiSchemaReference)
                return false;
            if (schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 } || schema.AllOf is { Count: > 0 } || HasProperties(schema))
                return false;
            if (schema.Enum is { Count: > 0 })
                return false;
            var type = NonNullType(schema);
            if (type == JsonSchemaType.Array)
                return schema.Items is null || (schema.Items is not OpenApiSchemaReference && IsTrivial(schema.Items));
            if (type == JsonSchemaType.Object)
                return schema.AdditionalProperties is null;
            return true;
        }

        private TypeRef DefineComponent(string id, IOpenApiSchema target)
        {
            if (_componentTypes.TryGetValue(id, out var existing))
                return existing.Ref;
            if (_rawComponents.Contains(id))
                return TypeRef.Json;
            if (!_inProgress.Add(id))
            {
                // A component that refers to itself before it became a type (through an array or a union of
                // non-objects): there is no C# type to point at yet, so this use stays raw JSON.
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
        private int _depth;
        private const int MaxDepth = 64;

        private TypeRef DefineComponentCore(string id, IOpenApiSchema target)
        {
            if (!_componentNames.TryGetValue(id, out var name))
                _componentNames[id] = name = _typeNames.Claim(Identifiers.Pascal(id));

            string pointer = ComponentPointer(id);
            if (target.OneOf is { Count: > 0 } || target.AnyOf is { Count: > 0 })
                return MapUnion(target, id, name, pointer, null);

            var type = NonNullType(target);
            if (target.Enum is { Count: > 0 } && (type == JsonSchemaType.String || type is null))
            {
                var enumBuilder = NewComponentType(id, TypeKind.Enum, name, pointer);
                FillEnum(enumBuilder, target);
                return enumBuilder.Ref;
            }

            if (target.AllOf is { Count: > 0 } || HasProperties(target) || type == JsonSchemaType.Object)
            {
                if (!HasProperties(target) && target.AllOf is not { Count: > 0 } && target.AdditionalProperties is { } additional)
                    return TypeRef.MapOf(MapSchema(additional, name + "Value", pointer + "/additionalProperties"));
                var builder = NewComponentType(id, TypeKind.Object, name, pointer);
                FillObject(builder, target, pointer);
                return builder.Ref;
            }

            // An array of objects or another shape that is not a type of its own: map it where it is used.
            return MapSchema(target, name, pointer);
        }

        private TypeBuilder NewComponentType(string id, TypeKind kind, string name, string pointer)
        {
            var builder = new TypeBuilder(kind, name, pointer);
            _componentTypes[id] = builder;
            _types.Add(builder);
            return builder;
        }

        private TypeBuilder NewType(TypeKind kind, string wantedName, string pointer)
        {
            var builder = new TypeBuilder(kind, _typeNames.Claim(wantedName), pointer);
            _types.Add(builder);
            return builder;
        }

        private static string InlineName(IOpenApiSchema schema, string nameHint)
        {
            string fromTitle = Identifiers.Pascal(schema.Title ?? "");
            return schema.Title is { Length: > 0 } && fromTitle != "Value" ? fromTitle : nameHint;
        }

        private void FillEnum(TypeBuilder builder, IOpenApiSchema schema)
        {
            builder.Summary = Describe(schema);
            builder.Deprecated = schema.Deprecated ? DeprecationMessage(schema) : null;
            var members = new NameScope(GeneratedNames.ReservedEnumMembers);
            foreach (var node in schema.Enum!)
            {
                if (node is JsonValue value && value.TryGetValue<string>(out var text))
                    builder.Values.Add(new EnumValueDef(text, members.Claim(Identifiers.Pascal(text)), null));
            }
        }

        /// <summary>Fills an object type from its properties and the parts of its allOf (later parts win).</summary>
        private void FillObject(TypeBuilder builder, IOpenApiSchema schema, string pointer)
        {
            builder.Summary ??= Describe(schema);
            if (schema.Deprecated)
                builder.Deprecated ??= DeprecationMessage(schema);
            if (!schema.AdditionalPropertiesAllowed)
                builder.ClosedShape = true;

            if (schema.AllOf is { Count: > 0 })
            {
                int index = 0;
                foreach (var part in schema.AllOf)
                {
                    var resolved = Resolve(part, pointer + "/allOf/" + index.ToString(CultureInfo.InvariantCulture));
                    if (resolved is not null)
                        FillObject(builder, resolved.Value.Schema, resolved.Value.Pointer);
                    index++;
                }
            }

            if (schema.Properties is null)
                return;
            var required = schema.Required ?? new HashSet<string>();
            foreach (var pair in schema.Properties)
            {
                var property = ReadProperty(builder.Name, pair.Key, pair.Value, pointer + "/properties/" + Escape(pair.Key));
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

            // Required names listed by a later allOf part for properties an earlier part declared.
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

        private (IOpenApiSchema Schema, string Pointer)? Resolve(IOpenApiSchema schema, string pointer)
        {
            if (schema is OpenApiSchemaReference reference)
            {
                IOpenApiSchema? target = null;
                try
                {
                    target = reference.Target;
                }
                catch (Exception)
                {
                    // reported below
                }

                if (target is null || reference.Reference?.Id is null)
                {
                    Report(SpecDiagnosticKind.DanglingReference, pointer + "/$ref",
                        "'" + (reference.Reference?.ReferenceV3 ?? "?") + "' is not a schema of the document");
                    return null;
                }

                return (target, ComponentPointer(reference.Reference.Id));
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
                facts.Summary = Describe(schema) ?? facts.Summary;
            if (schema.Default is { } def && (overwrite || facts.DefaultJson is null))
                facts.DefaultJson = def.ToJsonString();
            if (schema.Deprecated && facts.Deprecated is null)
                facts.Deprecated = DeprecationMessage(schema);
            if (schema.WriteOnly || schema.Format == "password")
                facts.Secret = true;

            var allowed = schema.Enum is { Count: > 0 } && NonNullType(schema) != JsonSchemaType.String && NonNullType(schema) is not null
                ? schema.Enum.Select(e => e?.ToJsonString() ?? "null").ToEquatableArray()
                : EquatableArray<string>.Empty;
            if (schema.MaxLength is not null || schema.MinLength is not null || schema.Pattern is not null ||
                schema.Minimum is not null || schema.Maximum is not null || allowed.Count > 0)
            {
                facts.Constraints ??= new Constraints(schema.MinLength, schema.MaxLength, schema.Pattern, schema.Minimum, schema.Maximum, allowed);
            }
        }

        private static bool LooksSecret(string jsonName)
        {
            string lower = jsonName.ToLowerInvariant();
            return lower.Contains("secret") || lower.Contains("password") || lower.Contains("token") || lower.Contains("access_key") ||
                lower.Contains("private_key");
        }

        internal static string? Describe(IOpenApiSchema schema)
        {
            string? text = schema.Description;
            if (string.IsNullOrWhiteSpace(text))
                text = schema.Title;
            return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
        }

        /// <summary>
        /// Why the spec deprecates a thing (what to use instead): its description without the "Deprecated." lead, or
        /// empty when it says nothing. Generated code carries it as <see cref="Deprecation.Text"/>.
        /// </summary>
        internal static string DeprecationMessage(IOpenApiSchema schema) => DeprecationMessage(schema.Description);

        internal static string DeprecationMessage(string? description)
        {
            if (string.IsNullOrWhiteSpace(description))
                return "";
            string text = description!.Trim();
            foreach (var lead in new[] { "**Deprecated.**", "**Deprecated**.", "**Deprecated**", "Deprecated." })
            {
                if (text.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
                {
                    text = text.Substring(lead.Length).Trim();
                    break;
                }
            }

            int paragraph = text.IndexOf("\n\n", StringComparison.Ordinal);
            if (paragraph > 0)
                text = text.Substring(0, paragraph);
            text = text.Replace("\r", " ").Replace("\n", " ").Replace("**", "").Replace("`", "'").Trim();
            return text;
        }
    }
}
