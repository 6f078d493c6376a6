namespace GcoreCdnGen.Model;

/// <summary>A generated type. Which members matter depends on <see cref="Kind"/>.</summary>
public sealed record TypeDef
{
    /// <summary>What the type is in C#.</summary>
    public required TypeKind Kind { get; init; }

    /// <summary>The C# name, unique in the namespace.</summary>
    public required string Name { get; init; }

    /// <summary>The spec's description (or title) of the schema; null when it has none.</summary>
    public required string? Summary { get; init; }

    /// <summary>Why the schema is deprecated, as the <c>[Obsolete]</c> message; null when it is not.</summary>
    public required string? Deprecated { get; init; }

    /// <summary>The JSON pointer of the schema in the spec, which the marker attribute carries for the analyzers.</summary>
    public required string Pointer { get; init; }

    /// <summary>
    /// The properties in the spec's order. A union holds those every variant shares; a variant lists the ones it
    /// inherits first; a list envelope's last property is its items.
    /// </summary>
    public required EquatableArray<PropertyDef> Properties { get; init; }

    /// <summary>For a union variant, the union it derives from; null otherwise.</summary>
    public required string? BaseType { get; init; }

    /// <summary>For a union, the names of its variant types, in the spec's order.</summary>
    public required EquatableArray<string> Variants { get; init; }

    /// <summary>For an enum, its values.</summary>
    public required EquatableArray<EnumValueDef> Values { get; init; }

    /// <summary>For a list envelope, the type of its items; null otherwise.</summary>
    public required TypeRef? ItemType { get; init; }

    /// <summary>The schema forbids properties it does not declare (<c>additionalProperties: false</c>).</summary>
    public required bool ClosedShape { get; init; }

    /// <summary>The type is sent: reachable from a request body or a parameter.</summary>
    public required bool UsedInRequest { get; init; }

    /// <summary>The type is received: reachable from a response.</summary>
    public required bool UsedInResponse { get; init; }

    /// <summary>
    /// For a union, what its reader must know of other types: its variants and the object types they hold, shape
    /// only (no docs, defaults or constraints), so editing a variant's description re-emits that variant alone.
    /// Empty for other types.
    /// </summary>
    public required EquatableArray<TypeDef> VariantShapes { get; init; }

    /// <summary>
    /// For a union variant that carries its union's kind property (<c>origin_type</c>), that property's JSON name;
    /// null otherwise. With <see cref="KindValue"/>, what tells the variant apart on the wire, sent or received.
    /// </summary>
    public string? KindProperty { get; init; }

    /// <summary>For a union variant with a <see cref="KindProperty"/>, the value that selects it (<c>s3</c>); null otherwise.</summary>
    public string? KindValue { get; init; }

    /// <summary>For a response entity, the request bodies of its replace (PUT) and update (PATCH) calls it converts to.</summary>
    public EquatableArray<ConversionDef> Conversions { get; init; }

    /// <summary>
    /// A union's reader scores JSON objects against this type: it is a variant, or an object type a variant holds
    /// (it is in some union's <see cref="VariantShapes"/>). Only such a type carries scoring code.
    /// </summary>
    public bool Scored { get; init; }
}
