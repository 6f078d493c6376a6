using GcoreCdnGen.Runtime;

namespace GcoreCdnGen.Diagnostics;

/// <summary>
/// Every ID GcoreCdnGen reports or suppresses, in one place. IDs are stable once released: a new rule takes the next
/// free number of its range (GCDN0xx: usage rules of the analyzers, GCDN1xx: the spec, reported by the generator),
/// and needs a descriptor in <see cref="Descriptors"/>, a line in AnalyzerReleases.Unshipped.md and a page under
/// docs/diagnostics. The constant's name is the rule's intent; an analyzer is named after it.
/// </summary>
public static class RuleIdentifiers
{
    // The request rules' IDs are the runtime's, which generated Validate() reports with the same wording (GcoreRules).
    public const string UseNextWithoutCases = GcoreRules.UseNextWithoutCases;
    public const string DeprecatedUse = "GCDN002";
    public const string ConstantBreaksSchema = GcoreRules.BreaksSchema;
    public const string RejectedOriginSource = GcoreRules.RejectedOriginSource;
    public const string RejectedS3Config = GcoreRules.RejectedS3Config;
    public const string NoActiveSource = GcoreRules.NoActiveSource;
    public const string RetriesOnRetries = "GCDN007";

    public const string UnreadableDocument = "GCDN100";
    public const string ReaderError = "GCDN101";
    public const string DanglingReference = "GCDN102";
    public const string UnsupportedConstruct = "GCDN103";
    public const string DuplicateName = "GCDN104";
    public const string NoOperations = "GCDN105";
    public const string InvalidOption = "GCDN106";
    public const string RecursiveValue = "GCDN107";

    /// <summary>The compiler's CS0612 (obsolete, no message) on a use GCDN002 reports.</summary>
    public const string DeprecatedUseWithoutMessageSuppression = "GCDNSUP0612";

    /// <summary>The compiler's CS0618 (obsolete, with message) on a use GCDN002 reports.</summary>
    public const string DeprecatedUseWithMessageSuppression = "GCDNSUP0618";
}
