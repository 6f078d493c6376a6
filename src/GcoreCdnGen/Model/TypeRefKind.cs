namespace GcoreCdnGen.Model;

/// <summary>The kind of a type a property, parameter or body refers to.</summary>
public enum TypeRefKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    Decimal,
    DateTimeOffset,
    Guid,
    /// <summary>Anything the generator does not map to a type: kept as raw JSON.</summary>
    Json,
    /// <summary>A generated type (<see cref="TypeRef.Name"/>).</summary>
    Named,
    /// <summary>A list of <see cref="TypeRef.Element"/>.</summary>
    Array,
    /// <summary>A file sent in a form or as a binary body: the runtime's <c>GcoreFile</c> (a stream or bytes, a name, a content type).</summary>
    File,
    /// <summary>A dictionary from string to <see cref="TypeRef.Element"/>.</summary>
    Map,
}
