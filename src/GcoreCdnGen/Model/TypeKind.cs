namespace GcoreCdnGen.Model;

/// <summary>What a generated type is in C#.</summary>
public enum TypeKind
{
    /// <summary>A plain record.</summary>
    Object,
    /// <summary>An abstract record whose variants are distinct kinds told apart by their shape.</summary>
    Union,
    /// <summary>A string-backed value type with the spec's values as static members.</summary>
    Enum,
    /// <summary>A list that the server sends either as a bare array or as a paginated envelope.</summary>
    ListEnvelope,
}
