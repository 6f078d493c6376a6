namespace GcoreCdnGen.Model;

/// <summary>A property of a generated object, union or list envelope.</summary>
public sealed record PropertyDef
{
    /// <summary>The name in the JSON.</summary>
    public required string JsonName { get; init; }

    /// <summary>The C# name, unique in its type and never one of the generated members.</summary>
    public required string Name { get; init; }

    /// <summary>The value's type, without the <c>?</c> that <see cref="Presence"/> may add.</summary>
    public required TypeRef Type { get; init; }

    /// <summary>Whether the value is always in the JSON, and so what the C# property looks like.</summary>
    public required Presence Presence { get; init; }

    /// <summary>The JSON may carry null here.</summary>
    public required bool Nullable { get; init; }

    /// <summary>The spec's description (or title) of the property; null when it has none.</summary>
    public required string? Summary { get; init; }

    /// <summary>The spec's <c>default</c>, as JSON; null when it has none.</summary>
    public required string? DefaultJson { get; init; }

    /// <summary>Why the property is deprecated, as the <c>[Obsolete]</c> message; null when it is not.</summary>
    public required string? Deprecated { get; init; }

    /// <summary>The value is a secret (write-only, a password, a key): redacted wherever it is printed.</summary>
    public required bool Secret { get; init; }

    /// <summary>The property is declared by the union this type derives from, and is not declared again.</summary>
    public required bool Inherited { get; init; }

    /// <summary>The spec's limits on the value, for the analyzers; null when there are none.</summary>
    public required Constraints? Constraints { get; init; }

    /// <summary>
    /// For a union variant's kind property (<c>origin_type</c> of an S3 source), the value that selects the variant:
    /// the property starts set to it, so the variant sends its own kind. Null otherwise.
    /// </summary>
    public string? KindValue { get; init; }
}
