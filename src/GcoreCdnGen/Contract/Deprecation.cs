using System;

namespace GcoreCdnGen.Contract;

/// <summary>
/// What the spec says about a deprecated thing. The model keeps the reason alone (empty when the spec gives none);
/// generated code carries it as <c>[Obsolete("Deprecated: reason")]</c> (and in <c>[GcoreParameter(Deprecated = ...)]</c>),
/// and GCDN002 takes the reason back out. Both directions are here and nowhere else.
/// </summary>
internal static class Deprecation
{
    private const string Lead = "Deprecated:";
    private const string WithoutReason = "Deprecated in the API specification.";
    private const string ReasonUnknown = "the API specification marks it deprecated.";

    /// <summary>The reason of an operation or parameter the spec marks deprecated without saying why.</summary>
    public static string Unexplained(string what) => "this " + what + " is marked deprecated in the API specification.";

    /// <summary>The text generated code carries for a reason (as the model keeps it).</summary>
    public static string Text(string reason) => reason.Length == 0 ? WithoutReason : Lead + " " + reason;

    /// <summary>The reason in a text the generator wrote (<see cref="Text"/>); what GCDN002 tells the user.</summary>
    public static string Reason(string text)
    {
        text = text.Trim();
        if (text.StartsWith(Lead, StringComparison.Ordinal))
            text = text.Substring(Lead.Length).Trim();
        else if (text == WithoutReason)
            text = "";
        return text.Length == 0 ? ReasonUnknown : text;
    }
}
