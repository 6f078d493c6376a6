using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using GcoreCdnGen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GcoreCdnGen.AnalyzerTests.Infrastructure;

/// <summary>
/// Compiles user code with the generated sources in the same compilation (as a consumer's build does) and runs every
/// analyzer of the package, plus the CS0612/CS0618 suppressor, the way the compiler does.
/// </summary>
public static class Analysis
{
    public static ImmutableArray<DiagnosticAnalyzer> All(bool withSuppressor = true)
    {
        var analyzers = new List<DiagnosticAnalyzer>
        {
            new UseNextWithoutCasesAnalyzer(), new DeprecatedUseAnalyzer(), new ConstantBreaksSchemaAnalyzer(), new RejectedOriginSourceAnalyzer(), new RejectedS3ConfigAnalyzer(), new NoActiveSourceAnalyzer(), new RetriesOnRetriesAnalyzer(),
        };
        if (withSuppressor)
            analyzers.Add(new DeprecatedUseSuppressor());
        return analyzers.ToImmutableArray();
    }

    /// <summary>Every diagnostic of the compilation and the analyzers, suppressed ones included (marked <see cref="Diagnostic.IsSuppressed"/>).</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(
        Spec spec, IEnumerable<(string Path, string Code)> userFiles, bool withSuppressor = true, bool warningsAsErrors = false,
        IReadOnlyDictionary<string, ReportDiagnostic>? specificOptions = null, SyntaxTreeOptionsProvider? treeOptions = null)
    {
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose);
        var trees = GeneratedApi.Sources(spec).Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Name))
            .Concat(userFiles.Select(f => CSharpSyntaxTree.ParseText(f.Code, parse, f.Path)));
        var compilation = CSharpCompilation.Create(
            "Consumer",
            trees,
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: warningsAsErrors ? ReportDiagnostic.Error : ReportDiagnostic.Default,
                specificDiagnosticOptions: specificOptions).WithSyntaxTreeOptionsProvider(treeOptions));
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true,
            logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
        var withAnalyzers = compilation.WithAnalyzers(All(withSuppressor), options);
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync();
        var failures = diagnostics.Where(d => d.Id == "AD0001").ToList();
        if (failures.Count > 0)
            throw new Xunit.Sdk.XunitException("An analyzer threw: " + string.Join("\n", failures));
        return diagnostics;
    }

    public static Task<ImmutableArray<Diagnostic>> RunAsync(
        Spec spec, string userCode, bool withSuppressor = true, bool warningsAsErrors = false, IReadOnlyDictionary<string, ReportDiagnostic>? specificOptions = null,
        SyntaxTreeOptionsProvider? treeOptions = null) =>
        RunAsync(spec, new[] { ("/user/Code.cs", userCode) }, withSuppressor, warningsAsErrors, specificOptions, treeOptions);

    public static bool InUserCode(Diagnostic d) => d.Location.SourceTree?.FilePath.StartsWith("/user/") == true;

    public static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.ToString()));
}
