using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GcoreCdnGen.AnalyzerTests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace GcoreCdnGen.AnalyzerTests;

/// <summary>
/// The analyzers' verdict on the shared table of issue 15 (tests/Shared/RuleTable.cs): the table is compiled as user
/// code beside the generated API, every analyzer runs, and each diagnostic counts for the row whose request holds it.
/// The client tests hold Validate() and the ValidateRequests option to the same rows.
/// </summary>
public class RuleTableTests
{
    private static readonly string[] Rules = { "GCDN001", "GCDN003", "GCDN004", "GCDN005", "GCDN006" };

    private static readonly string TablePath = Path.Combine(RepoPaths.Root, "tests", "Shared", "RuleTable.cs");

    private static readonly Lazy<IReadOnlyList<Row>> Table = new(ReadRows);

    private static readonly Lazy<Task<Dictionary<string, string>>> AnalyzerVerdicts = new(AnalyzeAsync);

    public static IEnumerable<object[]> Names => Table.Value.Select(r => new object[] { r.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Analyzers_reach_the_tables_verdict(string name)
    {
        var row = Table.Value.Single(r => r.Name == name);
        var verdicts = await AnalyzerVerdicts.Value;
        Assert.Equal(row.Expected, verdicts.TryGetValue(name, out var verdict) ? verdict : "");
    }

    [Fact]
    public void The_table_has_rows_for_every_rule_and_accepted_requests()
    {
        var expected = Table.Value.Select(r => r.Expected).ToList();
        Assert.Contains("", expected);
        foreach (var rule in Rules)
            Assert.Contains(expected, v => v.Split(',').Contains(rule));
    }

    private static string Verdict(IEnumerable<string> ids) =>
        string.Join(",", ids.Where(id => Rules.Contains(id)).Distinct().OrderBy(id => id, StringComparer.Ordinal));

    /// <summary>A row: its name, the span of its <c>new(...)</c> in the file, and the rules it lists.</summary>
    private sealed record Row(string Name, Microsoft.CodeAnalysis.Text.TextSpan Span, string Expected);

    private static IReadOnlyList<Row> ReadRows()
    {
        var root = CSharpSyntaxTree.ParseText(File.ReadAllText(TablePath)).GetRoot();
        var cases = root.DescendantNodes().OfType<VariableDeclaratorSyntax>().Single(v => v.Identifier.ValueText == "Cases");
        var rows = new List<Row>();
        foreach (var creation in cases.DescendantNodes().OfType<ImplicitObjectCreationExpressionSyntax>().Where(c => c.Parent is InitializerExpressionSyntax))
        {
            var args = creation.ArgumentList.Arguments;
            string Text(ArgumentSyntax a) => ((LiteralExpressionSyntax)a.Expression).Token.ValueText;
            rows.Add(new Row(Text(args[0]), creation.Span, Verdict(args.Skip(2).Select(Text))));
        }

        Assert.True(rows.Count >= 10, "The table's rows were not found in " + TablePath);
        return rows;
    }

    private static async Task<Dictionary<string, string>> AnalyzeAsync()
    {
        var diagnostics = await Analysis.RunAsync(Spec.OursInSource, new[]
        {
            ("/user/Api.cs", "global using Api = " + GeneratedApi.Namespace + ";"),
            ("/user/RuleTable.cs", File.ReadAllText(TablePath)),
        });
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The table does not compile against the generated API:\n" + Analysis.Describe(errors));

        var found = new Dictionary<string, List<string>>();
        foreach (var d in diagnostics.Where(d => d.Location.SourceTree?.FilePath == "/user/RuleTable.cs" && Rules.Contains(d.Id)))
        {
            var row = Table.Value.SingleOrDefault(r => r.Span.Contains(d.Location.SourceSpan));
            Assert.True(row is not null, "A diagnostic outside every row: " + d);
            (found.TryGetValue(row!.Name, out var ids) ? ids : found[row.Name] = new List<string>()).Add(d.Id);
        }

        return found.ToDictionary(p => p.Key, p => Verdict(p.Value));
    }
}
