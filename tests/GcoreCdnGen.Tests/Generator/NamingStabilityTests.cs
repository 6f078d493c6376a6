using System;
using System.Linq;
using System.Text.Json.Nodes;
using GcoreCdnGen.Tests.TestInfrastructure;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>
/// The public C# surface depends only on the API (paths, methods and the JSON on the wire), never on how Gcore's
/// document words it. Each rewrite keeps the wire contract of cdn_api.yaml and must leave the surface identical.
/// </summary>
public class NamingStabilityTests
{
    private static readonly Lazy<JsonObject> Document = new(() => SpecRewrites.LoadYaml(Paths.RequireGcoreSpec()));
    private static readonly Lazy<string> Baseline = new(() => Surface(Document.Value));

    private static string Surface(JsonObject document)
    {
        var run = GeneratorRunner.Run(new SpecItem("/specs/cdn_api.json", SpecRewrites.Text(document)));
        Assert.Null(run.Exception);
        var errors = run.GeneratorDiagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, run.Describe(errors));
        return PublicSurface.Dump(run.OutputCompilation, "Test.Gcore");
    }

    public static TheoryData<string> Rewrites => new()
    {
        nameof(SpecRewrites.InlineComponents),
        nameof(SpecRewrites.ExtractInlineSchemas),
        nameof(SpecRewrites.RenameComponents),
        nameof(SpecRewrites.StripDocs),
        nameof(SpecRewrites.AddDocs),
        nameof(SpecRewrites.SwapOneOfAnyOf),
        nameof(SpecRewrites.Reorder),
    };

    private static JsonObject Apply(string rewrite, JsonObject document) => rewrite switch
    {
        nameof(SpecRewrites.InlineComponents) => SpecRewrites.InlineComponents(document),
        nameof(SpecRewrites.ExtractInlineSchemas) => SpecRewrites.ExtractInlineSchemas(document),
        nameof(SpecRewrites.RenameComponents) => SpecRewrites.RenameComponents(document),
        nameof(SpecRewrites.StripDocs) => SpecRewrites.StripDocs(document),
        nameof(SpecRewrites.AddDocs) => SpecRewrites.AddDocs(document),
        nameof(SpecRewrites.SwapOneOfAnyOf) => SpecRewrites.SwapOneOfAnyOf(document),
        nameof(SpecRewrites.Reorder) => SpecRewrites.Reorder(document),
        _ => throw new ArgumentOutOfRangeException(nameof(rewrite)),
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public void AWireKeepingRewrite_LeavesThePublicSurfaceIdentical(string rewrite)
    {
        var rewritten = Apply(rewrite, Document.Value);
        Assert.NotEqual(SpecRewrites.Text(Document.Value), SpecRewrites.Text(rewritten)); // the rewrite did something

        string after = Surface(rewritten);

        Assert.True(Baseline.Value == after, rewrite + " changed the public surface:\n" + PublicSurface.Diff(Baseline.Value, after));
    }

    [Fact]
    public void TheSurfaceDump_SeesNamesRequiredMembersAndConstructibility()
    {
        // The comparison above is only as strong as the dump: it must show what a user types.
        string surface = Baseline.Value;
        Assert.Contains("Test.Gcore.OriginGroupCreateParams [class new()]", surface);
        Assert.Contains("Test.Gcore.OriginGroupCreateParams.Sources: required System.Collections.Generic.IList<Test.Gcore.Source> set", surface);
        Assert.Contains("Test.Gcore.Source [class abstract]", surface);
        Assert.Contains("Test.Gcore.HostSource [class new()] : Test.Gcore.Source", surface);
    }
}
