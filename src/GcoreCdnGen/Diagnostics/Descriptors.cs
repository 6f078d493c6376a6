using GcoreCdnGen.Model;
using Microsoft.CodeAnalysis;

namespace GcoreCdnGen.Diagnostics
{
    /// <summary>Every diagnostic GcoreCdnGen reports, in one place. IDs are stable; each has a page under docs/diagnostics.</summary>
    public static class Descriptors
    {
        public const string UsageCategory = "GcoreCdnGen.Usage";
        public const string SpecCategory = "GcoreCdnGen.Spec";

        private const string HelpBase = "https://github.com/gcorecdngen/gcorecdngen/blob/main/docs/diagnostics/";

        private static DiagnosticDescriptor Spec(string id, string title, DiagnosticSeverity severity, string description) =>
            new(id, title, "{0}", SpecCategory, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpBase + id + ".md");

        public static readonly DiagnosticDescriptor UnreadableDocument = Spec(
            "GCDN100", "The OpenAPI document cannot be read", DiagnosticSeverity.Error,
            "The spec file is not valid YAML or JSON, or not an OpenAPI 3.0/3.1 document. Nothing is generated for it.");

        public static readonly DiagnosticDescriptor ReaderError = Spec(
            "GCDN101", "The OpenAPI document breaks a rule of the specification", DiagnosticSeverity.Warning,
            "The OpenAPI reader found a problem in the document. Generation goes on with what could be read.");

        public static readonly DiagnosticDescriptor DanglingReference = Spec(
            "GCDN102", "A $ref does not resolve", DiagnosticSeverity.Warning,
            "A reference points at a component that does not exist. The value is kept as raw JSON.");

        public static readonly DiagnosticDescriptor UnsupportedConstruct = Spec(
            "GCDN103", "A construct of the document cannot be mapped yet", DiagnosticSeverity.Warning,
            "The generator skips what it cannot map and generates the rest.");

        public static readonly DiagnosticDescriptor DuplicateName = Spec(
            "GCDN104", "Two operations would get the same C# name", DiagnosticSeverity.Warning,
            "Operations are named from their path and method, then from their operationId. When both collide, the later operation is skipped.");

        public static readonly DiagnosticDescriptor NoOperations = Spec(
            "GCDN105", "The document has no operations to generate", DiagnosticSeverity.Error,
            "The document has no paths, or the Tags/Paths filter of the OpenApiSpec item selects none.");

        public static readonly DiagnosticDescriptor InvalidOption = Spec(
            "GCDN106", "The OpenApiSpec item's metadata is not valid", DiagnosticSeverity.Error,
            "Namespace and ClientName must be valid C# names, and two specs in one project need two namespaces.");

        public static DiagnosticDescriptor For(SpecDiagnosticKind kind) => kind switch
        {
            SpecDiagnosticKind.UnreadableDocument => UnreadableDocument,
            SpecDiagnosticKind.ReaderError => ReaderError,
            SpecDiagnosticKind.DanglingReference => DanglingReference,
            SpecDiagnosticKind.UnsupportedConstruct => UnsupportedConstruct,
            SpecDiagnosticKind.DuplicateName => DuplicateName,
            SpecDiagnosticKind.NoOperations => NoOperations,
            _ => InvalidOption,
        };
    }
}
