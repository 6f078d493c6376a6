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

        private static DiagnosticDescriptor Usage(string id, string title, string message, string description) =>
            new(id, title, message, UsageCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: description, helpLinkUri: HelpBase + id + ".md");

        public static readonly DiagnosticDescriptor UseNextWithoutCases = Usage(
            "GCDN001", "use_next needs proxy_next_upstream cases",
            "'{0}' is {1} but '{2}' is {3}; Gcore requires the cases on which the next origin is tried",
            "Gcore rejects a request that turns use_next on without listing the proxy_next_upstream cases.");

        public static readonly DiagnosticDescriptor DeprecatedUse = Usage(
            "GCDN002", "Use of something the API deprecates",
            "'{0}' ({1}) is deprecated: {2}",
            "The spec marks this property, schema, enum value, operation or parameter deprecated: true. The message says what to use instead.");

        public static readonly DiagnosticDescriptor BreaksSchema = Usage(
            "GCDN003", "A constant breaks the spec's schema",
            "'{0}' is {1}, which breaks the spec: {2}",
            "A constant value is longer or shorter than the spec allows, does not match its pattern, is not one of its values, or is outside its minimum/maximum.");

        public static readonly DiagnosticDescriptor BadSource = Usage(
            "GCDN004", "An origin source Gcore rejects",
            "'{0}' is {1}, which Gcore rejects: {2}",
            "An origin source is a host name or IP address with an optional port: no scheme, no path, a port in 1..65535.");

        public static readonly DiagnosticDescriptor BadS3Config = Usage(
            "GCDN005", "An S3 origin configuration Gcore rejects",
            "{0}",
            "Amazon S3 needs a region, other S3-compatible storage needs a hostname, and access keys have lengths Gcore checks.");

        public static readonly DiagnosticDescriptor NoActiveSource = Usage(
            "GCDN006", "An origin group without an active source",
            "'{0}' {1}; Gcore needs at least one enabled source that is not a backup",
            "Every source of the group is a backup, or none of them is enabled: Gcore rejects the group.");

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

        public static readonly DiagnosticDescriptor RecursiveValue = Spec(
            "GCDN107", "A schema holds itself where no C# type can", DiagnosticSeverity.Info,
            "A schema reaches itself through arrays, maps or unions before any object holds it (a JSON tree of itself, say). No C# type can spell that, so the value is kept as raw JSON.");

        public static DiagnosticDescriptor For(SpecDiagnosticKind kind) => kind switch
        {
            SpecDiagnosticKind.UnreadableDocument => UnreadableDocument,
            SpecDiagnosticKind.ReaderError => ReaderError,
            SpecDiagnosticKind.DanglingReference => DanglingReference,
            SpecDiagnosticKind.UnsupportedConstruct => UnsupportedConstruct,
            SpecDiagnosticKind.DuplicateName => DuplicateName,
            SpecDiagnosticKind.NoOperations => NoOperations,
            SpecDiagnosticKind.RecursiveValue => RecursiveValue,
            _ => InvalidOption,
        };
    }
}
