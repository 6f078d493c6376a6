using System;
using System.Linq;
using System.Threading;
using GcoreCdnGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GcoreCdnGen.Reading;

/// <summary>One spec file and its options, as plain values (the AdditionalText itself is not kept).</summary>
public sealed record SpecInput(SpecOptions Options, string Text, EquatableArray<SpecDiagnostic> OptionErrors)
{
    public const string MetadataPrefix = "build_metadata.AdditionalFiles.GcoreCdnGen";

    /// <summary>The input for an additional file marked as an OpenApiSpec item, or null for any other file.</summary>
    public static SpecInput? Create(AdditionalText file, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
    {
        var options = provider.GetOptions(file);
        if (!options.TryGetValue(MetadataPrefix + "Spec", out var marker) || !string.Equals(marker, "true", StringComparison.OrdinalIgnoreCase))
            return null;

        string Get(string name) => options.TryGetValue(MetadataPrefix + name, out var value) ? value.Trim() : "";
        provider.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        string ns = Get("Namespace");
        if (ns.Length == 0)
            ns = string.IsNullOrWhiteSpace(rootNamespace) ? "Gcore" : rootNamespace!.Trim();
        string clientName = Get("ClientName");
        if (clientName.Length == 0)
            clientName = "GcoreClient";

        var errors = new System.Collections.Generic.List<SpecDiagnostic>();
        if (!IsValidName(ns, allowDots: true))
            errors.Add(OptionError(file.Path, "Namespace '" + ns + "' is not a valid C# namespace"));
        if (!IsValidName(clientName, allowDots: false))
            errors.Add(OptionError(file.Path, "ClientName '" + clientName + "' is not a valid C# type name"));
        else if (Naming.ImplicitUsingTypeNames.All.Contains(clientName) || Contract.RuntimeSources.TypeNamesFor(clientName).Contains(clientName, StringComparer.OrdinalIgnoreCase))
            errors.Add(OptionError(file.Path, "ClientName '" + clientName + "' is the name of a type the generated code uses (from .NET or GcoreCdnGen's runtime); choose another, such as 'GcoreClient'"));

        var specOptions = new SpecOptions
        {
            Path = file.Path,
            Namespace = ns,
            ClientName = clientName,
            Tags = Split(Get("Tags")),
            PathPrefixes = Split(Get("Paths")),
            GenerateFake = IsTrue(Get("Fake")) ||
                (provider.GlobalOptions.TryGetValue("build_property.GcoreCdnGenFake", out var fake) && IsTrue(fake)),
        };
        string text = file.GetText(cancellationToken)?.ToString() ?? "";
        return new SpecInput(specOptions, text, errors.ToEquatableArray());
    }

    /// <summary>A problem with an OpenApiSpec item's metadata, reported at the top of its file.</summary>
    internal static SpecDiagnostic OptionError(string path, string message) =>
        new() { Kind = SpecDiagnosticKind.InvalidOption, FilePath = path, Line = 1, Column = 1, Message = message };

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static EquatableArray<string> Split(string value) =>
        value.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToEquatableArray();

    private static bool IsValidName(string name, bool allowDots)
    {
        var parts = allowDots ? name.Split('.') : new[] { name };
        return parts.All(p => p.Length > 0 && (char.IsLetter(p[0]) || p[0] == '_') && p.All(c => char.IsLetterOrDigit(c) || c == '_') &&
            Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(p) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None);
    }
}
