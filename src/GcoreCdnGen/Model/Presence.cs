namespace GcoreCdnGen.Model;

/// <summary>
/// Whether a property's value is always in the JSON, and so what its C# property looks like. Decided once, by the
/// reader, from the spec's <c>required</c> list, nullability, and where the type is used.
/// </summary>
public enum Presence
{
    /// <summary>Always in the JSON, never null: a <c>required</c> C# property, set in the object initializer.</summary>
    Required,

    /// <summary>
    /// Always in the JSON, but may be null: a nullable C# property that knows whether it was set (as
    /// <see cref="Optional"/>), while a union's reader still expects to see it.
    /// </summary>
    RequiredNullable,

    /// <summary>
    /// A list the JSON may leave out, read as empty: a C# property that starts as an empty list, so users never
    /// test it for null (a response-only list the current shape requires, and a list envelope's items).
    /// </summary>
    DefaultEmpty,

    /// <summary>May be left out of the JSON: a nullable C# property that knows whether it was set, so an unset one is not written.</summary>
    Optional,
}
