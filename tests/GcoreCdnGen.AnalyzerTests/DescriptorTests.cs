using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using GcoreCdnGen.AnalyzerTests.Infrastructure;
using GcoreCdnGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace GcoreCdnGen.AnalyzerTests;

/// <summary>The quality bar of every diagnostic ID: category, title, message, help page, release entry, README line.</summary>
public class DescriptorTests
{
    public static IEnumerable<DiagnosticDescriptor> All() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    public static TheoryData<string> Ids() => new(All().Select(d => d.Id));

    [Fact]
    public void The_IDs_are_GCDN001_to_GCDN006_and_GCDN100_to_GCDN107()
    {
        var ids = All().Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal).ToList();

        Assert.Equal(
            new[] { "GCDN001", "GCDN002", "GCDN003", "GCDN004", "GCDN005", "GCDN006", "GCDN100", "GCDN101", "GCDN102", "GCDN103", "GCDN104", "GCDN105", "GCDN106", "GCDN107" },
            ids);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_ID_has_a_category_title_message_help_page_and_release_entry(string id)
    {
        var descriptor = All().Single(d => d.Id == id);

        Assert.Contains(descriptor.Category, new[] { Descriptors.UsageCategory, Descriptors.SpecCategory });
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.Equal("https://github.com/gcorecdngen/gcorecdngen/blob/main/docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri);

        string page = Path.Combine(RepoPaths.Root, "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), page + " is missing");
        string text = File.ReadAllText(page);
        Assert.StartsWith("# " + id, text);
        foreach (var section in new[] { "## What", "## Why", "## How to fix", "## Example" })
            Assert.Contains(section, text);

        string releases = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "GcoreCdnGen", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "GcoreCdnGen", "AnalyzerReleases.Shipped.md"));
        Assert.Contains(id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity + " |", releases);

        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        Assert.Contains("| " + id + " |", readme);
    }

    [Fact]
    public void Every_usage_rule_belongs_to_exactly_one_analyzer_and_every_analyzer_only_reports_known_IDs()
    {
        var analyzers = Analysis.All(withSuppressor: false);
        var reported = analyzers.SelectMany(a => a.SupportedDiagnostics).ToList();
        var usage = All().Where(d => d.Category == Descriptors.UsageCategory).ToList();

        Assert.Equal(usage.Select(d => d.Id).OrderBy(i => i), reported.Select(d => d.Id).OrderBy(i => i));
        Assert.All(usage, d => Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity));
    }

    [Fact]
    public async Task Severity_can_be_raised_like_any_warning()
    {
        // What <WarningsAsErrors>GCDN004</WarningsAsErrors> or a severity in a global config does.
        var diagnostics = await Analysis.RunAsync(Spec.OursInSource, """
            using Contoso.Gcore;
            public static class C
            {
                public static object M() => new HostSource { Source = "https://a.example.com" };
            }
            """, specificOptions: new Dictionary<string, ReportDiagnostic> { ["GCDN004"] = ReportDiagnostic.Error });

        var gcdn004 = Assert.Single(diagnostics, d => d.Id == "GCDN004");
        Assert.Equal(DiagnosticSeverity.Error, gcdn004.Severity);
    }

    [Fact]
    public Task A_rule_can_be_turned_off_in_editorconfig()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<Analyzers.SourceAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            TestCode = Verify<Analyzers.SourceAnalyzer>.Code("""
                public static class C
                {
                    public static object M() => new HostSource { Source = "https://a.example.com" };
                }
                """),
            ReferenceAssemblies = Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.Net.Net80,
        };
        test.TestState.AdditionalReferences.Add(GeneratedApi.Reference(Spec.Ours));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\ndotnet_diagnostic.GCDN004.severity = none\n"));
        return test.RunAsync();
    }
}
