using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security;
using Xunit;

namespace GcoreCdnGen.PackageTests;

/// <summary>The NuGet package as a user gets it: from a feed, into a project that knows nothing of this repo.</summary>
public sealed class PackageTests : IClassFixture<PackageFixture>
{
    private readonly PackageFixture _package;

    public PackageTests(PackageFixture package)
    {
        _package = package;
    }

    [Fact]
    public void Package_holds_the_analyzers_the_build_files_and_no_dependencies()
    {
        AssertPacked();

        using var zip = ZipFile.OpenRead(_package.PackageFile);
        var entries = zip.Entries
            .Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal)
                && !n.StartsWith("package/", StringComparison.Ordinal)
                && n != "[Content_Types].xml")
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();

        var expected = new[]
        {
            "analyzers/dotnet/cs/GcoreCdnGen.CodeFixes.dll",
            "analyzers/dotnet/cs/GcoreCdnGen.dll",
            "analyzers/dotnet/cs/Microsoft.OpenApi.YamlReader.dll",
            "analyzers/dotnet/cs/Microsoft.OpenApi.dll",
            "analyzers/dotnet/cs/SharpYaml.dll",
            "build/GcoreCdnGen.props",
            "build/GcoreCdnGen.targets",
            "buildTransitive/GcoreCdnGen.props",
            "buildTransitive/GcoreCdnGen.targets",
            "GcoreCdnGen.nuspec",
        }.ToList();
        if (File.Exists(Path.Combine(RepoPaths.Root, "README.md")))
        {
            expected.Add("README.md");
        }

        Assert.Equal(expected.OrderBy(n => n, StringComparer.Ordinal), entries);

        using var nuspecReader = new StreamReader(zip.GetEntry("GcoreCdnGen.nuspec")!.Open());
        var nuspec = nuspecReader.ReadToEnd();
        Assert.DoesNotContain("<dependency", nuspec, StringComparison.Ordinal);
        Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec, StringComparison.Ordinal);
        Assert.Contains($"<version>{_package.Version}</version>", nuspec, StringComparison.Ordinal);
    }

    [Fact]
    public void Consumer_with_an_OpenApiSpec_item_builds_and_runs_the_generated_client()
    {
        AssertPacked();

        var items = $"""    <OpenApiSpec Include="{SecurityElement.Escape(RepoPaths.OriginGroupsSpec)}" Namespace="Consumer.Gcore" ClientName="GcoreClient" Tags="Elsewhere;Origins" Paths="/cdn/elsewhere;/cdn/origin_groups" />""";
        const string program = """
            var client = new Consumer.Gcore.GcoreClient(new Consumer.Gcore.GcoreClientOptions
            {
                ApiKey = "k",
                BaseUrl = new Uri("http://127.0.0.1:1/"),
            });
            var request = new Consumer.Gcore.OriginGroupCreateParams
            {
                Name = "x",
                Sources = [new Consumer.Gcore.HostSource { Source = "example.com" }],
            };
            GC.KeepAlive(client);
            Console.WriteLine(typeof(Consumer.Gcore.GcoreClient).FullName);
            Console.WriteLine(request.Name);

            """;
        var consumer = Consumer.Create(_package, items, program);

        var build = consumer.Build();
        AssertCleanBuild(build);

        // The OpenApiSpec item reached the generator as AdditionalFiles metadata.
        var editorConfig = File.ReadAllText(consumer.EditorConfigFile);
        Assert.Contains("build_metadata.AdditionalFiles.GcoreCdnGenSpec = true", editorConfig, StringComparison.Ordinal);
        Assert.Contains("build_metadata.AdditionalFiles.GcoreCdnGenNamespace = Consumer.Gcore", editorConfig, StringComparison.Ordinal);
        Assert.Contains("build_metadata.AdditionalFiles.GcoreCdnGenClientName = GcoreClient", editorConfig, StringComparison.Ordinal);
        // ';'-separated lists as the README writes them: every entry counts, not only the first (the build would fail
        // with GCDN105, no operations, if only "Elsewhere" or "/cdn/elsewhere" reached the generator).
        Assert.Contains("build_metadata.AdditionalFiles.GcoreCdnGenTags = Elsewhere,Origins", editorConfig, StringComparison.Ordinal);
        Assert.Contains("build_metadata.AdditionalFiles.GcoreCdnGenPaths = /cdn/elsewhere,/cdn/origin_groups", editorConfig, StringComparison.Ordinal);
        Assert.Contains("build_property.RootNamespace = Consumer", editorConfig, StringComparison.Ordinal);

        var run = consumer.RunProgram();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["Consumer.Gcore.GcoreClient", "x"], Lines(run.StdOut));
    }

    [Fact]
    public void Consumer_without_an_OpenApiSpec_item_builds_and_the_generator_stays_silent()
    {
        AssertPacked();

        var consumer = Consumer.Create(_package, items: string.Empty, program: "Console.WriteLine(\"no spec\");\n");

        var build = consumer.Build();
        AssertCleanBuild(build);
        Assert.DoesNotContain("GcoreCdnGenSpec", File.ReadAllText(consumer.EditorConfigFile), StringComparison.Ordinal);

        var run = consumer.RunProgram();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["no spec"], Lines(run.StdOut));
    }

    private void AssertPacked() => Assert.True(_package.Packed, "dotnet pack failed or made no package:" + Environment.NewLine + _package.Pack);

    private static void AssertCleanBuild(CliResult build)
    {
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(build.StdOut.Contains("0 Warning(s)", StringComparison.Ordinal), "the build has warnings:" + Environment.NewLine + build);
        Assert.True(build.StdOut.Contains("0 Error(s)", StringComparison.Ordinal), build.ToString());
    }

    private static string[] Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
}
