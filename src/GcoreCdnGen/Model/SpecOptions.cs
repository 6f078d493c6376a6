namespace GcoreCdnGen.Model;

/// <summary>What one OpenApiSpec item asks for, read from its MSBuild metadata.</summary>
public sealed record SpecOptions
{
    /// <summary>The spec file's path, where its diagnostics are reported.</summary>
    public required string Path { get; init; }

    /// <summary>The namespace the client and its types are generated in.</summary>
    public required string Namespace { get; init; }

    /// <summary>The name of the client class (<c>GcoreClient</c> unless the item says otherwise).</summary>
    public required string ClientName { get; init; }

    /// <summary>Only operations with one of these tags are generated; empty selects every tag.</summary>
    public required EquatableArray<string> Tags { get; init; }

    /// <summary>Only operations under one of these paths are generated; empty selects every path.</summary>
    public required EquatableArray<string> PathPrefixes { get; init; }

    /// <summary>
    /// Also generate the in-memory fake of the API, for tests: the item's <c>GenerateFake</c> metadata, or the
    /// project's <c>GcoreCdnGenFake</c> property.
    /// </summary>
    public bool GenerateFake { get; init; }
}
