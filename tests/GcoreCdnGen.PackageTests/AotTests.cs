using System;
using System.IO;
using System.Linq;
using System.Security;
using System.Text.RegularExpressions;
using Xunit;

namespace GcoreCdnGen.PackageTests;

/// <summary>
/// Trim and AOT: a consumer with IsAotCompatible (which turns on the trim, AOT and single-file analyzers) gets no
/// IL2xxx/IL3xxx warning from the generated code, for our spec and for Gcore's whole CDN document.
/// </summary>
public sealed class AotTests : IClassFixture<PackageFixture>
{
    private static readonly Regex TrimOrAotWarning = new(@"\b(IL2\d{3}|IL3\d{3})\b", RegexOptions.Compiled);

    private readonly PackageFixture _package;

    public AotTests(PackageFixture package)
    {
        _package = package;
    }

    [Fact]
    public void AotCompatible_consumer_builds_with_no_trim_or_AOT_warnings()
    {
        Assert.True(_package.Packed, "dotnet pack failed or made no package:" + Environment.NewLine + _package.Pack);
        var gcoreDocument = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "specs", "gcore", "cdn_api.yaml"));
        Assert.True(File.Exists(gcoreDocument), "Gcore's CDN document is missing at " + gcoreDocument + "; it lives in ../shared, beside the repo.");

        var items = $"""
                <OpenApiSpec Include="{SecurityElement.Escape(RepoPaths.OriginGroupsSpec)}" Namespace="Consumer.Origins" ClientName="GcoreClient" Tags="Origins" />
                <OpenApiSpec Include="{SecurityElement.Escape(gcoreDocument)}" Namespace="Consumer.Cdn" ClientName="CdnClient" />
            """;
        const string properties = """
                <IsAotCompatible>true</IsAotCompatible>
                <EnableTrimAnalyzer>true</EnableTrimAnalyzer>
                <EnableAotAnalyzer>true</EnableAotAnalyzer>
                <EnableSingleFileAnalyzer>true</EnableSingleFileAnalyzer>
                <WarningsAsErrors />
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);GCDN101;GCDN103</NoWarn>
            """;
        // The program uses the generated JSON code, and also one reflection-based call, so the test can fail:
        // it shows the analyzers are on. That one warning must come from Program.cs, never from generated code.
        const string program = """
            using Consumer.Origins;

            var group = GcoreJson.Deserialize(
                "{\"id\": 1, \"name\": \"g\", \"sources\": [{\"source\": \"a.com\"}, {\"origin_type\": \"gcs\", \"config\": {}}]}",
                OriginGroup.ReadJson);
            Console.WriteLine(GcoreJson.Serialize(group, static (w, g) => g.WriteJson(w)));
            Console.WriteLine(typeof(Consumer.Cdn.CdnClient).Name);
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new object()).Length);

            """;
        var consumer = Consumer.Create(_package, items, program, properties, sdkPackagesFromNuGet: true);

        // Gcore's whole document makes this the largest consumer build: give it room on a busy two-core machine.
        var build = consumer.Build(TimeSpan.FromMinutes(20));

        Assert.True(build.ExitCode == 0, build.ToString());
        var warnings = (build.StdOut + "\n" + build.StdErr).Split('\n')
            .Where(l => TrimOrAotWarning.IsMatch(l))
            .Select(l => l.Trim())
            .Distinct()
            .ToList();
        Assert.Contains(warnings, l => l.Contains("Program.cs", StringComparison.Ordinal) && l.Contains("IL2026", StringComparison.Ordinal));
        var fromGenerated = warnings.Where(l => !l.Contains("Program.cs", StringComparison.Ordinal)).ToList();
        Assert.True(fromGenerated.Count == 0, "trim/AOT warnings outside Program.cs:" + Environment.NewLine + string.Join(Environment.NewLine, fromGenerated));

        var run = consumer.RunProgram();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("\"origin_type\":\"gcs\"", run.StdOut, StringComparison.Ordinal);
    }
}
