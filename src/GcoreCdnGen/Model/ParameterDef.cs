namespace GcoreCdnGen.Model;

/// <summary>A parameter of an operation, other than its body.</summary>
public sealed record ParameterDef
{
    /// <summary>The name in the path template, the query string or the header.</summary>
    public required string Name { get; init; }

    /// <summary>The C# parameter name, unique in the method.</summary>
    public required string CsName { get; init; }

    /// <summary>Where the value goes.</summary>
    public required ParameterLocation In { get; init; }

    /// <summary>The value's type: a primitive, an enum, or an array of them (a form field may also be a file or a generated type).</summary>
    public required TypeRef Type { get; init; }

    /// <summary>The caller must give a value (every path parameter does); otherwise it defaults to null and is not sent.</summary>
    public required bool Required { get; init; }

    /// <summary>The spec's description; null when it has none.</summary>
    public required string? Summary { get; init; }

    /// <summary>Why the parameter is deprecated, as the <c>[Obsolete]</c> message; null when it is not.</summary>
    public required string? Deprecated { get; init; }

    /// <summary>
    /// For an array in the query: each item as its own <c>name=value</c> pair (OpenAPI's <c>explode: true</c>, the default
    /// of the <c>form</c> style); false joins the items with commas into one pair.
    /// </summary>
    public bool Explode { get; init; } = true;

    /// <summary>The spec's limits on the value, for the analyzers; null when there are none.</summary>
    public required Constraints? Constraints { get; init; }
}
