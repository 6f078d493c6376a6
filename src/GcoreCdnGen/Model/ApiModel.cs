namespace GcoreCdnGen.Model;

// The whole model is plain data: strings, enums, records and EquatableArrays. Nothing from Roslyn or
// Microsoft.OpenApi, so every pipeline step compares by value and Roslyn can cache it.

/// <summary>Everything generated for one spec: its types and its operations.</summary>
public sealed record ApiModel
{
    /// <summary>The OpenApiSpec item this model was read for.</summary>
    public required SpecOptions Options { get; init; }

    /// <summary>The spec's <c>info.title</c>.</summary>
    public required string Title { get; init; }

    /// <summary>The spec's first server URL (Gcore's API when it has none that is absolute).</summary>
    public required string DefaultBaseUrl { get; init; }

    /// <summary>Every generated type, each used by at least one selected operation, in the order the reader met them.</summary>
    public required EquatableArray<TypeDef> Types { get; init; }

    /// <summary>The selected operations, in the spec's order.</summary>
    public required EquatableArray<OperationDef> Operations { get; init; }
}
