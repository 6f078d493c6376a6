namespace GcoreCdnGen.Model;

/// <summary>One value of a generated enum.</summary>
public sealed record EnumValueDef
{
    /// <summary>The value as the JSON carries it.</summary>
    public required string Value { get; init; }

    /// <summary>The C# name of the static member that holds it.</summary>
    public required string MemberName { get; init; }

    /// <summary>What the value means; null when the spec does not say.</summary>
    public required string? Summary { get; init; }
}
