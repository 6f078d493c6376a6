using System.Linq;
using GcoreCdnGen.Tests.TestInfrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>Swapping the spec for another version regenerates cleanly, in the same driver, like an IDE session.</summary>
public class RegenerationTests
{
    [Fact]
    public void SwappingSpecVersions_AddsAndRemovesFields_AndEnumValues()
    {
        string v1 = System.IO.File.ReadAllText(Paths.OurSpec).Replace("\r\n", "\n");
        // Version 2: S3Config gains 's3_endpoint_style', FastedgeConfig loses nothing but the host source loses
        // 'host_header_override' in requests, and origin_type gains 'lambda'.
        string v2 = v1
            .Replace("        s3_auth_type:\n", "        s3_endpoint_style:\n          type: string\n          description: Added in version 2.\n        s3_auth_type:\n")
            .Replace("      - host\n      - s3\n      - fastedge\n", "      - host\n      - s3\n      - fastedge\n      - lambda\n");
        Assert.NotEqual(v1, v2);
        Assert.Contains("s3_endpoint_style", v2);
        Assert.Contains("- lambda", v2);
        string v2WithoutTag = RemoveProperty(v2, "ChangeHostSource", "host_header_override");

        var original = new GeneratorRunner.InMemoryAdditionalText("/specs/origins.yaml", v1);
        var items = new[] { new SpecItem("/specs/origins.yaml", v1) };
        var compilation = CSharpCompilation.Create("Consumer", null, Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiGenerator().AsSourceGenerator() }, new[] { original },
            new CSharpParseOptions(LanguageVersion.Latest), new GeneratorRunner.OptionsProvider(items));

        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var first, out _);
        var s3Config = first.GetTypeByMetadataName("Test.Gcore.S3Config")!;
        Assert.Empty(s3Config.GetMembers("S3EndpointStyle"));
        Assert.NotEmpty(first.GetTypeByMetadataName("Test.Gcore.Source")!.GetMembers("HostHeaderOverride"));

        driver = driver.ReplaceAdditionalText(original, new GeneratorRunner.InMemoryAdditionalText("/specs/origins.yaml", v2WithoutTag));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var second, out var diagnostics);

        Assert.Empty(diagnostics);
        var errors = second.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.NotEmpty(second.GetTypeByMetadataName("Test.Gcore.S3Config")!.GetMembers("S3EndpointStyle"));
        Assert.NotEmpty(second.GetTypeByMetadataName("Test.Gcore.OriginType")!.GetMembers("Lambda"));
        // The request host source no longer shares host_header_override with the other variants, so the base lost it
        // and the response side still has it.
        Assert.Empty(second.GetTypeByMetadataName("Test.Gcore.HostSource")!.GetMembers("HostHeaderOverride"));
        Assert.Empty(second.GetTypeByMetadataName("Test.Gcore.Source")!.GetMembers("HostHeaderOverride"));
        Assert.NotEmpty(second.GetTypeByMetadataName("Test.Gcore.OriginGroupSource")!.GetMembers("HostHeaderOverride"));
    }

    private static string RemoveProperty(string text, string schema, string property)
    {
        var lines = text.Split('\n').ToList();
        int start = lines.FindIndex(l => l == "    " + schema + ":");
        Assert.True(start >= 0, schema);
        int at = lines.FindIndex(start, l => l == "        " + property + ":");
        Assert.True(at > start, property);
        int end = at + 1;
        while (end < lines.Count && lines[end].StartsWith("          ", System.StringComparison.Ordinal))
            end++;
        lines.RemoveRange(at, end - at);
        return string.Join("\n", lines);
    }
}
