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

    /// <summary>
    /// Every XML doc comment generated from Gcore's whole document (whose descriptions are Markdown, with <c>&lt;</c>,
    /// <c>&amp;</c>, backticks, bold and lists) is well-formed XML, as a consumer's build with documentation on reads it.
    /// </summary>
    [Fact]
    public void GcoreDocument_Unfiltered_WritesWellFormedXmlDocs()
    {
        string path = Paths.RequireGcoreSpec();
        var run = GeneratorRunner.Run(new SpecItem(path, System.IO.File.ReadAllText(path)));
        int comments = 0;
        foreach (var source in run.Sources)
        {
            var block = new System.Collections.Generic.List<string>();
            foreach (var line in source.SourceText.ToString().Split('\n').Append(""))
            {
                string trimmed = line.TrimStart();
                if (trimmed.StartsWith("///", System.StringComparison.Ordinal))
                {
                    block.Add(trimmed.Substring(3));
                    continue;
                }

                if (block.Count == 0)
                    continue;
                string xml = "<doc>" + string.Join("\n", block) + "</doc>";
                var error = Record.Exception(() => System.Xml.Linq.XDocument.Parse(xml));
                Assert.True(error is null, source.HintName + ": " + error?.Message + "\n" + xml);
                comments++;
                block.Clear();
            }
        }

        Assert.True(comments > 1000, "only " + comments + " doc comments were read");
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
        Assert.Equal("The OpenApiSpec item's metadata is not valid: spec 'b.yaml' uses namespace 'Same.Api' like 'a.yaml'; give each OpenApiSpec item its own Namespace", diagnostic.GetMessage());
    }
}
