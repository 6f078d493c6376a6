namespace GcoreCdnGen.CodeFixes
{
    /// <summary>
    /// Marks the code-fix assembly. Each analyzer's code fix lands here together with its analyzer
    /// (one fix per file, named after the rule it fixes).
    /// </summary>
    internal static class CodeFixesAssembly
    {
    }
}
