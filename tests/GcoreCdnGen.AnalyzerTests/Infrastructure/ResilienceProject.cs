using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GcoreCdnGen.AnalyzerTests.Infrastructure;

/// <summary>
/// A consumer project as an ASP.NET Core app has it: .NET 10, Microsoft.Extensions.Http and
/// Microsoft.Extensions.Http.Resilience (the assemblies restored beside the tests), the generated client with its
/// dependency-injection registration in the same compilation, and the user's code. Runs one analyzer and its fix.
/// Markup in the user's code: <c>[|text|]</c> marks where a diagnostic is expected.
/// </summary>
public static class ResilienceProject
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
                .Where(f => Path.GetFileName(f).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("Polly", StringComparison.Ordinal))
                .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)))
            .ToImmutableArray());

    /// <summary>Asserts the analyzer reports exactly at the marked spans, each with the expected message.</summary>
    public static async Task AnalyzerAsync(DiagnosticAnalyzer analyzer, string markedCode, params string[] messages)
    {
        var (code, spans) = Unmark(markedCode);
        var diagnostics = await DiagnosticsAsync(Document(code), analyzer);
        Xunit.Assert.Equal(spans, diagnostics.Select(d => d.Location.SourceSpan).ToList());
        Xunit.Assert.Equal(messages, diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList());
    }

    /// <summary>Applies the fix's first action to the first diagnostic and asserts the result; the fixed code has no diagnostic left.</summary>
    public static async Task CodeFixAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fix, string markedCode, string expected)
    {
        var (code, spans) = Unmark(markedCode);
        var document = Document(code);
        var diagnostics = await DiagnosticsAsync(document, analyzer);
        Xunit.Assert.Equal(spans, diagnostics.Select(d => d.Location.SourceSpan).ToList());

        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostics[0], (action, _) => actions.Add(action), CancellationToken.None));
        var action = Xunit.Assert.Single(actions);
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var fixedDocument = solution.GetDocument(document.Id)!;
        var text = (await fixedDocument.GetTextAsync()).ToString();
        Xunit.Assert.Equal(expected.ReplaceLineEndings("\n"), text.ReplaceLineEndings("\n"));
        Xunit.Assert.Empty(await DiagnosticsAsync(fixedDocument, analyzer));
    }

    private static Document Document(string code)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Consumer", "Consumer", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: References.Value));
        foreach (var (name, text) in GeneratedApi.Sources(Spec.OursWithDependencyInjection))
            project = project.AddDocument(name, text, filePath: name).Project;
        return project.AddDocument("Code.cs", SourceText.From(code), filePath: "/user/Code.cs");
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document, DiagnosticAnalyzer analyzer)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Xunit.Assert.True(errors.Count == 0, "the test code does not compile:\n" + string.Join("\n", errors.Take(10)));
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAllDiagnosticsAsync();
        Xunit.Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Where(d => d.Id.StartsWith("GCDN", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    private static (string Code, List<TextSpan> Spans) Unmark(string marked)
    {
        var spans = new List<TextSpan>();
        var code = new System.Text.StringBuilder();
        int i = 0;
        foreach (Match m in Regex.Matches(marked, @"\[\|(.*?)\|\]", RegexOptions.Singleline))
        {
            code.Append(marked, i, m.Index - i);
            spans.Add(new TextSpan(code.Length, m.Groups[1].Length));
            code.Append(m.Groups[1].Value);
            i = m.Index + m.Length;
        }

        code.Append(marked, i, marked.Length - i);
        return (code.ToString(), spans);
    }
}
