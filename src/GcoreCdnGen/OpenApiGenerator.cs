using System.Collections.Immutable;
using System.Linq;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Diagnostics;
using GcoreCdnGen.Emitting;
using GcoreCdnGen.Model;
using GcoreCdnGen.Naming;
using GcoreCdnGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GcoreCdnGen;

/// <summary>
/// The pipeline, wiring only: spec text → <see cref="SpecReader"/> → <see cref="ApiModel"/> → one output per type,
/// one for the client, one for the support code of each namespace, and one for the spec's diagnostics.
/// Every value between the steps is plain equatable data, so an unrelated edit reruns nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => SpecInput.Create(pair.Left, pair.Right, ct))
            .Where(static input => input is not null)
            .WithTrackingName(TrackingNames.Input);

        var results = inputs
            .Select(static (input, ct) => SpecReader.Read(input!, ct))
            .WithTrackingName(TrackingNames.Read);

        var models = results
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!)
            .WithTrackingName(TrackingNames.Model);

        // Diagnostics have their own output, so reporting them never re-emits code.
        context.RegisterSourceOutput(results.Select(static (r, _) => r.Diagnostics).WithTrackingName(TrackingNames.Diagnostics), static (spc, diagnostics) =>
        {
            foreach (var d in diagnostics)
                spc.ReportDiagnostic(d.ToDiagnostic());
        });

        var types = models
            .SelectMany(static (m, _) => m.Types.Select(t => new TypeOutput(m.Options.Namespace, HintNames.Prefix(m.Options), t)))
            .WithTrackingName(TrackingNames.Types);
        context.RegisterSourceOutput(types, static (spc, output) =>
        {
            // One file per type: its declaration, its set tracking and its JSON code together.
            spc.AddSource(HintNames.For(output.HintPrefix, output.Type.Name, ".g.cs"), SourceText.From(ModelEmitter.Emit(output.Namespace, output.Type), System.Text.Encoding.UTF8));
        });

        // The client needs the operations, and the list envelopes for its paging helpers; not the other types.
        var clients = models
            .Select(static (m, _) => m with { Types = m.Types.Where(t => t.Kind == Model.TypeKind.ListEnvelope).ToEquatableArray() })
            .WithTrackingName(TrackingNames.Client);
        context.RegisterSourceOutput(clients, static (spc, model) =>
        {
            spc.AddSource(HintNames.Prefix(model.Options) + model.Options.ClientName + ".g.cs",
                SourceText.From(ClientEmitter.Emit(model), System.Text.Encoding.UTF8));
        });

        // The ILogger bridge only when the consumer references Microsoft.Extensions.Logging.Abstractions: the runtime
        // itself logs through its own sink (GCORE_LOG to standard error needs no package). A bool, like the next one.
        var hasLogging = context.CompilationProvider
            .Select(static (c, _) => c.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILoggerFactory") is not null)
            .WithTrackingName(TrackingNames.LoggingAbstractions);
        var logging = models
            .Select(static (m, _) => new ClientOutput(m.Options.Namespace, HintNames.Prefix(m.Options), m.Options.ClientName))
            .Combine(hasLogging)
            .Where(static pair => pair.Right)
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.Logging);
        context.RegisterSourceOutput(logging, static (spc, output) =>
        {
            spc.AddSource(output.HintPrefix + output.ClientName + ".Logging.g.cs",
                SourceText.From(DiagnosticsEmitter.EmitLogging(output.Namespace, output.ClientName), System.Text.Encoding.UTF8));
        });

        // The DI extension only when the consumer references Microsoft.Extensions.Http (and so Options and Logging,
        // whose factory it hands to the client): a bool taken from the compilation, so the spec pipeline never holds
        // on to a Compilation.
        var hasHttpClientFactory = context.CompilationProvider
            .Select(static (c, _) =>
                c.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions") is not null &&
                c.GetTypeByMetadataName("Microsoft.Extensions.Options.IOptions`1") is not null &&
                c.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILoggerFactory") is not null)
            .WithTrackingName(TrackingNames.HttpClientFactory);
        var dependencyInjection = models
            .Select(static (m, _) => new ClientOutput(m.Options.Namespace, HintNames.Prefix(m.Options), m.Options.ClientName))
            .Combine(hasHttpClientFactory)
            .Where(static pair => pair.Right)
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.DependencyInjection);
        context.RegisterSourceOutput(dependencyInjection, static (spc, output) =>
        {
            spc.AddSource(output.HintPrefix + output.ClientName + ".DependencyInjection.g.cs",
                SourceText.From(ClientEmitter.EmitDependencyInjection(output.Namespace, output.ClientName), System.Text.Encoding.UTF8));
        });

        // The in-memory fake, only for a spec that asks for it (a test project): the whole model, as it mirrors the API.
        var fakes = models
            .Where(static m => m.Options.GenerateFake)
            .WithTrackingName(TrackingNames.Fake);
        context.RegisterSourceOutput(fakes, static (spc, model) =>
        {
            spc.AddSource(HintNames.Prefix(model.Options) + GeneratedNames.FakeType(model.Options.ClientName) + ".g.cs",
                SourceText.From(FakeEmitter.Emit(model), System.Text.Encoding.UTF8));
        });

        var support = models
            .Select(static (m, _) => new SupportOutput(m.Options.Namespace, m.Options.ClientName, m.Options.Path, m.Options.GenerateFake, SecretNames(m)))
            .Collect()
            .WithTrackingName(TrackingNames.Support);
        context.RegisterSourceOutput(support, static (spc, all) => EmitSupport(spc, all));
    }

    private static void EmitSupport(SourceProductionContext spc, ImmutableArray<SupportOutput> all)
    {
        foreach (var group in all.GroupBy(s => s.Namespace).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            var first = group.OrderBy(s => s.Path, System.StringComparer.Ordinal).First();
            foreach (var other in group.Where(s => !ReferenceEquals(s, first)))
            {
                spc.ReportDiagnostic(SpecInput.OptionError(other.Path,
                    "spec '" + System.IO.Path.GetFileName(other.Path) + "' uses namespace '" + other.Namespace + "' like '" +
                    System.IO.Path.GetFileName(first.Path) + "'; give each OpenApiSpec item its own Namespace").ToDiagnostic());
            }

            // The fake's behaviour ships only with a fake, so a production build carries none of it.
            var files = group.Any(s => s.Fake) ? SupportEmitter.Files.Concat(RuntimeSources.FakeFiles) : SupportEmitter.Files;
            foreach (var file in files)
            {
                spc.AddSource(group.Key + "." + System.IO.Path.GetFileNameWithoutExtension(file) + ".g.cs",
                    SourceText.From(SupportEmitter.Emit(file, group.Key, first.ClientName), System.Text.Encoding.UTF8));
            }

            if (first.SecretNames.Count > 0)
            {
                spc.AddSource(group.Key + ".GcoreSchemaSecrets.g.cs",
                    SourceText.From(DiagnosticsEmitter.EmitSecretNames(group.Key, first.SecretNames), System.Text.Encoding.UTF8));
            }
        }
    }

    /// <summary>The JSON names of the spec's secret properties, sorted: what log and error redaction take out.</summary>
    private static EquatableArray<string> SecretNames(ApiModel model) => model.Types
        .SelectMany(t => t.Properties)
        .Where(p => p.Secret)
        .Select(p => p.JsonName)
        .Distinct()
        .OrderBy(n => n, System.StringComparer.Ordinal)
        .ToEquatableArray();

    private sealed record TypeOutput(string Namespace, string HintPrefix, TypeDef Type);

    private sealed record ClientOutput(string Namespace, string HintPrefix, string ClientName);

    private sealed record SupportOutput(string Namespace, string ClientName, string Path, bool Fake, EquatableArray<string> SecretNames);
}

/// <summary>Names of the pipeline steps, for the incremental tests.</summary>
public static class TrackingNames
{
    public const string Input = nameof(Input);
    public const string Read = nameof(Read);
    public const string Model = nameof(Model);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Types = nameof(Types);
    public const string Client = nameof(Client);
    public const string Support = nameof(Support);
    public const string HttpClientFactory = nameof(HttpClientFactory);
    public const string DependencyInjection = nameof(DependencyInjection);
    public const string Fake = nameof(Fake);
    public const string LoggingAbstractions = nameof(LoggingAbstractions);
    public const string Logging = nameof(Logging);
}
