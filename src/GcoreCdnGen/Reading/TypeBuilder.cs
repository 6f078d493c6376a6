using System.Collections.Generic;
using GcoreCdnGen.Model;

namespace GcoreCdnGen.Reading;

/// <summary>A type while the reader is still discovering it; frozen into a <see cref="TypeDef"/> at the end.</summary>
internal sealed class TypeBuilder
{
    public TypeBuilder(TypeKind kind, string name, string pointer)
    {
        Kind = kind;
        Name = name;
        Pointer = pointer;
    }

    /// <summary>What a provisional name starts with: never a C# identifier, so a name the namer missed cannot compile.</summary>
    public const string ProvisionalPrefix = "#";

    public TypeKind Kind { get; }

    /// <summary>A provisional id while reading; the type's C# name once <see cref="TypeFreezer"/> has named it.</summary>
    public string Name { get; set; }

    /// <summary>What the document calls the type, for messages only.</summary>
    public string Hint { get; set; } = "";

    /// <summary>For a union variant, the JSON name of the union's kind property (<c>origin_type</c>).</summary>
    public string? KindProperty { get; set; }

    /// <summary>For a union variant, the kind property's value that selects it (<c>s3</c>): the variant sends it by itself.</summary>
    public string? KindValue { get; set; }

    public string Pointer { get; }

    public string? Summary { get; set; }

    public string? Deprecated { get; set; }

    public List<PropertyBuilder> Properties { get; } = new();

    public string? BaseType { get; set; }

    public List<string> Variants { get; set; } = new();

    public List<EnumValueDef> Values { get; } = new();

    public TypeRef? ItemType { get; set; }

    public bool ClosedShape { get; set; }

    public TypeRef Ref => TypeRef.NamedType(Name, Kind);
}

internal sealed class PropertyBuilder
{
    public PropertyBuilder(string jsonName, TypeRef type)
    {
        JsonName = jsonName;
        Type = type;
    }

    public string JsonName { get; }

    public TypeRef Type { get; set; }

    public bool Required { get; set; }

    /// <summary>Required by the current (not deprecated) shape of a merged union.</summary>
    public bool RequiredInPrimary { get; set; }

    public bool Nullable { get; set; }

    public string? Summary { get; set; }

    public string? DefaultJson { get; set; }

    public string? Deprecated { get; set; }

    public bool Secret { get; set; }

    public Constraints? Constraints { get; set; }
}
