using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using GcoreCdnGen.Tests.TestInfrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>
/// Hundreds of broken and strange documents: no exception escapes the generator, the output compiles or a
/// located GCDN diagnostic says why, and every run ends within a bound. Deterministic: fixed seeds.
/// </summary>
public class FuzzTests
{
    private const int Documents = 520;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private const string Seed = """
        openapi: 3.1.0
        info: { title: fuzz, version: '1' }
        paths:
          /things:
            get:
              operationId: list-things
              parameters:
                - { in: query, name: limit, schema: { type: integer, minimum: 1, maximum: 1000 } }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        oneOf:
                          - type: array
                            items: { $ref: '#/components/schemas/Thing' }
                          - allOf:
                              - $ref: '#/components/schemas/Page'
                              - type: object
                                properties:
                                  results:
                                    type: array
                                    items: { $ref: '#/components/schemas/Thing' }
            post:
              operationId: create-thing
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/NewThing' }
              responses:
                '201':
                  description: created
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Thing' }
          /things/{thing_id}:
            delete:
              operationId: delete-thing
              parameters:
                - { in: path, name: thing_id, required: true, schema: { type: integer } }
              responses:
                '204': { description: gone }
        components:
          schemas:
            Page:
              type: object
              required: [count, results]
              properties:
                count: { type: integer }
                next: { type: string, nullable: true }
                results: { type: array }
            Thing:
              type: object
              required: [id, name]
              properties:
                id: { type: integer }
                name: { type: string, maxLength: 255 }
                kind: { $ref: '#/components/schemas/Kind' }
                parts:
                  type: array
                  items: { $ref: '#/components/schemas/Part' }
            NewThing:
              oneOf:
                - type: object
                  title: Current
                  required: [name]
                  properties:
                    name: { type: string }
                    parts: { type: array, items: { $ref: '#/components/schemas/Part' } }
                - type: object
                  title: Legacy
                  deprecated: true
                  properties:
                    name: { type: string }
                    path: { type: string, deprecated: true }
            Part:
              oneOf:
                - $ref: '#/components/schemas/HostPart'
                - $ref: '#/components/schemas/BucketPart'
            HostPart:
              type: object
              required: [host]
              properties:
                host: { type: string }
                backup: { type: boolean }
            BucketPart:
              type: object
              required: [bucket]
              properties:
                bucket: { type: string }
                backup: { type: boolean }
            Kind:
              type: string
              enum: [a, b, c]
        """;

    public static IEnumerable<object[]> Batches() => Enumerable.Range(0, 8).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Batches))]
    public async Task MutatedDocuments_NeverCrash_AndCompileOrSayWhy(int batch)
    {
        int perBatch = Documents / 8;
        var failures = new List<string>();
        for (int i = batch * perBatch; i < (batch + 1) * perBatch; i++)
        {
            var (name, text) = Mutate(i);
            var task = Task.Run(() => GeneratorRunner.Run(new SpecItem("/fuzz/" + i + ".yaml", text)));
            var finished = await Task.WhenAny(task, Task.Delay(Bound));
            if (finished != task)
            {
                failures.Add(name + " #" + i + ": did not finish within " + Bound.TotalSeconds + " s");
                continue;
            }

            var run = await task;
            if (run.Exception is not null)
            {
                failures.Add(name + " #" + i + ": " + run.Exception);
                continue;
            }

            if (run.GeneratorDiagnostics.Any(d => d.Id is "CS8785" or "AD0001"))
            {
                failures.Add(name + " #" + i + ": generator failure diagnostic");
                continue;
            }

            var spec = run.GeneratorDiagnostics.Where(d => d.Id.StartsWith("GCDN", StringComparison.Ordinal)).ToList();
            if (spec.Any(d => d.Location.GetLineSpan().Path != "/fuzz/" + i + ".yaml" || d.Location.GetLineSpan().StartLinePosition.Line < 0))
                failures.Add(name + " #" + i + ": a spec diagnostic is not located in the spec");

            if (run.OutputCompilation.GetSymbolsWithName(n => n.StartsWith("Pwned", StringComparison.Ordinal)).Any())
                failures.Add(name + " #" + i + ": text from the spec became a member of the generated code");

            var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
                failures.Add(name + " #" + i + ": generated code does not compile: " + errors[0] + (spec.Count > 0 ? " (spec said: " + spec[0].GetMessage() + ")" : ""));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
    }

    /// <summary>The i-th document: a fixed mutation of the seed, chosen and parameterised by i.</summary>
    private static (string Name, string Text) Mutate(int i)
    {
        var random = new Random(i * 7919 + 17);
        var lines = Seed.Replace("\r\n", "\n").Split('\n').ToList();
        switch (i % 17)
        {
            case 0:
                return ("truncated", Seed.Substring(0, random.Next(Seed.Length)));
            case 1:
                lines.RemoveAt(random.Next(lines.Count));
                return ("line removed", string.Join("\n", lines));
            case 2:
                int at = random.Next(lines.Count);
                lines.Insert(at, lines[random.Next(lines.Count)]);
                return ("line duplicated", string.Join("\n", lines));
            case 3:
                string[] types = { "object", "array", "integer", "'[string, integer]'", "null", "5", "'[string, \"null\"]'", "boolean" };
                var typed = lines.Select((l, n) => (l, n)).Where(x => x.l.Contains("type: ")).ToList();
                var pick = typed[random.Next(typed.Count)];
                int colon = pick.l.IndexOf("type: ", StringComparison.Ordinal) + 6;
                int end = pick.l.IndexOfAny(new[] { ',', '}' }, colon);
                lines[pick.n] = pick.l.Substring(0, colon) + types[random.Next(types.Length)] + (end < 0 ? "" : pick.l.Substring(end));
                return ("wrong type", string.Join("\n", lines));
            case 4:
                var refs = lines.Select((l, n) => (l, n)).Where(x => x.l.Contains("#/components/schemas/")).ToList();
                var r = refs[random.Next(refs.Count)];
                lines[r.n] = System.Text.RegularExpressions.Regex.Replace(r.l, "#/components/schemas/[A-Za-z]+", "#/components/schemas/Missing" + i);
                return ("dangling ref", string.Join("\n", lines));
            case 5:
                return ("ref cycle", Seed.Replace("        parts:\n          type: array\n          items: { $ref: '#/components/schemas/Part' }",
                    "        parts:\n          type: array\n          items: { $ref: '#/components/schemas/Thing' }\n        self: { $ref: '#/components/schemas/Thing' }\n        loop: { $ref: '#/components/schemas/LoopA' }")
                    + "\n    LoopA:\n      oneOf:\n        - $ref: '#/components/schemas/LoopB'\n        - type: array\n          items: { $ref: '#/components/schemas/LoopA' }\n    LoopB:\n      type: array\n      items: { $ref: '#/components/schemas/LoopA' }\n");
            case 6:
                var values = string.Join(", ", Enumerable.Range(0, 500 + random.Next(2000)).Select(n => "v" + n + (n % 7 == 0 ? "-x" : "")));
                return ("huge enum", Seed.Replace("enum: [a, b, c]", "enum: [" + values + ", V0, 'v 0']"));
            case 7:
                int depth = 20 + random.Next(200);
                var sb = new StringBuilder("\n    Deep:\n");
                string indent = "      ";
                for (int d = 0; d < depth; d++)
                {
                    sb.Append(indent).Append("type: object\n").Append(indent).Append("properties:\n").Append(indent).Append("  n").Append(d).Append(":\n");
                    indent += "    ";
                }

                sb.Append(indent).Append("type: string\n");
                return ("deep nesting", Seed.Replace("        kind: { $ref: '#/components/schemas/Kind' }", "        kind: { $ref: '#/components/schemas/Kind' }\n        deep: { $ref: '#/components/schemas/Deep' }") + sb);
            case 8:
                return ("duplicate operationIds", Seed.Replace("operationId: create-thing", "operationId: list-things").Replace("operationId: delete-thing", "operationId: list-things"));
            case 9:
                return ("empty names", Seed.Replace("        name: { type: string, maxLength: 255 }", "        '': { type: string }\n        ' ': { type: integer }\n        '-': { type: boolean }")
                    .Replace("operationId: list-things", "operationId: ''"));
            case 10:
                var chars = Seed.ToCharArray();
                for (int k = 0; k < 1 + random.Next(5); k++)
                    chars[random.Next(chars.Length)] = "{}[]:,'\"-#&*!|>\t"[random.Next(16)];
                return ("noise", new string(chars));
            case 11:
                return ("as JSON, truncated", ToJsonish(random));
            case 12:
                return ("swapped union kinds", Seed.Replace("oneOf:", random.Next(2) == 0 ? "anyOf:" : "allOf:"));
            case 13:
                return ("line terminators in text", Breakout(random));
            case 14:
                return ("schema cycle", Cycle(random));
            case 15:
                return ("boolean schemas", BooleanSchemas(random, lines));
            default:
                return ("huge numbers", HugeNumbers(random));
        }
    }

    /// <summary>Spec text in every place it reaches code, each holding a line break (or another breaker) and then C#.</summary>
    private static string Breakout(Random random)
    {
        string[] breakers = { "\\n", "\\r", "\\r\\n", "\\x85", "\\u2028", "\\u2029", "\\f", "\\v", "\\0", "*/", "</summary>", "\\\"\\\"\\\"", "\\\"", "\\\\" };
        string Text(string plain)
        {
            string b = breakers[random.Next(breakers.Length)];
            return "\"" + plain + b + "public static int Pwned => 1; " + b + "/// <summary>" + b + "\\\"); public static int Pwned2 => 2; //\"";
        }

        return Seed.Replace("info: { title: fuzz, version: '1' }", "info: { title: " + Text("fuzz") + ", version: '1' }")
            .Replace("operationId: delete-thing", "operationId: " + Text("delete-thing") + "\n      summary: " + Text("Deletes") + "\n      description: " + Text("Really"))
            .Replace("enum: [a, b, c]", "enum: [a, b, " + Text("c") + "]\n      description: " + Text("Kinds"))
            .Replace("name: { type: string, maxLength: 255 }", "name: { type: string, maxLength: 255, pattern: " + Text("^x") + ", default: " + Text("d") + ", description: " + Text("Name") + " }")
            .Replace("title: Legacy", "title: " + Text("Legacy"));
    }

    /// <summary>Schemas that reach themselves without an object in between: allOf rings, $ref alias rings, arrays of unions of themselves.</summary>
    private static string Cycle(Random random)
    {
        string extra = random.Next(4) switch
        {
            0 => "    CycleA:\n      allOf:\n        - $ref: '#/components/schemas/CycleB'\n        - { type: object, properties: { a: { type: string } } }\n" +
                 "    CycleB:\n      allOf:\n        - $ref: '#/components/schemas/CycleA'\n        - { type: object, properties: { b: { type: string } } }\n",
            1 => "    CycleA:\n      allOf:\n        - $ref: '#/components/schemas/CycleA'\n        - $ref: '#/components/schemas/Thing'\n",
            2 => "    CycleA:\n      $ref: '#/components/schemas/CycleB'\n    CycleB:\n      $ref: '#/components/schemas/CycleC'\n    CycleC:\n      $ref: '#/components/schemas/CycleA'\n",
            _ => "    CycleA:\n      oneOf:\n        - { type: array, items: { $ref: '#/components/schemas/CycleA' } }\n        - { type: object, additionalProperties: { $ref: '#/components/schemas/CycleA' } }\n",
        };
        return Seed.Replace("        kind: { $ref: '#/components/schemas/Kind' }", "        kind: { $ref: '#/components/schemas/Kind' }\n        cycle: { $ref: '#/components/schemas/CycleA' }")
            .Replace("        - $ref: '#/components/schemas/BucketPart'", "        - $ref: '#/components/schemas/BucketPart'" + (random.Next(2) == 0 ? "\n        - $ref: '#/components/schemas/CycleA'" : "")) + "\n" + extra;
    }

    /// <summary>OpenAPI 3.1's boolean schemas (true: anything, false: nothing) in place of some schemas.</summary>
    private static string BooleanSchemas(Random random, List<string> lines)
    {
        var schemas = lines.Select((l, n) => (l, n)).Where(x => System.Text.RegularExpressions.Regex.IsMatch(x.l, "^\\s+[a-z]+: \\{ (type|\\$ref): [^{}]*\\}$")).ToList();
        for (int k = 0; k < 1 + random.Next(3); k++)
        {
            var pick = schemas[random.Next(schemas.Count)];
            lines[pick.n] = pick.l.Substring(0, pick.l.IndexOf(": ", StringComparison.Ordinal) + 2) + (random.Next(2) == 0 ? "true" : "false");
        }

        return string.Join("\n", lines) + "\n    Anything: true\n    Nothing: false\n";
    }

    /// <summary>Lengths, counts and bounds beyond what the reader's integers hold.</summary>
    private static string HugeNumbers(Random random)
    {
        string[] big = { "99999999999", "1e20", "-5", "2147483648", "1.5", "-99999999999999999999999" };
        string Big() => big[random.Next(big.Length)];
        return Seed.Replace("name: { type: string, maxLength: 255 }", "name: { type: string, maxLength: " + Big() + ", minLength: " + Big() + " }")
            .Replace("minimum: 1, maximum: 1000", "minimum: " + Big() + "e300, maximum: 1e400")
            .Replace("          type: array\n          items: { $ref: '#/components/schemas/Part' }", "          type: array\n          maxItems: " + Big() + "\n          items: { $ref: '#/components/schemas/Part' }");
    }

    private static string ToJsonish(Random random)
    {
        string json = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"j\",\"version\":\"1\"},\"paths\":{\"/a\":{\"get\":{\"operationId\":\"get-a\",\"responses\":{\"200\":{\"description\":\"ok\",\"content\":{\"application/json\":{\"schema\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\",\"nullable\":true}}}}}}}}}}}";
        return random.Next(3) == 0 ? json : json.Substring(0, random.Next(json.Length));
    }
}
