using System.Linq;
using GcoreCdnGen.Tests.TestInfrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>Any name a spec uses maps to a valid, unique, stable C# identifier.</summary>
public class IdentifierTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: names, version: '1' }
        paths:
          /weird-things/{class}:
            get:
              operationId: get-thing
              parameters:
                - { in: path, name: class, required: true, schema: { type: integer } }
                - { in: query, name: cancellationToken, schema: { type: string } }
                - { in: query, name: body, schema: { type: string } }
                - { in: query, name: 1st-filter, schema: { type: string } }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/class' }
            put:
              operationId: get-thing
              parameters:
                - { in: path, name: class, required: true, schema: { type: integer } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/1st-thing' }
              responses:
                '200': { description: ok }
        components:
          schemas:
            class:
              type: object
              properties:
                class: { type: string }
                Class: { type: string }
                123abc: { type: integer }
                a-b: { type: string }
                a.b: { type: string }
                a_b: { type: string }
                ünïcödé: { type: string }
                "": { type: string }
                string: { type: boolean }
                kind: { $ref: '#/components/schemas/my.dotted-enum' }
                nested: { $ref: '#/components/schemas/1st-thing' }
                fb: { $ref: '#/components/schemas/FooBar' }
            1st-thing:
              type: object
              properties:
                1st-thing: { type: string }
                EqualityContract: { type: string }
                ToString: { type: string }
            my.dotted-enum:
              type: string
              enum: ['1', '-', 'a b', A, a, 'null', class]
            foo_bar:
              type: object
              properties: { x: { type: string } }
            FooBar:
              type: object
              properties: { y: { $ref: '#/components/schemas/foo_bar' } }
        """;

    [Fact]
    public void AwkwardNames_MapToValidUniqueIdentifiers_AndCompile()
    {
        var run = GeneratorRunner.Run(new SpecItem("/specs/names.yaml", Spec));

        Assert.Null(run.Exception);
        var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, run.Describe(errors));

        // Types are named from where the API uses them (the GET's entity, the PUT's body, the properties), not from
        // the awkward component names.
        var type = run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.WeirdThing");
        Assert.NotNull(type);
        var names = type!.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Contains("Class", names);        // 'class' and 'Class' both map to Class: the second gets a number
        Assert.Contains("Class2", names);
        Assert.Contains("_123abc", names);      // leading digit
        Assert.Contains("ÜnïcödéValue".Replace("Value", ""), names);
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.WeirdThingReplaceParams"));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.Kind"));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.Fb"));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.FbY"));

        var enumMembers = run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.Kind")!
            .GetMembers().OfType<IPropertySymbol>().Where(p => p.IsStatic).Select(p => p.Name).ToList();
        Assert.Equal(7, enumMembers.Count);
        Assert.Equal(enumMembers.Count, enumMembers.Distinct().Count());

        // The second operation with the same operationId is reported, not silently merged.
        var client = run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.GcoreClient+WeirdThingsOperations")!;
        Assert.Contains(client.GetMembers(), m => m.Name == "GetAsync");
        Assert.Contains(client.GetMembers(), m => m.Name == "ReplaceAsync");
    }

    [Fact]
    public void Names_AreStable_AcrossRuns()
    {
        var first = GeneratorRunner.Run(new SpecItem("/specs/names.yaml", Spec)).Sources.Select(s => s.HintName).ToList();
        var second = GeneratorRunner.Run(new SpecItem("/specs/names.yaml", Spec)).Sources.Select(s => s.HintName).ToList();
        Assert.Equal(first, second);
    }
}
