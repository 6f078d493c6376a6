using GcoreCdnGen.Model;
using GcoreCdnGen.Runtime;
using Microsoft.CodeAnalysis;

namespace GcoreCdnGen.Diagnostics;

/// <summary>
/// Every diagnostic GcoreCdnGen reports, in one place, with its ID from <see cref="RuleIdentifiers"/>. Each has a
/// page under docs/diagnostics. A spec diagnostic's one argument is the specific reason, written to follow the
/// message's colon: lower case, without a final period.
/// </summary>
public static class Descriptors
{
    public const string UsageCategory = "GcoreCdnGen.Usage";
    public const string SpecCategory = "GcoreCdnGen.Spec";

    private const string HelpBase = "https://github.com/gcorecdngen/gcorecdngen/blob/main/docs/diagnostics/";

    private static DiagnosticDescriptor Spec(string id, string title, DiagnosticSeverity severity, string message, string description) =>
        new(id, title, message, SpecCategory, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpBase + id + ".md");

    private static DiagnosticDescriptor Usage(string id, string title, string message, string description) =>
        new(id, title, message, UsageCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: description, helpLinkUri: HelpBase + id + ".md");

    public static readonly DiagnosticDescriptor UseNextWithoutCases = Usage(
        RuleIdentifiers.UseNextWithoutCases, "use_next needs proxy_next_upstream cases",
        GcoreRules.UseNextWithoutCasesMessage,
        "Gcore rejects a request that turns use_next on without listing the proxy_next_upstream cases.");

    public static readonly DiagnosticDescriptor DeprecatedUse = Usage(
        RuleIdentifiers.DeprecatedUse, "Use of something the API deprecates",
        "'{0}' ({1}) is deprecated: {2}",
        "The spec marks this property, schema, enum value, operation or parameter deprecated: true. The message says what to use instead.");

    public static readonly DiagnosticDescriptor ConstantBreaksSchema = Usage(
        RuleIdentifiers.ConstantBreaksSchema, "A constant breaks the spec's schema",
        GcoreRules.BreaksSchemaMessage,
        "A constant value is longer or shorter than the spec allows, does not match its pattern, is not one of its values, or is outside its minimum/maximum.");

    public static readonly DiagnosticDescriptor RejectedOriginSource = Usage(
        RuleIdentifiers.RejectedOriginSource, "An origin source Gcore rejects",
        GcoreRules.RejectedOriginSourceMessage,
        "An origin source is a host name or IP address with an optional port: no scheme, no path, a port in 1..65535.");

    public static readonly DiagnosticDescriptor RejectedS3Config = Usage(
        RuleIdentifiers.RejectedS3Config, "An S3 origin configuration Gcore rejects",
        GcoreRules.RejectedS3ConfigMessage,
        "Amazon S3 needs a region, other S3-compatible storage needs a hostname, and access keys have lengths Gcore checks.");

    public static readonly DiagnosticDescriptor NoActiveSource = Usage(
        RuleIdentifiers.NoActiveSource, "An origin group without an active source",
        GcoreRules.NoActiveSourceMessage,
        "Every source of the group is a backup, or none of them is enabled: Gcore rejects the group.");

    public static readonly DiagnosticDescriptor RetriesOnRetries = Usage(
        RuleIdentifiers.RetriesOnRetries, "A resilience handler on top of the client's own retries",
        "'{0}' retries on top of the retries of the client that '{1}' registers, which multiplies attempts and waits; set MaxRetries = 0 in its options",
        "The generated client retries and times out on its own. A resilience handler (Microsoft.Extensions.Http.Resilience, Polly) added to the builder that Add<ClientName> returns retries each of the client's attempts again, unless the client's MaxRetries is 0.");

    public static readonly DiagnosticDescriptor UnreadableDocument = Spec(
        RuleIdentifiers.UnreadableDocument, "The OpenAPI document cannot be read", DiagnosticSeverity.Error,
        "The OpenAPI document cannot be read, so nothing is generated for it: {0}",
        "The spec file is not valid YAML or JSON, or not an OpenAPI 3.0/3.1 document. Nothing is generated for it.");

    public static readonly DiagnosticDescriptor ReaderError = Spec(
        RuleIdentifiers.ReaderError, "The OpenAPI document breaks a rule of the specification", DiagnosticSeverity.Warning,
        "The OpenAPI document breaks a rule of the OpenAPI specification: {0}",
        "The OpenAPI reader found a problem in the document. Generation goes on with what could be read.");

    public static readonly DiagnosticDescriptor DanglingReference = Spec(
        RuleIdentifiers.DanglingReference, "A $ref does not resolve", DiagnosticSeverity.Warning,
        "A $ref does not resolve: {0}",
        "A reference points at a component that does not exist. The value is kept as raw JSON.");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Spec(
        RuleIdentifiers.UnsupportedConstruct, "A construct of the document cannot be mapped yet", DiagnosticSeverity.Warning,
        "GcoreCdnGen cannot map this yet: {0}",
        "The generator skips what it cannot map and generates the rest.");

    public static readonly DiagnosticDescriptor DuplicateName = Spec(
        RuleIdentifiers.DuplicateName, "Two operations would get the same C# name", DiagnosticSeverity.Warning,
        "Two operations would get the same C# name: {0}",
        "Operations are named from their path and method, then from their operationId. When both collide, the later operation is skipped.");

    public static readonly DiagnosticDescriptor NoOperations = Spec(
        RuleIdentifiers.NoOperations, "The document has no operations to generate", DiagnosticSeverity.Error,
        "There is no operation to generate a client for: {0}",
        "The document has no paths, or the Tags/Paths filter of the OpenApiSpec item selects none.");

    public static readonly DiagnosticDescriptor InvalidOption = Spec(
        RuleIdentifiers.InvalidOption, "The OpenApiSpec item's metadata is not valid", DiagnosticSeverity.Error,
        "The OpenApiSpec item's metadata is not valid: {0}",
        "Namespace and ClientName must be valid C# names, and two specs in one project need two namespaces.");

    public static readonly DiagnosticDescriptor RecursiveValue = Spec(
        RuleIdentifiers.RecursiveValue, "A schema holds itself where no C# type can", DiagnosticSeverity.Info,
        "A schema holds itself where no C# type can: {0}",
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
