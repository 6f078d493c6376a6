using System.Linq;
using GcoreCdnGen.Tests.TestInfrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>Generated code compiles cleanly (nullable on, every warning an error) against real reference assemblies.</summary>
public class CompileTests
{
    [Theory]
    [InlineData(TargetFramework.Net80)]
    [InlineData(TargetFramework.Net100)]
    public void OurSpec_GeneratesCodeThatCompilesWithoutWarnings(TargetFramework framework)
    {
        var run = GeneratorRunner.Run(SpecItem.FromFile(Paths.OurSpec), UserCode.OriginGroups, framework);

        Assert.Null(run.Exception);
        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems()));
        Assert.Contains(run.Sources, s => s.HintName == "Test.Gcore.gcore-origin-groups.GcoreClient.g.cs");
    }

    [Theory]
    [InlineData(TargetFramework.Net80)]
    [InlineData(TargetFramework.Net100)]
    public void GcoreDocument_WithOriginsTag_CompilesWithoutWarnings_AndAcceptsTheSameUserCode(TargetFramework framework)
    {
        var run = GeneratorRunner.Run(SpecItem.FromFile(Paths.RequireGcoreSpec(), tags: "Origins"), UserCode.OriginGroups, framework);

        Assert.Null(run.Exception);
        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems()));
    }

    [Fact]
    public void GcoreDocument_Unfiltered_NeverCrashes_AndOnlyLocatedWarningsRemain()
    {
        string path = Paths.RequireGcoreSpec();
        var run = GeneratorRunner.Run(new SpecItem(path, System.IO.File.ReadAllText(path)));

        Assert.Null(run.Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "AD0001");
        var compilerErrors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compilerErrors.Count == 0, run.Describe(compilerErrors));

        // Every generator diagnostic is a warning that points into the spec file at a real line.
        Assert.NotEmpty(run.GeneratorDiagnostics);
        Assert.All(run.GeneratorDiagnostics, d =>
        {
            Assert.StartsWith("GCDN1", d.Id);
            Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity);
            var span = d.Location.GetLineSpan();
            Assert.Equal(path, span.Path);
            Assert.True(span.StartLinePosition.Line > 0, d.ToString());
        });
        Assert.True(run.Sources.Count > 300, "only " + run.Sources.Count + " files generated");
    }

    [Fact]
    public void TwoSpecs_InTwoNamespaces_EachGetTheirOwnClient()
    {
        var text = System.IO.File.ReadAllText(Paths.OurSpec);
        var run = GeneratorRunner.Run(new[]
        {
            new SpecItem("/specs/a.yaml", text, "First.Api", "FirstClient"),
            new SpecItem("/specs/b.yaml", text, "Second.Api"),
        });

        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems()));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("First.Api.FirstClient"));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("First.Api.FirstClientOptions"));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Second.Api.GcoreClient"));
    }

    [Fact]
    public void TwoSpecs_InOneNamespace_AreReportedNotDuplicated()
    {
        var text = System.IO.File.ReadAllText(Paths.OurSpec);
        var run = GeneratorRunner.Run(new[]
        {
            new SpecItem("/specs/a.yaml", text, "Same.Api"),
            new SpecItem("/specs/b.yaml", text, "Same.Api"),
        });

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "GCDN106");
        Assert.Equal("/specs/b.yaml", diagnostic.Location.GetLineSpan().Path);
    }
}
