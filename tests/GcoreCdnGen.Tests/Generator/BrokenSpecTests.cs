using System.Linq;
using GcoreCdnGen.Tests.TestInfrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>A broken spec gives a diagnostic at the spec's line and column, never an exception.</summary>
public class BrokenSpecTests
{
    private static Diagnostic Single(GeneratorRun run, string id)
    {
        Assert.Null(run.Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "AD0001");
        return Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
    }

    [Fact]
    public void BadYaml_IsReportedAtTheBrokenLine()
    {
        const string text = "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\npaths:\n  /a:\n    get: [unclosed\n";
        var run = GeneratorRunner.Run(new SpecItem("/specs/bad.yaml", text));

        var d = Single(run, "GCDN100");
        var span = d.Location.GetLineSpan();
        Assert.Equal("/specs/bad.yaml", span.Path);
        Assert.True(span.StartLinePosition.Line >= 6, d.ToString()); // zero-based: line 7 or after
        Assert.StartsWith("The OpenAPI document cannot be read, so nothing is generated for it: it is not valid YAML or JSON: ", d.GetMessage());
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void DanglingRef_IsReportedWhereTheRefStands_AndTheRestCompiles()
    {
        const string text = """
            openapi: 3.1.0
            info:
              title: t
              version: '1'
            paths:
              /things:
                get:
                  operationId: list-things
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              id:
                                type: integer
                              owner:
                                $ref: '#/components/schemas/Missing'
            components:
              schemas: {}
            """;
        var run = GeneratorRunner.Run(new SpecItem("/specs/dangling.yaml", text));

        var d = Single(run, "GCDN102");
        Assert.Equal(20, d.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Equal("A $ref does not resolve: '#/components/schemas/Missing' is not a schema of the document; the value is kept as raw JSON", d.GetMessage());
        var errors = run.OutputCompilation.GetDiagnostics().Where(x => x.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, run.Describe(errors));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.GcoreClient"));
    }

    [Fact]
    public void MissingPaths_IsAnError_AtTheTopOfTheDocument()
    {
        const string text = "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\ncomponents:\n  schemas: {}\n";
        var run = GeneratorRunner.Run(new SpecItem("/specs/nopaths.yaml", text));

        var d = run.GeneratorDiagnostics.FirstOrDefault(x => x.Id is "GCDN105" or "GCDN101");
        Assert.NotNull(d);
        var none = Assert.Single(run.GeneratorDiagnostics, x => x.Id == "GCDN105" && x.Severity == DiagnosticSeverity.Error);
        Assert.Equal("There is no operation to generate a client for: the document has no 'paths'", none.GetMessage());
        Assert.Null(run.Exception);
        Assert.Equal("/specs/nopaths.yaml", d!.Location.GetLineSpan().Path);
    }

    [Fact]
    public void EmptyFile_And_NotOpenApi_AreReported()
    {
        var empty = GeneratorRunner.Run(new SpecItem("/specs/empty.yaml", ""));
        var unreadable = Single(empty, "GCDN100");
        Assert.Equal(1, unreadable.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Equal("The OpenAPI document cannot be read, so nothing is generated for it: the file is empty", unreadable.GetMessage());

        var json = GeneratorRunner.Run(new SpecItem("/specs/truncated.json", "{\"openapi\": \"3.0.1\", \"paths\": {"));
        Assert.Null(json.Exception);
        Assert.Contains(json.GeneratorDiagnostics, d => d.Id == "GCDN100");
    }

    [Theory]
    [InlineData("Task")]
    [InlineData("CancellationToken")]
    [InlineData("GcoreTransport")]
    public void AClientNamedLikeATypeTheGeneratedCodeUses_IsReported_NotACompilerError(string clientName)
    {
        var run = GeneratorRunner.Run(new SpecItem("/specs/a.yaml", System.IO.File.ReadAllText(Paths.OurSpec), ClientName: clientName));
        var d = Single(run, "GCDN106");
        Assert.Contains("ClientName '" + clientName + "' is the name of a type the generated code uses", d.GetMessage(), System.StringComparison.Ordinal);
        Assert.Empty(run.Sources);
        Assert.DoesNotContain(run.OutputCompilation.GetDiagnostics(), x => x.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
    }

    [Fact]
    public void InvalidNamespace_IsReported()
    {
        var run = GeneratorRunner.Run(new SpecItem("/specs/a.yaml", System.IO.File.ReadAllText(Paths.OurSpec), "Not A.Namespace"));
        var d = Single(run, "GCDN106");
        Assert.Equal("The OpenApiSpec item's metadata is not valid: Namespace 'Not A.Namespace' is not a valid C# namespace", d.GetMessage());
        Assert.Empty(run.Sources);
    }
}
