namespace GcoreCdnGen.Model;

/// <summary>A type as the emitters need it. Named types carry their name and kind; arrays and maps their element.</summary>
public sealed record TypeRef
{
    public static readonly TypeRef String = new() { Kind = TypeRefKind.String };
    public static readonly TypeRef Boolean = new() { Kind = TypeRefKind.Boolean };
    public static readonly TypeRef Int32 = new() { Kind = TypeRefKind.Int32 };
    public static readonly TypeRef Int64 = new() { Kind = TypeRefKind.Int64 };
    public static readonly TypeRef Double = new() { Kind = TypeRefKind.Double };
    public static readonly TypeRef DateTimeOffset = new() { Kind = TypeRefKind.DateTimeOffset };
    public static readonly TypeRef Guid = new() { Kind = TypeRefKind.Guid };
    public static readonly TypeRef Json = new() { Kind = TypeRefKind.Json };
    public static readonly TypeRef File = new() { Kind = TypeRefKind.File };

    /// <summary>What kind of type this is.</summary>
    public required TypeRefKind Kind { get; init; }

    /// <summary>For a <see cref="TypeRefKind.Named"/> type, the generated type's name.</summary>
    public string? Name { get; init; }

    /// <summary>For a <see cref="TypeRefKind.Named"/> type, what the generated type is.</summary>
    public TypeKind NamedKind { get; init; }

    /// <summary>For an array or a map, the type of its elements.</summary>
    public TypeRef? Element { get; init; }

    public static TypeRef ArrayOf(TypeRef element) => new() { Kind = TypeRefKind.Array, Element = element };

    public static TypeRef MapOf(TypeRef element) => new() { Kind = TypeRefKind.Map, Element = element };

    public static TypeRef NamedType(string name, TypeKind kind) => new() { Kind = TypeRefKind.Named, Name = name, NamedKind = kind };

    /// <summary>A generated object type (a record, not a union, an enum or a list).</summary>
    public bool IsObject => Kind == TypeRefKind.Named && NamedKind == TypeKind.Object;

    /// <summary>Value types in C#: need a <c>?</c> to be nullable.</summary>
    public bool IsValueType => Kind is TypeRefKind.Boolean or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double
        or TypeRefKind.Decimal or TypeRefKind.DateTimeOffset or TypeRefKind.Guid or TypeRefKind.Json
        || (Kind == TypeRefKind.Named && NamedKind == TypeKind.Enum);
}
