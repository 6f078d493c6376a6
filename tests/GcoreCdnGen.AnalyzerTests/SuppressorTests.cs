using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GcoreCdnGen.AnalyzerTests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GcoreCdnGen.AnalyzerTests;

/// <summary>
/// A use of something deprecated is reported once: GCDN002 where the compiler would say CS0612/CS0618, and the
/// compiler's warning suppressed — also when warnings are errors.
/// </summary>
public class SuppressorTests
{
    internal const string Uses = """
        #pragma warning disable CS1591 // no documentation needed
        using System;
        using System.Collections.Generic;
        using Contoso.Gcore;
        using LegacyAuth = Contoso.Gcore.Auth;

        /// <summary>Mentions <see cref="Auth"/> and <see cref="OriginGroupCreateParams.AuthType"/> in documentation.</summary>
        public static class Uses
        {
            public static object M(OriginGroup response, OriginGroup? maybe, OriginGroupUpdateParams request, Func<OriginGroup, string?> pick)
            {
                var create = new OriginGroupCreateParams { Name = "a", Sources = [], AuthType = "none" };
                var change = request with { Path = "" };
                string? type = response.AuthType;
                string? path = maybe?.Path;
                Auth? nothing = null;
                LegacyAuth? aliased = null;
                Contoso.Gcore.Auth? qualified = default(Auth);
                var list = new List<Auth>();
                request.Path = "";
                bool matches = response is { AuthType: "none" } || maybe?.Auth is Auth;
                string name = nameof(OriginGroupCreateParams.AuthType) + nameof(Auth);
                Func<OriginGroup, string?> lambda = r => r.AuthType;
                string? Local(OriginGroup r) => r.Path;
                return (create, change, type, path, nothing, aliased, qualified, list, matches, name, lambda, Local(response), typeof(Auth), pick(response));
            }

            [Obsolete("Reads the legacy fields on purpose.")]
            public static string? InADeprecatedMethod(OriginGroup response) => response.AuthType + response.Path + typeof(Auth);
        }
        """;

    [Theory]
    [InlineData(Spec.OursInSource)]
    [InlineData(Spec.GcoreInSource)]
    public async Task GCDN002_is_reported_exactly_where_the_compiler_reports_CS0618(Spec spec)
    {
        var diagnostics = await Analysis.RunAsync(spec, Uses, withSuppressor: false);
        var user = diagnostics.Where(Analysis.InUserCode).ToList();

        var obsolete = user.Where(d => d.Id is "CS0612" or "CS0618").Select(d => d.Location.SourceSpan).ToList();
        var gcdn002 = user.Where(d => d.Id == "GCDN002").Select(d => d.Location.SourceSpan).ToList();

        // The compiler reports on `x.Name` or `Name?` (sometimes both `Name` and `Name?`), GCDN002 on the name: each
        // compiler report covers one GCDN002, and each GCDN002 lies in a compiler report.
        Assert.True(gcdn002.Count >= 15, Analysis.Describe(user));
        Assert.Equal(gcdn002.Count, gcdn002.Distinct().Count());
        Assert.All(obsolete, o => Assert.Single(gcdn002, g => o.Contains(g)));
        Assert.All(gcdn002, g => Assert.Contains(obsolete, o => o.Contains(g)));
    }

    [Theory]
    [InlineData(Spec.OursInSource)]
    [InlineData(Spec.GcoreInSource)]
    public async Task With_warnings_as_errors_each_use_is_one_GCDN002_and_no_CS0618(Spec spec)
    {
        var diagnostics = await Analysis.RunAsync(spec, Uses, withSuppressor: true, warningsAsErrors: true);
        var effective = diagnostics.Where(d => !d.IsSuppressed).ToList();
        var user = effective.Where(Analysis.InUserCode).ToList();
        var suppressed = diagnostics.Where(d => d.IsSuppressed && Analysis.InUserCode(d) && d.Id is "CS0612" or "CS0618").ToList();

        Assert.DoesNotContain(effective, d => d.Id is "CS0612" or "CS0618");
        Assert.All(user, d => Assert.Equal("GCDN002", d.Id));
        Assert.All(user, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.True(user.Count >= 15, Analysis.Describe(user));
        Assert.All(suppressed, d => Assert.Single(user, g => d.Location.SourceSpan.Contains(g.Location.SourceSpan)));
        Assert.All(user, g => Assert.Contains(suppressed, d => d.Location.SourceSpan.Contains(g.Location.SourceSpan)));
        Assert.DoesNotContain(effective, d => !Analysis.InUserCode(d) && d.Id is "CS0612" or "CS0618" or "GCDN002");
    }

    [Fact]
    public async Task Obsolete_members_that_are_not_generated_keep_their_CS0618()
    {
        var diagnostics = await Analysis.RunAsync(Spec.OursInSource, """
            using System;
            public static class Mine
            {
                [Obsolete("Use New instead.")]
                public static int Old() => 1;

                public static int M() => Old();
            }
            """);

        var cs0618 = Assert.Single(diagnostics, d => d.Id == "CS0618" && Analysis.InUserCode(d));
        Assert.False(cs0618.IsSuppressed);
        Assert.DoesNotContain(diagnostics, d => d.Id == "GCDN002");
    }

    [Fact]
    public async Task GCDN002_turned_off_by_NoWarn_leaves_the_compilers_CS0618()
    {
        var off = new Dictionary<string, ReportDiagnostic> { ["GCDN002"] = ReportDiagnostic.Suppress };
        var diagnostics = await Analysis.RunAsync(Spec.OursInSource, Uses, specificOptions: off);

        AssertCompilerKeepsItsWarnings(diagnostics);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GCDN002_turned_off_in_an_editorconfig_or_a_global_config_leaves_the_compilers_CS0618(bool global)
    {
        var diagnostics = await Analysis.RunAsync(Spec.OursInSource, Uses, treeOptions: new SeverityNone("GCDN002", global));

        AssertCompilerKeepsItsWarnings(diagnostics);
    }

    [Fact]
    public async Task A_pragma_that_disables_GCDN002_leaves_the_compilers_CS0618_until_it_is_restored()
    {
        var diagnostics = await Analysis.RunAsync(Spec.OursInSource, """
            using Contoso.Gcore;
            public static class Pragmas
            {
            #pragma warning disable GCDN002
                public static string? Off(OriginGroup response) => response.AuthType;
            #pragma warning restore GCDN002
                public static string? On(OriginGroup response) => response.AuthType;
            }
            """);
        var obsolete = diagnostics.Where(d => Analysis.InUserCode(d) && d.Id is "CS0612" or "CS0618").OrderBy(d => d.Location.SourceSpan.Start).ToList();

        Assert.Equal(2, obsolete.Count);
        Assert.False(obsolete[0].IsSuppressed, "GCDN002 is disabled here, so the compiler's warning must stay");
        Assert.True(obsolete[1].IsSuppressed, "GCDN002 reports this one");
        Assert.Single(diagnostics, d => d.Id == "GCDN002" && !d.IsSuppressed);
    }

    private static void AssertCompilerKeepsItsWarnings(IEnumerable<Diagnostic> diagnostics)
    {
        var user = diagnostics.Where(Analysis.InUserCode).ToList();
        var obsolete = user.Where(d => d.Id is "CS0612" or "CS0618").ToList();
        Assert.True(obsolete.Count >= 15, Analysis.Describe(user));
        Assert.All(obsolete, d => Assert.False(d.IsSuppressed, d.ToString()));
        Assert.DoesNotContain(user, d => d.Id == "GCDN002" && !d.IsSuppressed);
    }

    /// <summary>What the compiler hands on from <c>dotnet_diagnostic.ID.severity = none</c> in an .editorconfig (per file) or a global config.</summary>
    private sealed class SeverityNone(string id, bool global) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Suppress;
            return !global && diagnosticId == id;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Suppress;
            return global && diagnosticId == id;
        }
    }
}
