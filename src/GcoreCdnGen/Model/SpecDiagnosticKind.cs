namespace GcoreCdnGen.Model;

/// <summary>What went wrong in a spec; each kind is reported with its own diagnostic ID.</summary>
public enum SpecDiagnosticKind
{
    UnreadableDocument,
    ReaderError,
    DanglingReference,
    UnsupportedConstruct,
    DuplicateName,
    NoOperations,
    InvalidOption,
    RecursiveValue,
}
