using System;
using System.Linq;
using GcoreCdnGen.Tests.TestInfrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>
/// Names that clash (with each other, with the runtime, with the emitter's own locals and members) are renamed by the
/// naming layer: never a compiler error, never a generator exception, always the same names for the same input.
/// </summary>
public class CollisionTests
{
    /// <summary>Longest hint name allowed: the generated file's name must fit the file system with EmitCompilerGeneratedFiles.</summary>
    private const int MaxHintName = 120;

    private static GeneratorRun Generate(string yaml, string userCode = "")
    {
        var run = GeneratorRunner.Run(new SpecItem("/specs/collide.yaml", yaml), userCode);
        Assert.Null(run.Exception);
        var errors = run.OutputCompilation.GetDiagnostics().Concat(run.GeneratorDiagnostics)
            .Where(d => d.Severity == DiagnosticSeverity.Error && !d.IsWarningAsError)
            .ToList();
        Assert.True(errors.Count == 0, run.Describe(errors));
        var hints = run.Sources.Select(s => s.HintName).ToList();
        Assert.Equal(hints.Count, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(hints, h => Assert.True(h.Length <= MaxHintName, "hint name of " + h.Length + " characters: " + h));

        // Deterministic: the same document gives the same text.
        var again = GeneratorRunner.Run(new SpecItem("/specs/collide.yaml", yaml), userCode);
        Assert.Equal(run.Sources.Select(s => s.HintName + s.SourceText), again.Sources.Select(s => s.HintName + s.SourceText));
        return run;
    }

    private static string Spec(string paths, string schemas = "{}") => "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths:\n" + paths +
        "\ncomponents:\n  schemas:\n" + (schemas == "{}" ? "    Placeholder: { type: object, properties: { a: { type: string } } }" : schemas) + "\n";

    [Fact]
    public void SchemasAndPathsThatDifferOnlyInCase_GetDistinctTypesAndHintNames()
    {
        Generate(Spec("""
              /things:
                post:
                  requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Foo' } } } }
                  responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/FOO' } } } } }
              /THINGS:
                post:
                  requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/FOO' } } } }
                  responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Foo' } } } } }
            """, """
                Foo: { type: object, properties: { a: { type: string } } }
                FOO: { type: object, properties: { b: { type: integer } } }
            """));
    }

    [Fact]
    public void TypesNamedLikeWhatImplicitUsingsImport_AreRenamed_SoTheUsersOwnTaskTypeAndFileStayUnambiguous()
    {
        // Gcore's Cloud document has a tasks resource, storage documents have files, CDN has enums on `type` and
        // `action` properties: named plainly they would be Task, File, Type and Action, and a user file importing
        // System, System.IO, System.Threading.Tasks (ImplicitUsings) and the generated namespace would not compile.
        var run = Generate(Spec("""
              /tasks/{id}:
                get:
                  parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
                  responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Task' } } } } }
              /files/{id}:
                get:
                  parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
                  responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/File' } } } } }
            """, """
                Task: { type: object, properties: { id: { type: string }, type: { type: string, enum: [create, delete] }, action: { type: string, enum: [run, stop] } } }
                File: { type: object, properties: { id: { type: string }, path: { type: string } } }
            """), """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Test.Gcore;

            public static class Use
            {
                public static async Task<Type> Call(GcoreClient c)
                {
                    var task = await c.Tasks.GetAsync("1");
                    var file = await c.Files.GetAsync("2");
                    Action done = () => File.Exists(file.Path ?? "");
                    done();
                    return task.Type?.GetType() ?? typeof(Path);
                }
            }
            """);
        var types = run.OutputCompilation.GetSymbolsWithName(_ => true, SymbolFilter.Type).Select(t => t.ToDisplayString()).ToList();
        Assert.DoesNotContain("Test.Gcore.Task", types);
        Assert.DoesNotContain("Test.Gcore.File", types);
        Assert.DoesNotContain("Test.Gcore.Type", types);
        Assert.DoesNotContain("Test.Gcore.Action", types);
        // The next form of the naming rule: owner + property for the enums, entity + method + Response for the entities.
        Assert.Contains("Test.Gcore.TaskType", types);
        Assert.Contains("Test.Gcore.TaskAction", types);
        Assert.Contains("Test.Gcore.TaskGetResponse", types);
        Assert.Contains("Test.Gcore.FileGetResponse", types);
    }

    [Fact]
    public void TheClientsShortTaskAndCancellationToken_AreSystemsWhateverTheUsersProjectImportsOrDeclares()
    {
        // The client file imports System.Threading and System.Threading.Tasks to spell its signatures short. The user's
        // own Task and CancellationToken (in a namespace enclosing the generated one, or imported by a global using,
        // alias or namespace) must not take their place; the generated file's imports sit inside its namespace for that.
        var run = Generate(Spec("""
              /things/{id}:
                get:
                  parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
                  responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { a: { type: string } } } } } } }
                delete:
                  parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
                  responses: { '204': { description: gone } }
            """), """
            global using Mine;
            global using CancellationToken = Mine.CancellationToken;

            namespace Mine
            {
                public class Task<T> { }
                public class CancellationToken { }
            }

            namespace Test
            {
                public class Task { }
                public class CancellationToken { }
            }

            public static class Use
            {
                public static async System.Threading.Tasks.Task Call(Test.Gcore.GcoreClient c, System.Threading.CancellationToken token)
                {
                    var thing = await c.Things.GetAsync("1", token);
                    await c.Things.DeleteAsync(thing.A ?? "1", token);
                }
            }
            """);
        Assert.NotNull(run);
    }

    [Fact]
    public void ARepeatedPathSegment_DoesNotNameAMemberLikeItsClass()
    {
        var run = Generate(Spec("""
              /ip-info:
                get:
                  responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { ip: { type: string } } } } } } }
              /ip-info/ip-info:
                get:
                  responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { ip: { type: string } } } } } } }
              /ip-info/ip-info/ip-info:
                get:
                  responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { ip: { type: string } } } } } } }
            """), """
            public static class Use
            {
                public static System.Threading.Tasks.Task Call(Test.Gcore.GcoreClient c) => c.IpInfo.IpInfo.GetAsync();
            }
            """);
        Assert.NotNull(run);
    }

    [Fact]
    public void QueryParametersNamedLikeTheEmittersLocals_Compile()
    {
        string[] names = { "query", "request", "response", "body", "content", "path", "options", "requestOptions", "cancellationToken", "page", "items", "next", "transport", "_transport", "args", "result", "value", "json", "uri", "limit" };
        string parameters = string.Join("\n", names.Select(n => "            - { in: query, name: '" + n + "', schema: { type: string } }"));
        Generate(Spec("""
              /things:
                get:
                  parameters:
            """ + "\n" + parameters + "\n" + """
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            oneOf:
                              - { type: array, items: { $ref: '#/components/schemas/Thing' } }
                              - type: object
                                properties:
                                  count: { type: integer }
                                  results: { type: array, items: { $ref: '#/components/schemas/Thing' } }
                post:
                  parameters:
            """ + "\n" + parameters + "\n" + """
                  requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
                  responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } } }
            """, """
                Thing: { type: object, properties: { id: { type: integer } } }
            """));
    }

    [Fact]
    public void EnumValuesNamedLikeMembersOrTheTypeItself_Compile()
    {
        Generate(Spec("""
              /things:
                get:
                  responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } } }
            """, """
                Thing:
                  type: object
                  properties:
                    status: { type: string, enum: [IsKnown, is_known, ReadJson, WriteJson, Value, value, ToString, Equals, GetHashCode, Status, ThingStatus, '', '-', Unknown, JsonConverter] }
                    thing_status: { type: string, enum: [ThingStatus, a] }
            """));
    }

    [Fact]
    public void PropertiesNamedLikeRecordOrRuntimeMembers_Compile()
    {
        string[] names = { "Clone", "clone", "EqualityContract", "GetType", "ToString", "Equals", "GetHashCode", "Unknown", "IsSet", "Unset", "JsonConverter", "ReadJson", "WriteJson", "AdditionalProperties", "Thing", "thing", "PrintMembers", "Deconstruct", "MemberwiseClone", "Finalize" };
        string properties = string.Join("\n", names.Select(n => "            '" + n + "': { type: string }"));
        Generate(Spec("""
              /things:
                post:
                  requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
                  responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } } }
            """, """
                Thing:
                  type: object
                  properties:
            """ + "\n" + properties));
    }

    [Fact]
    public void TypesNamedLikeRuntimeTypesOrResourceClasses_AreRenamed()
    {
        Generate(Spec("""
              /gcore_parameter_attributes/{id}:
                get:
                  parameters: [{ in: path, name: id, required: true, schema: { type: integer } }]
                  responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/GcoreParameterAttribute' } } } } }
              /gcore_clients/{id}:
                get:
                  parameters: [{ in: path, name: id, required: true, schema: { type: integer } }]
                  responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/GcoreClient' } } } } }
              /things:
                get:
                  responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/ThingsOperations' } } } } }
              /gcore_transports:
                post:
                  requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/GcoreJson' } } } }
                  responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/GcoreTransport' } } } } }
            """, """
                GcoreParameterAttribute: { type: object, properties: { a: { type: string } } }
                GcoreClient: { type: object, properties: { gcore_client_options: { type: object, properties: { x: { type: string } } } } }
                ThingsOperations: { type: object, properties: { things_operations: { type: object, properties: { x: { type: string } } } } }
                GcoreJson: { type: object, properties: { gcore_exception: { type: object, properties: { x: { type: string } } } } }
                GcoreTransport: { type: object, properties: { a: { type: string } } }
            """));
    }

    [Fact]
    public void AVeryLongName_KeepsHintNamesShort()
    {
        string longName = string.Concat(Enumerable.Repeat("very_long_segment_", 20));
        Generate(Spec("""
              /
            """.TrimEnd() + longName + """
            :
                post:
                  requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/
            """.TrimEnd() + longName + """
            ' } } } }
                  responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { 
            """.TrimEnd() + longName + """
            : { type: object, properties: { x: { type: string } } } } } } } } }
            """, "    " + longName + ": { type: object, properties: { a: { type: string } } }"));
    }
}
