using System;
using Microsoft.OpenApi;

namespace GcoreCdnGen.Reading
{
    /// <summary>The spec's prose as the model keeps it: summaries and deprecation messages.</summary>
    internal static class SpecText
    {
        internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

        internal static string? Describe(IOpenApiSchema schema)
        {
            string? text = schema.Description;
            if (string.IsNullOrWhiteSpace(text))
                text = schema.Title;
            return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
        }

        /// <summary>What the spec says instead of a deprecated thing: its description without the "Deprecated." lead.</summary>
        internal static string DeprecationMessage(IOpenApiSchema schema) => DeprecationMessage(schema.Description);

        /// <summary>
        /// The message for an operation or a parameter marked deprecated: its description when that says why, else a
        /// sentence naming <paramref name="what"/> was marked.
        /// </summary>
        internal static string DeprecationMessage(string? description, string what) =>
            description?.TrimStart().TrimStart('*').StartsWith("Deprecated", StringComparison.OrdinalIgnoreCase) == true
                ? DeprecationMessage(description)
                : "Deprecated: this " + what + " is marked deprecated in the API specification.";

        internal static string DeprecationMessage(string? description)
        {
            if (string.IsNullOrWhiteSpace(description))
                return "Deprecated in the API specification.";
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
            return text.Length == 0 ? "Deprecated in the API specification." : "Deprecated: " + text;
        }
    }
}
