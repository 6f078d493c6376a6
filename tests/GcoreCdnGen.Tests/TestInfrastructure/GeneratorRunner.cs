using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GcoreCdnGen.Tests.TestInfrastructure;

public enum TargetFramework
{
    Net80,
    Net100,
}

/// <summary>One OpenApiSpec item as the build would hand it to the compiler.</summary>
public sealed record SpecItem(string Path, string Text, string? Namespace = "Test.Gcore", string? ClientName = null, string? Tags = null, string? Paths = null, string? GenerateFake = null)
{
    public static SpecItem FromFile(string path, string? ns = "Test.Gcore", string? tags = null) => new(path, File.ReadAllText(path), ns, null, tags);
}

/// <summary>The outcome of one generator run plus compilation.</summary>
public sealed record GeneratorRun(
    GeneratorDriverRunResult Result,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    GeneratorDriver Driver)
{
    public IReadOnlyList<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources).ToList();

    /// <summary>Compiler diagnostics of warning level or worse, generator diagnostics included.</summary>
    public IReadOnlyList<Diagnostic> Problems() =>
        OutputCompilation.GetDiagnostics().Concat(GeneratorDiagnostics)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();

    public string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Take(30).Select(d => d.ToString()));

    public Exception? Exception => Result.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
}

/// <summary>Runs <see cref="OpenApiGenerator"/> in-process on specs and user code, like a consumer's build.</summary>
public static class GeneratorRunner
{
    public static GeneratorRun Run(IEnumerable<SpecItem> specs, string userCode = "", TargetFramework framework = TargetFramework.Net100, bool trackSteps = false, bool checkDocs = false, IReadOnlyDictionary<string, string>? buildProperties = null)
    {
        var items = specs.ToList();
        // checkDocs: doc comments are parsed as XML and reported on, as in a project with GenerateDocumentationFile.
        var parseOptions = new CSharpParseOptions(
            framework == TargetFramework.Net80 ? LanguageVersion.CSharp12 : LanguageVersion.Latest,
            checkDocs ? DocumentationMode.Diagnose : DocumentationMode.Parse);
        var trees = string.IsNullOrEmpty(userCode)
            ? Array.Empty<SyntaxTree>()
            : new[] { CSharpSyntaxTree.ParseText(userCode, parseOptions, "User.cs") };
        var compilation = CSharpCompilation.Create(
            "Consumer",
            trees,
            framework == TargetFramework.Net80 ? Net80.References.All : Net100.References.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiGenerator().AsSourceGenerator() },
            items.Select(i => (AdditionalText)new InMemoryAdditionalText(i.Path, i.Text)),
            parseOptions,
            new OptionsProvider(items, buildProperties),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics, CancellationToken.None);
        return new GeneratorRun(driver.GetRunResult(), output, diagnostics, driver);
    }

    public static GeneratorRun Run(SpecItem spec, string userCode = "", TargetFramework framework = TargetFramework.Net100) =>
        Run(new[] { spec }, userCode, framework);

    public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Hands each spec's item metadata to the generator the way the build props do.</summary>
    public sealed class OptionsProvider(IReadOnlyList<SpecItem> items, IReadOnlyDictionary<string, string>? buildProperties = null) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(
            (buildProperties ?? new Dictionary<string, string>()).ToDictionary(p => "build_property." + p.Key, p => p.Value)
                .Append(new KeyValuePair<string, string>("build_property.RootNamespace", "Consumer"))
                .ToDictionary(p => p.Key, p => p.Value));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            var item = items.FirstOrDefault(i => i.Path == textFile.Path);
            if (item is null)
                return Options.Empty;
            var values = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.GcoreCdnGenSpec"] = "true" };
            void Add(string name, string? value)
            {
                if (value is not null)
                    values["build_metadata.AdditionalFiles.GcoreCdnGen" + name] = value;
            }

            Add("Namespace", item.Namespace);
            Add("ClientName", item.ClientName);
            Add("Tags", item.Tags);
            Add("Paths", item.Paths);
            Add("Fake", item.GenerateFake);
            return new Options(values);
        }
    }

    public sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
