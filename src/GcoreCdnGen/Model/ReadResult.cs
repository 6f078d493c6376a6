namespace GcoreCdnGen.Model;

/// <summary>The result of reading one spec: a model (absent when nothing could be read) and the problems found.</summary>
public sealed record ReadResult
{
    /// <summary>The model; null when the spec could not be read at all.</summary>
    public required ApiModel? Model { get; init; }

    /// <summary>The problems found, in the order they were found.</summary>
    public required EquatableArray<SpecDiagnostic> Diagnostics { get; init; }
}
