using System.Collections.Generic;
using System.IO;
using System.Linq;
using GcoreCdnGen.Tests.TestInfrastructure;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>The in-memory fake is generated only on request, and then compiles cleanly against the spec's types.</summary>
public class FakeGenerationTests
{
    private static SpecItem Ours(string? fake = null) => new(Paths.OurSpec, File.ReadAllText(Paths.OurSpec), GenerateFake: fake);

    [Fact]
    public void WithoutTheRequest_NeitherTheFakeNorItsRuntimeShips()
    {
        var run = GeneratorRunner.Run(Ours());

        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("Fake"));
        Assert.Null(run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.GcoreFake"));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    public void TheItemsMetadata_GeneratesTheFakeAndItsRuntime_WithoutWarnings(string flag)
    {
        var run = GeneratorRunner.Run(Ours(flag));

        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems()));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.GcoreClientFake"));
        Assert.Equal("Test.Gcore.GcoreFake", run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.GcoreClientFake")!.BaseType!.ToDisplayString());
        Assert.Contains(run.Sources, s => s.HintName == "Test.Gcore.GcoreFake.g.cs");
    }

    [Fact]
    public void TheProjectProperty_GeneratesAFakeForEverySpec()
    {
        var run = GeneratorRunner.Run(
            new[] { Ours(), new SpecItem("other.yaml", File.ReadAllText(Paths.OurSpec), "Other.Gcore", "OtherClient") },
            buildProperties: new Dictionary<string, string> { ["GcoreCdnGenFake"] = "true" });

        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems()));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.GcoreClientFake"));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Other.Gcore.OtherClientFake"));
    }

    [Fact]
    public void GcoresWholeCdnDocument_GetsAFakeThatCompilesWithoutWarnings()
    {
        string path = Paths.RequireGcoreSpec();
        var run = GeneratorRunner.Run(new SpecItem(path, File.ReadAllText(path), GenerateFake: "true"));

        Assert.Null(run.Exception);
        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems()));
        var fake = run.Sources.Single(s => s.HintName.EndsWith("GcoreClientFake.g.cs")).SourceText.ToString();
        // Its collections (resources, rules under a resource) and an action that is not CRUD.
        Assert.Contains("new(\"/cdn/resources\", ", fake);
        Assert.Contains("GcoreFakeAction.Other", fake);
        Assert.Contains("public GcoreFakeCollection<", fake);
    }
}
