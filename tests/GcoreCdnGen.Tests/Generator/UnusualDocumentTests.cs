using System.Linq;
using GcoreCdnGen.Tests.TestInfrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>Valid documents the OpenAPI reader trips over still generate; documents we do not read say so, and why.</summary>
public class UnusualDocumentTests
{
    private static string Document(string properties, string schemas = "") => $"""
        openapi: 3.1.0
        info: {"{"} title: t, version: '1' {"}"}
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
                        $ref: '#/components/schemas/Thing'
        components:
          schemas:
        {schemas}    Thing:
              type: object
              properties:
                id: {"{"} type: integer {"}"}
        {properties}
        """;

    private static INamedTypeSymbol Generates(string text)
    {
        var run = GeneratorRunner.Run(new SpecItem("/specs/unusual.yaml", text));

        Assert.Null(run.Exception);
        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems().Concat(run.GeneratorDiagnostics)));
        return run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.Thing")!;
    }

    private static string TypeOf(INamedTypeSymbol type, string property) => ((IPropertySymbol)type.GetMembers(property).Single()).Type.ToDisplayString();

    [Fact]
    public void BooleanSchemas_AreAnyJson_Everywhere_A_Schema_Stands()
    {
        var thing = Generates(Document("""
                    any: true
                    none: false
                    alias: { $ref: '#/components/schemas/Anything' }
                    list: { type: array, items: true }
                    both: { allOf: [true, { type: object, properties: { x: { type: string } } }] }
            """, "    Anything: true\n    Nothing: false\n"));

        Assert.Equal("System.Text.Json.JsonElement?", TypeOf(thing, "Any"));
        Assert.Equal("System.Text.Json.JsonElement?", TypeOf(thing, "None"));
        Assert.Equal("System.Collections.Generic.IList<System.Text.Json.JsonElement>?", TypeOf(thing, "List"));
    }

    [Fact]
    public void BooleanSchemas_InJson_Generate()
    {
        const string text = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {"/a": {"get": {"operationId": "get-a", "responses": {"200": {"description": "ok",
               "content": {"application/json": {"schema": {"type": "object", "properties": {"any": true, "none": false}}}}}}}}}}
            """;
        var run = GeneratorRunner.Run(new SpecItem("/specs/unusual.json", text));

        Assert.Null(run.Exception);
        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems().Concat(run.GeneratorDiagnostics)));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.GcoreClient"));
    }

    [Fact]
    public void Lengths_BeyondInt_AreNoLimit_AndHugeBoundsAreKept()
    {
        var thing = Generates(Document("""
                    name: { type: string, maxLength: 99999999999, minLength: 0 }
                    tags: { type: array, items: { type: string }, maxItems: 1e12 }
                    n: { type: integer, minimum: -99999999999999999999999999, maximum: 1e400 }
            """));

        var marker = thing.GetMembers("Name").Single().GetAttributes().Single(a => a.AttributeClass?.Name == "GcorePropertyAttribute");
        Assert.Equal(int.MaxValue, marker.NamedArguments.Single(a => a.Key == "MaxLength").Value.Value);
        var bounds = thing.GetMembers("N").Single().GetAttributes().Single(a => a.AttributeClass?.Name == "GcorePropertyAttribute");
        Assert.Equal("1e400", bounds.NamedArguments.Single(a => a.Key == "Maximum").Value.Value);
    }

    [Fact]
    public void AText_Over64KB_Generates()
    {
        string description = string.Concat(Enumerable.Repeat("All work and no play. ", 4000));
        var thing = Generates(Document("        name: { type: string, description: '" + description + "' }\n"));

        Assert.Contains("no play", thing.GetMembers("Name").Single().GetDocumentationCommentXml());
    }

    [Fact]
    public void Swagger20_IsAnError_WhereItsVersionStands_AndNothingIsGenerated()
    {
        const string text = "# converted some day\nswagger: '2.0'\ninfo: { title: t, version: '1' }\npaths:\n  /a:\n    get:\n      operationId: a\n      responses:\n        '200': { description: ok }\n";
        var run = GeneratorRunner.Run(new SpecItem("/specs/swagger.yaml", text));

        Assert.Null(run.Exception);
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("GCDN100", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(2, d.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("2.0", d.GetMessage());
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("hello")]
    [InlineData("--- |\n  text\n  more\n")]
    [InlineData("openapi: \"\\n\"\n")]
    [InlineData("openapi: \"\\n3.1.0\"\ninfo: { title: t, version: '1' }\npaths: {}\n")]
    [InlineData("openapi: [3]\n")]
    public void Unreadable_Documents_AlwaysSayWhy_OnOneLine(string text)
    {
        var run = GeneratorRunner.Run(new SpecItem("/specs/bad.yaml", text));

        Assert.Null(run.Exception);
        var d = Assert.Single(run.GeneratorDiagnostics, x => x.Id == "GCDN100");
        string message = d.GetMessage();
        Assert.DoesNotContain("\n", message);
        string reason = message.Substring(message.IndexOf(": ", System.StringComparison.Ordinal) + 2);
        Assert.True(reason.Trim(' ', '.', ':', '\'').Length > 3, message);
        Assert.DoesNotContain("Exception", message);
    }
}
