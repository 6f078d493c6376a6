using System.IO;
using System.Linq;
using System.Runtime.Loader;
using GcoreCdnGen.Tests.TestInfrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>
/// An enum of thousands of values compiles in time linear in their number: one static set of the values instead of a
/// pattern or a branch per value (those cost the compiler time square in the count). Its behaviour is the small enum's.
/// </summary>
public class HugeEnumTests
{
    private static string Spec(int count) => """
        openapi: 3.1.0
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              operationId: get-a
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Thing' }
        components:
          schemas:
            Thing:
              type: object
              properties:
                kind: { $ref: '#/components/schemas/Kind' }
            Kind:
              type: string
              enum: [
        """ + string.Join(", ", Enumerable.Range(0, count).Select(i => "'value-" + i + "'")) + "]\n";

    private const string UserCode = """
        public static class Probe
        {
            public static string Run()
            {
                var known = global::System.Text.Json.JsonSerializer.Deserialize<global::Test.Gcore.Kind>("\"value-150\"");
                var unknown = global::System.Text.Json.JsonSerializer.Deserialize<global::Test.Gcore.Kind>("\"value-9999\"");
                var thing = global::System.Text.Json.JsonSerializer.Deserialize<global::Test.Gcore.A>("{\"kind\":\"value-0\"}")!;
                return string.Join("|", known.IsKnown, known == global::Test.Gcore.Kind.Value150, known.Value, unknown.IsKnown, unknown.Value,
                    thing.Kind == global::Test.Gcore.Kind.Value0, global::Test.Gcore.Kind.Value199.IsKnown, new global::Test.Gcore.Kind("x").IsKnown,
                    global::System.Text.Json.JsonSerializer.Serialize(global::Test.Gcore.Kind.Value7));
            }
        }
        """;

    [Fact]
    public void ABigEnum_HasOneSetOfItsValues_AndBehavesAsASmallOne()
    {
        var run = GeneratorRunner.Run(new[] { new SpecItem("/specs/enum.yaml", Spec(200)) }, UserCode);

        Assert.Null(run.Exception);
        Assert.True(run.Problems().Count == 0, run.Describe(run.Problems()));

        // The shape that keeps compile time linear: no value appears in a pattern or a branch of its own.
        // The type is one file: its declaration, its set of values and its JSON reader, which looks values up in that set.
        string code = run.Sources.Single(s => s.HintName.EndsWith(".Kind.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.DoesNotContain(" or \"", code);
        string reader = code[code.IndexOf(" ReadJson(ref", System.StringComparison.Ordinal)..];
        Assert.DoesNotContain("value-150", reader);

        using var image = new MemoryStream();
        var emitted = run.OutputCompilation.Emit(image);
        Assert.True(emitted.Success, run.Describe(emitted.Diagnostics));
        image.Position = 0;
        var context = new AssemblyLoadContext(nameof(HugeEnumTests), isCollectible: true);
        try
        {
            var probe = context.LoadFromStream(image).GetType("Probe")!;
            string result = (string)probe.GetMethod("Run")!.Invoke(null, null)!;
            Assert.Equal("True|True|value-150|False|value-9999|True|True|False|\"value-7\"", result);
        }
        finally
        {
            context.Unload();
        }
    }
}
