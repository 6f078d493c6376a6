using System;
using System.Runtime.CompilerServices;
using Microsoft.OpenApi;

namespace GcoreCdnGen.Reading;

/// <summary>Questions every reader asks of a schema, answered one way.</summary>
internal static class SchemaFacts
{
    /// <summary>The schema's type without <c>null</c>; null when it names no type, or only <c>null</c>.</summary>
    internal static JsonSchemaType? NonNullType(this IOpenApiSchema schema)
    {
        if (schema.Type is not { } flags)
            return null;
        var withoutNull = flags & ~JsonSchemaType.Null;
        return withoutNull == 0 ? null : withoutNull;
    }

    /// <summary>The schema is a <c>oneOf</c> or an <c>anyOf</c>.</summary>
    internal static bool IsUnion(this IOpenApiSchema schema) => schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 };

    internal static bool HasProperties(this IOpenApiSchema schema) => schema.Properties is { Count: > 0 };

    /// <summary>
    /// The schema a reference points at; null when it does not resolve (the caller reports it). Resolved once per
    /// reference: the reader looks the document up again on every access, and the readers ask the same reference often.
    /// </summary>
    internal static IOpenApiSchema? TargetOrNull(this OpenApiSchemaReference reference) =>
        Targets.GetValue(reference, static r => new StrongBox<IOpenApiSchema?>(Resolve(r))).Value;

    private static readonly ConditionalWeakTable<OpenApiSchemaReference, StrongBox<IOpenApiSchema?>> Targets = new();

    private static IOpenApiSchema? Resolve(OpenApiSchemaReference reference)
    {
        try
        {
            return reference.Target;
        }
        catch (Exception)
        {
            return null;
        }
    }
}
