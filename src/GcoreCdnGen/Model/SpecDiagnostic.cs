namespace GcoreCdnGen.Model;

/// <summary>A problem in the spec, located by line and column in the spec file (equatable, unlike Location).</summary>
public sealed record SpecDiagnostic
{
    /// <summary>What went wrong.</summary>
    public required SpecDiagnosticKind Kind { get; init; }

    /// <summary>The spec file.</summary>
    public required string FilePath { get; init; }

    /// <summary>The line, from 1.</summary>
    public required int Line { get; init; }

    /// <summary>The column, from 1.</summary>
    public required int Column { get; init; }

    /// <summary>The message shown to the user.</summary>
    public required string Message { get; init; }
}
