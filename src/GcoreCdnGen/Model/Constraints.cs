namespace GcoreCdnGen.Model;

/// <summary>How a property is constrained by the spec, kept for the analyzers (emitted as a marker attribute).</summary>
public sealed record Constraints
{
    /// <summary>The spec's <c>minLength</c>.</summary>
    public required int? MinLength { get; init; }

    /// <summary>The spec's <c>maxLength</c>.</summary>
    public required int? MaxLength { get; init; }

    /// <summary>The spec's <c>pattern</c>, a regular expression.</summary>
    public required string? Pattern { get; init; }

    /// <summary>The spec's <c>minimum</c>, as written.</summary>
    public required string? Minimum { get; init; }

    /// <summary>The spec's <c>maximum</c>, as written.</summary>
    public required string? Maximum { get; init; }

    /// <summary>The spec's <c>enum</c> on a value that is not a string (a string enum is a type of its own), as JSON.</summary>
    public required EquatableArray<string> AllowedValues { get; init; }
}
