using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GcoreCdnGen.AnalyzerTests.Infrastructure;

/// <summary>Which OpenAPI document the generated code under the test comes from, and how the test code sees it.</summary>
public enum Spec
{
    /// <summary>spec/gcore-origin-groups.yaml, the repo's own document; the generated code in a referenced assembly.</summary>
    Ours,

    /// <summary>Gcore's published cdn_api.yaml (../shared beside the repo), filtered with Tags="Origins"; in a referenced assembly.</summary>
    Gcore,

    /// <summary>Our document, the generated code in the same compilation as the test code: what a consumer's build has.</summary>
    OursInSource,

    /// <summary>Gcore's document, the generated code in the same compilation as the test code.</summary>
    GcoreInSource,

    /// <summary>
    /// Our document in a project that references Microsoft.Extensions.Http, so the generator adds the dependency-injection
    /// registration; the generated code in the same compilation as the test code (see <see cref="ResilienceProject"/>).
    /// </summary>
    OursWithDependencyInjection,

    /// <summary>A small document of the tests' own (<see cref="GeneratedApi.CustomSpec"/>) with what Gcore's lacks: deprecated operations, parameters and enums, patterns.</summary>
    Custom,
}

/// <summary>
/// The sources the real generator makes for a spec, as a consumer's build would get them (namespace
/// <see cref="Namespace"/>). Each spec is generated once per test run.
/// </summary>
public static class GeneratedApi
{
    public const string Namespace = "Contoso.Gcore";

    /// <summary>What Gcore's document does not have, to show the rules are driven by the spec: deprecated operation, parameter and enum; pattern, lengths, ranges.</summary>
    public const string CustomSpec = """
        openapi: 3.0.3
        info:
          title: Custom
          version: '1'
        paths:
          /items:
            get:
              operationId: list-items
              parameters:
              - name: limit
                in: query
                schema:
                  type: integer
                  minimum: 1
                  maximum: 50
              - name: page
                in: query
                deprecated: true
                description: '**Deprecated.** Use limit instead.'
                schema:
                  type: integer
              - name: code
                in: query
                schema:
                  type: string
                  minLength: 2
                  maxLength: 4
                  pattern: '^[A-Z]+$'
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          $ref: '#/components/schemas/Item'
            post:
              operationId: create-item
              deprecated: true
              description: '**Deprecated.** Use the bulk endpoint instead.'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewItem'
              responses:
                '201':
                  description: created
        components:
          schemas:
            Item:
              type: object
              properties:
                id:
                  type: integer
            NewItem:
              type: object
              required:
              - name
              - legacy
              properties:
                legacy:
                  type: string
                  deprecated: true
                  description: '**Deprecated.** Ignored by the server.'
                old:
                  type: string
                  deprecated: true
                name:
                  type: string
                  minLength: 2
                  maxLength: 10
                  pattern: '^[a-z]+$'
                size:
                  type: integer
                  minimum: 1
                  maximum: 100
                color:
                  $ref: '#/components/schemas/Color'
                shade:
                  $ref: '#/components/schemas/Shade'
            Color:
              type: string
              enum:
              - red
              - green
            Shade:
              type: string
              enum:
              - light
              - dark
              deprecated: true
              description: '**Deprecated.** Use color instead.'
        """;

    private static readonly Lazy<IReadOnlyList<(string Name, SourceText Text)>> OursLazy = new(() => Generate(RepoPaths.OurSpec, File.ReadAllText(RepoPaths.OurSpec), null));
    private static readonly Lazy<IReadOnlyList<(string Name, SourceText Text)>> GcoreLazy = new(() => Generate(RepoPaths.RequireGcoreSpec(), File.ReadAllText(RepoPaths.RequireGcoreSpec()), "Origins"));
    private static readonly Lazy<IReadOnlyList<(string Name, SourceText Text)>> CustomLazy = new(() => Generate("/specs/custom.yaml", CustomSpec, null));
    private static readonly Lazy<IReadOnlyList<(string Name, SourceText Text)>> OursWithDependencyInjectionLazy = new(() =>
        Generate(RepoPaths.OurSpec, File.ReadAllText(RepoPaths.OurSpec), null, HttpClientFactoryReferences()));
    private static readonly Lazy<MetadataReference> CustomReference = new(() => Compile(CustomLazy.Value, "Contoso.Gcore.Custom"));

    private static readonly Lazy<MetadataReference> OursReference = new(() => Compile(OursLazy.Value, "Contoso.Gcore.Ours"));
    private static readonly Lazy<MetadataReference> GcoreReference = new(() => Compile(GcoreLazy.Value, "Contoso.Gcore.FromGcore"));

    public static bool InSource(Spec spec) => spec is Spec.OursInSource or Spec.GcoreInSource or Spec.OursWithDependencyInjection;

    public static IReadOnlyList<(string Name, SourceText Text)> Sources(Spec spec) => spec switch
    {
        Spec.Ours or Spec.OursInSource => OursLazy.Value,
        Spec.OursWithDependencyInjection => OursWithDependencyInjectionLazy.Value,
        Spec.Custom => CustomLazy.Value,
        _ => GcoreLazy.Value,
    };

    /// <summary>The generated code compiled into an assembly that the test code references (fast: compiled once).</summary>
    public static MetadataReference Reference(Spec spec) => spec switch
    {
        Spec.Ours or Spec.OursInSource => OursReference.Value,
        Spec.Custom => CustomReference.Value,
        _ => GcoreReference.Value,
    };

    private static MetadataReference Compile(IReadOnlyList<(string Name, SourceText Text)> sources, string assemblyName)
    {
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        var compilation = CSharpCompilation.Create(
            assemblyName,
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Name)),
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
            throw new InvalidOperationException("The generated code does not compile: " + string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>What the generator looks for to emit the registration: IHttpClientFactory's extensions, IOptions and ILoggerFactory.</summary>
    private static IEnumerable<MetadataReference> HttpClientFactoryReferences() => new[]
    {
        typeof(Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions).Assembly,
        typeof(Microsoft.Extensions.Options.IOptions<>).Assembly,
        typeof(Microsoft.Extensions.Logging.ILoggerFactory).Assembly,
    }.Select(a => MetadataReference.CreateFromFile(a.Location));

    private static IReadOnlyList<(string Name, SourceText Text)> Generate(string path, string text, string? tags, IEnumerable<MetadataReference>? references = null)
    {
        var metadata = new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.GcoreCdnGenSpec"] = "true",
            ["build_metadata.AdditionalFiles.GcoreCdnGenNamespace"] = Namespace,
            ["build_metadata.AdditionalFiles.GcoreCdnGenClientName"] = "GcoreClient",
        };
        if (tags is not null)
            metadata["build_metadata.AdditionalFiles.GcoreCdnGenTags"] = tags;
        var spec = new SpecText(path, text);
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiGenerator().AsSourceGenerator() },
            new AdditionalText[] { spec },
            parseOptions,
            new Options(metadata));
        driver = driver.RunGenerators(CSharpCompilation.Create("Consumer", references: references), CancellationToken.None);
        var result = driver.GetRunResult();
        if (result.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null) is { } exception)
            throw new InvalidOperationException("The generator failed on " + path, exception);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
            throw new InvalidOperationException("The generator reported errors on " + path + ": " + string.Join("; ", errors));
        return result.Results.SelectMany(r => r.GeneratedSources)
            .Select(s => ("/0/Generated/" + s.HintName, s.SourceText))
            .ToList();
    }

    private sealed class SpecText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options(Dictionary<string, string> specMetadata) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(specMetadata);
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

/// <summary>Where the repo's files and the shared inputs are.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string OurSpec => Path.Combine(Root, "spec", "gcore-origin-groups.yaml");

    public static string GcoreSpec => Path.GetFullPath(Path.Combine(Root, "..", "shared", "specs", "gcore", "cdn_api.yaml"));

    public static string RequireGcoreSpec() => File.Exists(GcoreSpec)
        ? GcoreSpec
        : throw new InvalidOperationException("Gcore's CDN document is missing at " + GcoreSpec + "; it lives in ../shared, beside the repo.");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GcoreCdnGen.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("GcoreCdnGen.sln not found above " + AppContext.BaseDirectory);
    }
}
