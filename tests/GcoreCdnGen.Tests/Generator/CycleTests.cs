using System.Linq;
using GcoreCdnGen.Tests.TestInfrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>
/// Schemas that reach themselves: a cycle no C# type can express gets a diagnostic where it closes and the value
/// stays raw JSON; recursion a type can express (a node with children) is a type. Never unbounded recursion.
/// </summary>
public class CycleTests
{
    private static string Document(string schemas, string response = "$ref: '#/components/schemas/A'") => $"""
        openapi: 3.1.0
        info: {"{"} title: cycles, version: '1' {"}"}
        paths:
          /things:
            get:
              operationId: get-thing
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        {response}
        components:
          schemas:
        {schemas}
        """;

    /// <summary>The generator finished, reported the cycle once at the 1-based line of its closing $ref, and the output compiles.</summary>
    private static GeneratorRun AssertCycleReported(string text, int line)
    {
        var run = GeneratorRunner.Run(new SpecItem("/specs/cycle.yaml", text));

        Assert.Null(run.Exception);
        var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, run.Describe(errors));
        var cycle = run.GeneratorDiagnostics.Where(d => d.GetMessage().Contains("cycle")).ToList();
        Assert.True(cycle.Count == 1, run.Describe(run.GeneratorDiagnostics));
        var d = cycle[0];
        Assert.Equal("GCDN103", d.Id);
        Assert.Equal("/specs/cycle.yaml", d.Location.GetLineSpan().Path);
        Assert.True(d.Location.GetLineSpan().StartLinePosition.Line + 1 == line, d.ToString());
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.GcoreClient"));
        return run;
    }

    [Fact]
    public void TwoSchemas_ThatAllOfEachOther_AreReported_NotACrash()
    {
        string text = Document("""
                A:
                  allOf:
                    - $ref: '#/components/schemas/B'
                    - type: object
                      properties:
                        alpha: { type: string }
                B:
                  allOf:
                    - $ref: '#/components/schemas/A'
                    - type: object
                      properties:
                        beta: { type: integer }
            """);
        var run = AssertCycleReported(text, 24);

        // What is not part of the cycle is kept: A has both parts' properties.
        var a = run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.Thing")!;
        Assert.Contains(a.GetMembers(), m => m.Name == "Alpha");
        Assert.Contains(a.GetMembers(), m => m.Name == "Beta");
    }

    /// <summary>
    /// A union variant that allOfs itself and holds itself: the one walk over the union gives up on the object it
    /// cannot read one level down, and keeps no local for it (an unused one is CS0219, an error under warnings-as-errors).
    /// </summary>
    [Fact]
    public void AUnionVariant_ThatAllOfsItself_CompilesWithoutWarnings()
    {
        string text = Document("""
                Part:
                  oneOf:
                    - $ref: '#/components/schemas/Bucket'
                    - $ref: '#/components/schemas/Node'
                Bucket:
                  type: object
                  required: [bucket]
                  properties:
                    bucket: { type: string }
                Node:
                  allOf:
                    - $ref: '#/components/schemas/Node'
                    - type: object
                      required: [name]
                      properties:
                        name: { type: string }
                        next: { $ref: '#/components/schemas/Node' }
            """, "$ref: '#/components/schemas/Part'");
        var run = AssertCycleReported(text, 27);

        // The union is read in one walk (the code this is about), and its variant keeps its self-reference.
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("ReadInOnePass(ref"));
        var next = run.OutputCompilation.GetSymbolsWithName("Next", SymbolFilter.Member).OfType<IPropertySymbol>().Single();
        Assert.Equal(next.ContainingType.Name, next.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).Name);
    }

    [Fact]
    public void ASchema_ThatAllOfsItself_IsReported()
    {
        string text = Document("""
                A:
                  allOf:
                    - $ref: '#/components/schemas/A'
                    - type: object
                      properties:
                        a: { type: string }
            """);
        AssertCycleReported(text, 18);
    }

    [Fact]
    public void RefAliases_InACycle_AreReported_AndTheRestOfTheDocumentGenerates()
    {
        string text = Document("""
                A:
                  $ref: '#/components/schemas/B'
                B:
                  $ref: '#/components/schemas/A'
            """, "$ref: '#/components/schemas/Holder'") + """

                Holder:
                  type: object
                  properties:
                    id: { type: integer }
                    loop: { $ref: '#/components/schemas/A' }
            """;
        var run = AssertCycleReported(text, 17);
        var holder = run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.Thing")!;
        Assert.Equal("System.Text.Json.JsonElement?", ((IPropertySymbol)holder.GetMembers("Loop").Single()).Type.ToDisplayString());
    }

    [Fact]
    public void OneOf_ThroughArrays_IsReported()
    {
        string text = Document("""
                A:
                  oneOf:
                    - $ref: '#/components/schemas/B'
                    - type: array
                      items: { $ref: '#/components/schemas/A' }
                B:
                  type: array
                  items: { $ref: '#/components/schemas/A' }
            """);
        var run = GeneratorRunner.Run(new SpecItem("/specs/cycle.yaml", text));

        Assert.Null(run.Exception);
        var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, run.Describe(errors));
        var cycle = run.GeneratorDiagnostics.Where(d => d.Id == "GCDN107").ToList();
        Assert.True(cycle.Count == 1, run.Describe(run.GeneratorDiagnostics));
        var d = cycle[0];
        // A JSON tree of itself is legitimate: an info, not a warning that would fail a build treating warnings as errors.
        Assert.Equal("GCDN107", d.Id);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Equal("/specs/cycle.yaml", d.Location.GetLineSpan().Path);
        Assert.True(d.Location.GetLineSpan().StartLinePosition.Line + 1 is 20 or 23, d.ToString());
    }

    [Fact]
    public void ANode_WithChildren_IsStillAType()
    {
        string text = Document("""
                A:
                  type: object
                  properties:
                    name: { type: string }
                    parent: { $ref: '#/components/schemas/A' }
                    children:
                      type: array
                      items: { $ref: '#/components/schemas/A' }
            """);
        var run = GeneratorRunner.Run(new SpecItem("/specs/tree.yaml", text));

        Assert.Null(run.Exception);
        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems()));
        var a = run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.Thing")!;
        Assert.Equal("System.Collections.Generic.IList<Test.Gcore.Thing>?", ((IPropertySymbol)a.GetMembers("Children").Single()).Type.ToDisplayString());
        Assert.Equal("Test.Gcore.Thing?", ((IPropertySymbol)a.GetMembers("Parent").Single()).Type.ToDisplayString());
    }
}
