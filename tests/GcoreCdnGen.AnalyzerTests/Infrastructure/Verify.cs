using System.Collections.Immutable;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace GcoreCdnGen.AnalyzerTests.Infrastructure;

/// <summary>
/// Runs an analyzer (and its code fix) on user code compiled with the generated API — in a referenced assembly, or in
/// the same compilation for the <c>…InSource</c> specs, as in a consumer's build — against .NET 8 reference assemblies
/// and C# 12, like a consumer on the oldest supported framework.
/// </summary>
public static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>The user's code: <c>using Contoso.Gcore;</c> plus <paramref name="body"/> (members of a class, or whole types).</summary>
    public static string Code(string body) => "using System;\nusing System.Collections.Generic;\nusing System.Threading.Tasks;\nusing Contoso.Gcore;\n\n" + body;

    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    public static Task AnalyzerAsync(Spec spec, string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { TestCode = source };
        AddGenerated(test.TestState, spec);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static Task CodeFixAsync<TCodeFix>(Spec spec, string source, string fixedSource, params DiagnosticResult[] expected)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CodeFixTest<TCodeFix> { TestCode = source, FixedCode = fixedSource };
        AddGenerated(test.TestState, spec);
        if (GeneratedApi.InSource(spec))
            AddGenerated(test.FixedState, spec); // references are inherited by the fixed state; sources are not
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Asserts that no fix is offered for the diagnostics in <paramref name="source"/>.</summary>
    public static Task NoCodeFixAsync<TCodeFix>(Spec spec, string source, params DiagnosticResult[] expected)
        where TCodeFix : CodeFixProvider, new() => CodeFixAsync<TCodeFix>(spec, source, source, expected);

    private static void AddGenerated(SolutionState state, Spec spec)
    {
        if (!GeneratedApi.InSource(spec))
        {
            state.AdditionalReferences.Add(GeneratedApi.Reference(spec));
            return;
        }

        foreach (var (name, text) in GeneratedApi.Sources(spec))
            state.Sources.Add((name, text));
    }

    private static Solution Configure(Solution solution, ProjectId projectId)
    {
        var project = solution.GetProject(projectId)!;
        var parse = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.CSharp12);
        var options = ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable);
        return solution.WithProjectParseOptions(projectId, parse).WithProjectCompilationOptions(projectId, options);
    }

    private sealed class AnalyzerTest : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public AnalyzerTest()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            SolutionTransforms.Add(Configure);
        }
    }

    private sealed class CodeFixTest<TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        where TCodeFix : CodeFixProvider, new()
    {
        public CodeFixTest()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            SolutionTransforms.Add(Configure);
        }
    }
}
