using System;
using GcoreCdnGen.Contract;
using Microsoft.OpenApi;

namespace GcoreCdnGen.Reading;

/// <summary>The spec's prose as the model keeps it: summaries and deprecation messages.</summary>
internal static class SpecText
{
    /// <summary>Text without surrounding blanks; null when there is none.</summary>
    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    /// <summary>A schema's description, or its title when it has none.</summary>
    internal static string? Describe(IOpenApiSchema schema) => Clean(schema.Description) ?? Clean(schema.Title);

    /// <summary>
    /// Why the spec deprecates a thing (what to use instead): its description without the "Deprecated." lead, or
    /// empty when it says nothing. The model keeps the reason alone; generated code carries it as
    /// <see cref="Deprecation.Text"/>.
    /// </summary>
    internal static string DeprecationMessage(IOpenApiSchema schema) => DeprecationMessage(schema.Description);

    /// <summary>
    /// The reason for an operation or a parameter marked deprecated: its description when that says why, else a
    /// sentence naming <paramref name="what"/> was marked (<see cref="Deprecation.Unexplained"/>).
    /// </summary>
    internal static string DeprecationMessage(string? description, string what) =>
        description?.TrimStart().TrimStart('*').StartsWith("Deprecated", StringComparison.OrdinalIgnoreCase) == true
            ? DeprecationMessage(description)
            : Deprecation.Unexplained(what);

    internal static string DeprecationMessage(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
            return "";
        string text = description!.Trim();
        foreach (var lead in new[] { "**Deprecated.**", "**Deprecated**.", "**Deprecated**", "Deprecated." })
        {
            if (text.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Substring(lead.Length).Trim();
                break;
            }
        }

        int paragraph = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (paragraph > 0)
            text = text.Substring(0, paragraph);
        text = text.Replace("\r", " ").Replace("\n", " ").Replace("**", "").Replace("`", "'").Trim();
        return text;
    }
}
