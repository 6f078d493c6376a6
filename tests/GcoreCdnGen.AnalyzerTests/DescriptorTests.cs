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
    public void The_IDs_are_GCDN001_to_GCDN007_and_GCDN100_to_GCDN107()
    {
        var ids = All().Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal).ToList();

        Assert.Equal(
            new[] { "GCDN001", "GCDN002", "GCDN003", "GCDN004", "GCDN005", "GCDN006", "GCDN007", "GCDN100", "GCDN101", "GCDN102", "GCDN103", "GCDN104", "GCDN105", "GCDN106", "GCDN107" },
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

    /// <summary>The descriptor's field name: the rule's intent, which the ID constant and the analyzer are named after.</summary>
    private static string IntentOf(string id) =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Single(f => f.FieldType == typeof(DiagnosticDescriptor) && ((DiagnosticDescriptor)f.GetValue(null)!).Id == id).Name;

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_ID_is_a_named_constant_of_RuleIdentifiers_after_the_rule_s_intent(string id)
    {
        var constant = typeof(RuleIdentifiers).GetField(IntentOf(id), BindingFlags.Public | BindingFlags.Static);

        Assert.NotNull(constant);
        Assert.True(constant!.IsLiteral);
        Assert.Equal(id, constant.GetRawConstantValue());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_message_states_the_rule_in_words_and_carries_the_specific_reason(string id)
    {
        string format = All().Single(d => d.Id == id).MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains("{0}", format);
        string words = System.Text.RegularExpressions.Regex.Replace(format, @"\{\d\}", "");
        Assert.True(words.Count(char.IsLetter) >= 10, id + ": the message is only its arguments: " + format);
        Assert.False(format.EndsWith(".", StringComparison.Ordinal), id + ": a message is one sentence without a final period: " + format);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_page_links_the_source_that_reports_the_rule(string id)
    {
        string pageDirectory = Path.Combine(RepoPaths.Root, "docs", "diagnostics");
        string row = File.ReadAllLines(Path.Combine(pageDirectory, id + ".md")).SingleOrDefault(l => l.StartsWith("| Source |", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException(id + ".md has no '| Source |' row");
        var links = System.Text.RegularExpressions.Regex.Matches(row, @"\]\(([^)]+)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        var files = links.Select(l => Path.GetFullPath(Path.Combine(pageDirectory, l))).ToList();
        foreach (var file in files)
            Assert.True(File.Exists(file), id + ".md links " + file + ", which does not exist");

        var descriptor = All().Single(d => d.Id == id);
        if (descriptor.Category == Descriptors.UsageCategory)
        {
            // The analyzer that reports the rule, named after its intent, in a file of its name.
            string name = IntentOf(id) + "Analyzer";
            var analyzer = Assert.Single(Analysis.All(withSuppressor: false), a => a.SupportedDiagnostics.Any(d => d.Id == id));
            Assert.Equal(name, analyzer.GetType().Name);
            string file = Assert.Single(files, f => Path.GetFileName(f) == name + ".cs");
            Assert.Contains("class " + name + " ", File.ReadAllText(file));
        }
        else
        {
            // The generator reports spec rules by kind: every file linked reports this kind.
            var kind = Enum.GetValues<Model.SpecDiagnosticKind>().Single(k => Descriptors.For(k).Id == id);
            foreach (var file in files)
                Assert.Contains("SpecDiagnosticKind." + kind, File.ReadAllText(file));
        }
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
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<Analyzers.RejectedOriginSourceAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            TestCode = Verify<Analyzers.RejectedOriginSourceAnalyzer>.Code("""
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
