using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using GcoreCdnGen.Tests.TestInfrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>
/// A spec written by an attacker: its text never becomes C# in the user's assembly, whatever characters it holds and
/// wherever it lands (XML doc comment, string literal, identifier).
/// </summary>
public class HostileSpecTests
{
    /// <summary>Every way C# ends a line, and other characters that have broken generators before.</summary>
    public static IEnumerable<object[]> Breakers() => new[]
    {
        "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\f", "\v", "\0", "\u0001", "\u007f", "\uFFFF", "*/", "</summary>", "\"\"\"", "\"", "\\",
    }.Select(b => new object[] { Name(b) });

    /// <summary>Unpaired surrogates: the document reader refuses them, so only the escaping itself meets them.</summary>
    public static IEnumerable<object[]> Surrogates() => new[] { "\uD800", "\uDC00", "a\uDBFFb", "\uDC00\uD800" }.Select(b => new object[] { Name(b) });

    private static string Name(string breaker) => string.Concat(breaker.Select(c => ((int)c).ToString("x4", CultureInfo.InvariantCulture)));

    private static string FromName(string name) =>
        new(Enumerable.Range(0, name.Length / 4).Select(i => (char)int.Parse(name.Substring(i * 4, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray());

    /// <summary>Text that, once out of its comment or literal, declares a member every type would show.</summary>
    private static string Payload(string breaker) =>
        "x" + breaker + "public static int Pwned => 1; " + breaker + "/// <summary>" + breaker + "\"); public static int Pwned2 => 2; //" + breaker + "y";

    /// <summary>JSON text with every character outside printable ASCII escaped, lone surrogates included.</summary>
    private static string Json(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in value)
        {
            if (c is '"' or '\\')
                sb.Append('\\').Append(c);
            else if (c < 0x20 || c > 0x7e)
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else
                sb.Append(c);
        }

        return sb.Append('"').ToString();
    }

    /// <summary>One document that puts the hostile text in every place spec text reaches generated code.</summary>
    internal static string Document(string p)
    {
        string t = Json(p);
        return $$"""
            {
              "openapi": "3.1.0",
              "info": { "title": {{t}}, "version": "1" },
              "paths": {
                "/things/{thing_id}": {
                  "get": {
                    "operationId": {{Json("get" + p)}},
                    "summary": {{t}},
                    "description": {{Json("More. " + p)}},
                    "deprecated": true,
                    "parameters": [
                      { "in": "path", "name": "thing_id", "required": true, "description": {{t}}, "schema": { "type": "string", "pattern": {{t}}, "maxLength": 10 } },
                      { "in": "query", "name": "filter", "description": {{Json("Deprecated. " + p)}}, "deprecated": true, "schema": { "type": "string", "minLength": 1 } }
                    ],
                    "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } } }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Thing": {
                    "type": "object",
                    "title": {{t}},
                    "description": {{t}},
                    "required": ["id"],
                    "properties": {
                      "id": { "type": "string", "description": {{t}}, "pattern": {{t}}, "default": {{t}}, "maxLength": 100 },
                      "kind": { "$ref": "#/components/schemas/Kind" },
                      "old": { "type": "string", "deprecated": true, "description": {{Json("Deprecated. " + p)}} }
                    }
                  },
                  "Kind": { "type": "string", "description": {{t}}, "enum": [{{t}}, "plain"] }
                }
              }
            }
            """;
    }

    [Theory]
    [MemberData(nameof(Breakers))]
    public void SpecText_NeverBecomesCode_InAnyContext(string breakerName)
    {
        string breaker = FromName(breakerName);
        string payload = Payload(breaker);
        var run = GeneratorRunner.Run(new[] { new SpecItem("/specs/hostile.json", Document(payload)) }, checkDocs: true);

        Assert.Null(run.Exception);
        // CS1573 (a parameter without a <param> tag) is about the shipped Support code's own docs, not about spec text.
        var problems = run.Problems().Where(d => d.Id != "CS1573").ToList();
        Assert.True(problems.Count == 0, run.Describe(problems));

        var types = AllTypes(run.OutputCompilation.Assembly.GlobalNamespace).ToList();
        Assert.Contains(types, t => t.Name == "GcoreClient");
        var injected = types.SelectMany(t => t.GetMembers()).Where(m => m.Name.StartsWith("Pwned", StringComparison.Ordinal)).ToList();
        Assert.True(injected.Count == 0, "injected: " + string.Join(", ", injected));

        // The text arrives whole where it is a value: the enum value and the operationId, as the markers carry them.
        var kind = types.Single(t => t.Name == "Kind");
        var values = kind.GetMembers().SelectMany(m => m.GetAttributes()).Where(a => a.AttributeClass?.Name == "GcoreEnumValueAttribute")
            .Select(a => (string?)a.ConstructorArguments[0].Value).ToList();
        Assert.Contains(payload, values);
        var operationIds = types.SelectMany(t => t.GetMembers()).SelectMany(m => m.GetAttributes()).Where(a => a.AttributeClass?.Name == "GcoreOperationAttribute")
            .Select(a => (string?)a.ConstructorArguments[0].Value).ToList();
        Assert.Contains("get" + payload, operationIds);
    }

    [Theory]
    [MemberData(nameof(Surrogates))]
    public void UnpairedSurrogates_AreRefusedWhereTheyStand(string breakerName)
    {
        var run = GeneratorRunner.Run(new SpecItem("/specs/hostile.json", Document(Payload(FromName(breakerName)))));

        Assert.Null(run.Exception);
        var d = Assert.Single(run.GeneratorDiagnostics, x => x.Id == "GCDN100");
        Assert.Equal("/specs/hostile.json", d.Location.GetLineSpan().Path);
        Assert.Empty(run.Sources);
    }

    /// <summary>Were one to get through, the escaping still keeps it out of code: compiled as a literal and as a doc comment.</summary>
    [Theory]
    [MemberData(nameof(Surrogates))]
    [MemberData(nameof(Breakers))]
    public void Escaping_KeepsAnyTextOutOfCode_InALiteralAndADocComment(string breakerName)
    {
        string payload = Payload(FromName(breakerName));
        var code = new StringBuilder("namespace N\n{\n    /// <summary>C</summary>\n    public static class C\n    {\n        /// <summary>\n");
        foreach (var line in GcoreCdnGen.Naming.Escaping.DocLines(payload))
            code.Append("        /// ").Append(line).Append('\n');
        code.Append("        /// <c>").Append(GcoreCdnGen.Naming.Escaping.DocText(payload)).Append("</c></summary>\n");
        code.Append("        public const string Value = ").Append(GcoreCdnGen.Naming.Escaping.Literal(payload)).Append(";\n    }\n}\n");
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(code.ToString(),
            new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(documentationMode: DocumentationMode.Diagnose));
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Escaped", new[] { tree }, Basic.Reference.Assemblies.Net100.References.All,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var type = compilation.GetTypeByMetadataName("N.C")!;
        Assert.Equal(new[] { ".ctor", "Value" }.Where(n => n != ".ctor"), type.GetMembers().Select(m => m.Name));
        Assert.Equal(payload, ((IFieldSymbol)type.GetMembers("Value").Single()).ConstantValue);
    }

    internal static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
    {
        foreach (var type in ns.GetTypeMembers())
        {
            foreach (var nested in Nested(type))
                yield return nested;
        }

        foreach (var child in ns.GetNamespaceMembers())
        {
            foreach (var type in AllTypes(child))
                yield return type;
        }
    }

    private static IEnumerable<INamedTypeSymbol> Nested(INamedTypeSymbol type)
    {
        yield return type;
        foreach (var inner in type.GetTypeMembers().SelectMany(Nested))
            yield return inner;
    }
}
