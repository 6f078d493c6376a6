using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GcoreCdnGen.Tests.TestInfrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>
/// <c>AddGcoreClient</c> is emitted only when the consumer's compilation references Microsoft.Extensions.Http (found by
/// a type in it), and then compiles cleanly on net8.0 (C# 12) and net10.0. The references come from the NuGet package
/// this test project restores (Microsoft.Extensions.Http and its dependencies).
/// </summary>
public class DependencyInjectionTests
{
    private const string PackageVersion = "10.0.12";

    private const string Registration = """
        using System;
        using Microsoft.Extensions.DependencyInjection;
        using Test.Gcore;

        public static class Registration
        {
            public static IHttpClientBuilder Register(IServiceCollection services) =>
                services.AddGcoreClient(o =>
                {
                    o.ApiKey = "key";
                    o.BaseUrl = new Uri("http://127.0.0.1:1/");
                    o.MaxRetries = 3;
                    o.DefaultHeaders["X-Team"] = "cdn";
                });

            public static IHttpClientBuilder RegisterWithoutOptions(IServiceCollection services) => services.AddGcoreClient();
        }
        """;

    /// <summary>The assemblies of Microsoft.Extensions.Http and the packages its public surface needs, for one target framework.</summary>
    private static IEnumerable<MetadataReference> ExtensionsReferences(TargetFramework framework) => PackageReferences(framework,
        "Microsoft.Extensions.Http", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Options",
        "Microsoft.Extensions.Primitives", "Microsoft.Extensions.Logging.Abstractions");

    /// <summary>The assemblies of <paramref name="packages"/>, as restored for this test project, for one target framework.</summary>
    private static IEnumerable<MetadataReference> PackageReferences(TargetFramework framework, params string[] packages)
    {
        string root = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string tfm = framework == TargetFramework.Net80 ? "net8.0" : "net10.0";
        foreach (var package in packages)
        {
            string path = Path.Combine(root, package.ToLowerInvariant(), PackageVersion, "lib", tfm, package + ".dll");
            Assert.True(File.Exists(path), "not restored: " + path);
            yield return MetadataReference.CreateFromFile(path);
        }
    }

    private static GeneratorRun RunWithExtensions(TargetFramework framework, string userCode, params SpecItem[] specs) =>
        RunWith(ExtensionsReferences(framework), framework, userCode, specs);

    private static GeneratorRun RunWith(IEnumerable<MetadataReference> references, TargetFramework framework, string userCode, params SpecItem[] specs)
    {
        var plain = GeneratorRunner.Run(specs, "", framework);
        // Same run, but with the extension assemblies referenced: add them to the input compilation and run again.
        var compilation = ((CSharpCompilation)plain.OutputCompilation)
            .RemoveAllSyntaxTrees()
            .AddReferences(references)
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(userCode, new CSharpParseOptions(framework == TargetFramework.Net80 ? LanguageVersion.CSharp12 : LanguageVersion.Latest), "User.cs"));
        var driver = plain.Driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, diagnostics, driver);
    }

    [Fact]
    public void Without_Microsoft_Extensions_Http_no_extension_is_emitted()
    {
        var run = GeneratorRunner.Run(SpecItem.FromFile(Paths.OurSpec), UserCode.OriginGroups);

        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems()));
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("DependencyInjection", StringComparison.Ordinal));
        Assert.Null(run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.GcoreClientServiceCollectionExtensions"));
    }

    [Theory]
    [InlineData(TargetFramework.Net80)]
    [InlineData(TargetFramework.Net100)]
    public void With_Microsoft_Extensions_Http_AddGcoreClient_is_emitted_and_compiles(TargetFramework framework)
    {
        var run = RunWithExtensions(framework, Registration, SpecItem.FromFile(Paths.OurSpec));

        Assert.Null(run.Exception);
        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems()));
        Assert.Contains(run.Sources, s => s.HintName == "Test.Gcore.gcore-origin-groups.GcoreClient.DependencyInjection.g.cs");
        var extensions = run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.GcoreClientServiceCollectionExtensions");
        Assert.NotNull(extensions);
        var method = Assert.Single(extensions!.GetMembers("AddGcoreClient").OfType<IMethodSymbol>());
        Assert.True(method.IsExtensionMethod);
        Assert.Equal("Microsoft.Extensions.DependencyInjection.IHttpClientBuilder", method.ReturnType.ToDisplayString());
    }

    [Fact]
    public void The_extension_is_named_after_the_client_and_lives_in_the_specs_namespace()
    {
        var text = File.ReadAllText(Paths.OurSpec);
        const string user = """
            using Microsoft.Extensions.DependencyInjection;

            public static class Registration
            {
                public static void Register(IServiceCollection services)
                {
                    First.Api.FirstClientServiceCollectionExtensions.AddFirstClient(services, o => o.MaxRetries = 0);
                    Second.Api.GcoreClientServiceCollectionExtensions.AddGcoreClient(services);
                }
            }
            """;

        var run = RunWithExtensions(TargetFramework.Net100, user,
            new SpecItem("/specs/a.yaml", text, "First.Api", "FirstClient"),
            new SpecItem("/specs/b.yaml", text, "Second.Api"));

        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems()));
        Assert.Equal(2, run.Sources.Count(s => s.HintName.EndsWith(".DependencyInjection.g.cs", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_unrelated_edit_reuses_the_extension_and_holds_no_compilation()
    {
        var spec = SpecItem.FromFile(Paths.OurSpec);
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        Compilation compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(Registration, parse, "User.cs") },
            Basic.Reference.Assemblies.Net100.References.All.Concat(ExtensionsReferences(TargetFramework.Net100)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiGenerator().AsSourceGenerator() },
            new[] { new GeneratorRunner.InMemoryAdditionalText(spec.Path, spec.Text) },
            parse,
            new GeneratorRunner.OptionsProvider(new[] { spec }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        Assert.Contains(driver.GetRunResult().Results.Single().GeneratedSources, s => s.HintName.EndsWith(".DependencyInjection.g.cs", StringComparison.Ordinal));

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", parse, "Unrelated.cs")));
        var result = driver.GetRunResult().Results.Single();

        var detection = result.TrackedSteps[TrackingNames.HttpClientFactory].SelectMany(s => s.Outputs).ToList();
        Assert.All(detection, o => Assert.Equal(true, o.Value));
        Assert.All(detection, o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, o.Reason.ToString()));
        var emitted = result.TrackedSteps[TrackingNames.DependencyInjection].SelectMany(s => s.Outputs).ToList();
        Assert.Single(emitted);
        Assert.All(emitted, o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, o.Reason.ToString()));
        Assert.IsNotAssignableFrom<Compilation>(emitted[0].Value);
        Assert.Contains(result.GeneratedSources, s => s.HintName.EndsWith(".DependencyInjection.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Gcores_document_gets_the_extension_too()
    {
        var run = RunWithExtensions(TargetFramework.Net100, Registration, SpecItem.FromFile(Paths.RequireGcoreSpec(), tags: "Origins"));

        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems()));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.GcoreClientServiceCollectionExtensions"));
    }

    [Fact]
    public void Without_Microsoft_Extensions_Logging_the_runtime_compiles_and_has_no_logger_option()
    {
        var run = GeneratorRunner.Run(SpecItem.FromFile(Paths.OurSpec), UserCode.OriginGroups);

        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems()));
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith(".Logging.g.cs", StringComparison.Ordinal));
        var options = run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.GcoreClientOptions");
        Assert.NotNull(options);
        Assert.Empty(options!.GetMembers("LoggerFactory"));
        Assert.Single(options.GetMembers("LogBodies"));
    }

    [Theory]
    [InlineData(TargetFramework.Net80)]
    [InlineData(TargetFramework.Net100)]
    public void With_only_Logging_Abstractions_the_logger_bridge_is_emitted_and_compiles(TargetFramework framework)
    {
        const string user = """
            using Microsoft.Extensions.Logging;
            using Test.Gcore;

            public static class Configure
            {
                public static GcoreClient Create(ILoggerFactory loggerFactory) =>
                    new GcoreClient(new GcoreClientOptions { LoggerFactory = loggerFactory, LogBodies = true });
            }
            """;

        var run = RunWith(PackageReferences(framework, "Microsoft.Extensions.Logging.Abstractions"), framework, user, SpecItem.FromFile(Paths.OurSpec));

        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems()));
        Assert.Contains(run.Sources, s => s.HintName == "Test.Gcore.gcore-origin-groups.GcoreClient.Logging.g.cs");
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith(".DependencyInjection.g.cs", StringComparison.Ordinal));
        var property = Assert.Single(run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.GcoreClientOptions")!.GetMembers("LoggerFactory").OfType<IPropertySymbol>());
        Assert.Equal("Microsoft.Extensions.Logging.ILoggerFactory?", property.Type.ToDisplayString());
    }
}
