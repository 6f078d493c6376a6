namespace GcoreCdnGen.Model;

/// <summary>
/// A method on a response entity that builds the body of its replace or update call from it
/// (<c>OriginGroup.ToReplaceParams()</c>).
/// </summary>
public sealed record ConversionDef
{
    /// <summary>The C# method name, unique among the entity's members.</summary>
    public required string MethodName { get; init; }

    /// <summary>The request body type it returns.</summary>
    public required string Target { get; init; }

    /// <summary>The operation that takes the body: its HTTP method, upper case.</summary>
    public required string HttpMethod { get; init; }

    /// <summary>The operation's path as the spec writes it.</summary>
    public required string PathTemplate { get; init; }
}
