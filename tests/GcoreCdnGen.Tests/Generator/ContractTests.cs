using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using GcoreCdnGen.Contract;
using GcoreCdnGen.Tests.TestInfrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>
/// The names generated code and the runtime declare, against what the generator reserves (GeneratedNames and the
/// runtime's own files): a spec can use any of them as a schema or property name and still compile.
/// </summary>
public class ContractTests
{
    /// <summary>The runtime's source files (the folder that holds the marker attributes, the fake's runtime included), as they are in the repo.</summary>
    private static string[] RuntimeFiles()
    {
        string generator = Path.Combine(Paths.RepoRoot, "src", "GcoreCdnGen");
        string markers = Directory.GetFiles(generator, "GcoreMarkerAttributes.cs", SearchOption.AllDirectories)
            .Single(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        return Directory.GetFiles(Path.GetDirectoryName(markers)!, "*.cs", SearchOption.AllDirectories);
    }

    /// <summary>The types the runtime declares in the client's namespace, read from its files here (not from the generator).</summary>
    private static List<string> RuntimeTypeNames() => RuntimeFiles()
        .SelectMany(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f)).GetRoot()
            .DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .Select(n => n switch
            {
                BaseTypeDeclarationSyntax t => t.Identifier.ValueText,
                DelegateDeclarationSyntax d => d.Identifier.ValueText,
                _ => null,
            }))
        .OfType<string>()
        .Distinct(StringComparer.Ordinal)
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToList();

    /// <summary>A spec whose one operation answers an object with a property of each schema, and each schema named <paramref name="schemaNames"/>.</summary>
    private static string SpecWithSchemas(IReadOnlyList<string> schemaNames, IReadOnlyList<string> propertyNames)
    {
        var yaml = new StringBuilder("""
            openapi: 3.0.3
            info:
              title: Names
              version: '1'
            paths:
              /things:
                get:
                  operationId: get-things
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Things'
            components:
              schemas:
                Things:
                  type: object
                  properties:

            """);
        for (int i = 0; i < schemaNames.Count; i++)
            yaml.Append("          p").Append(i).Append(":\n            $ref: '#/components/schemas/").Append(schemaNames[i]).Append("'\n");
        foreach (var property in propertyNames)
            yaml.Append("          ").Append(property).Append(":\n            type: string\n");
        foreach (var name in schemaNames)
            yaml.Append("    ").Append(name).Append(":\n      type: object\n      properties:\n        id:\n          type: integer\n");
        return yaml.ToString();
    }

    [Fact]
    public void The_generator_reserves_every_type_the_runtime_declares()
    {
        var declared = RuntimeTypeNames();
        Assert.Contains("GcoreParameterAttribute", declared);
        Assert.Contains("GcoreJsonScorer", declared);

        // The options type is renamed after the client; everything else keeps its name.
        var reserved = RuntimeSources.TypeNamesFor("GcoreClient").OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(declared, reserved);
        Assert.Contains("ContosoOptions", RuntimeSources.TypeNamesFor("Contoso"));
        Assert.DoesNotContain("GcoreClientOptions", RuntimeSources.TypeNamesFor("Contoso"));
    }

    [Fact]
    public void A_schema_named_like_a_runtime_type_is_renamed_and_the_client_compiles()
    {
        var names = RuntimeTypeNames().Where(n => n != "GcoreClientOptions").Append("GcoreClientOptions").ToList();
        var run = GeneratorRunner.Run(new SpecItem("/specs/names.yaml", SpecWithSchemas(names, Array.Empty<string>())));

        Assert.Null(run.Exception);
        var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, run.Describe(errors));
        var things = run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.Thing");
        Assert.NotNull(things);
        foreach (var property in things!.GetMembers().OfType<IPropertySymbol>().Where(p => p.Name.StartsWith("P", StringComparison.Ordinal) && p.Name.Length > 1 && char.IsDigit(p.Name[1])))
        {
            var type = property.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
            Assert.True(type.GetAttributes().Any(a => a.AttributeClass?.Name == "GcoreSchemaAttribute"), property.Name + " is of " + type + ", which is not a generated type");
        }
    }

    [Fact]
    public void A_property_named_like_a_generated_member_is_renamed_and_the_client_compiles()
    {
        // What a generated record declares besides its properties (written out here, not taken from the list under test).
        var properties = new[]
        {
            "ReadJson", "WriteJson", "IsSet", "Unset", "AdditionalProperties", "JsonConverter", "Unknown",
            "ToString", "Equals", "GetHashCode", "Deconstruct", "PrintMembers",
        };
        var run = GeneratorRunner.Run(new SpecItem("/specs/members.yaml", SpecWithSchemas(new[] { "Item" }, properties)));

        Assert.Null(run.Exception);
        var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, run.Describe(errors));
        var things = run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.Thing")!;
        var json = things.GetMembers().OfType<IPropertySymbol>()
            .Select(p => p.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "GcorePropertyAttribute")?.ConstructorArguments[0].Value as string)
            .OfType<string>()
            .ToList();
        Assert.Equal(properties.OrderBy(n => n, StringComparer.Ordinal), json.Where(properties.Contains).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void An_enum_value_named_like_a_generated_member_is_renamed_and_the_client_compiles()
    {
        // What a generated enum struct declares besides its values (written out here, not taken from the list under test).
        var values = new[] { "Value", "IsKnown", "ReadJson", "WriteJson", "JsonConverter", "ToString", "Equals", "GetHashCode" };
        string spec = """
            openapi: 3.0.3
            info:
              title: Enum
              version: '1'
            paths:
              /shades:
                get:
                  operationId: get-shade
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Shade'
            components:
              schemas:
                Shade:
                  type: string
                  enum:

            """ + string.Concat(values.Select(v => "        - " + v + "\n"));
        var run = GeneratorRunner.Run(new SpecItem("/specs/enum.yaml", spec));

        Assert.Null(run.Exception);
        var problems = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, run.Describe(problems));
        var shade = run.OutputCompilation.GetTypeByMetadataName("Test.Gcore.Shade")!;
        var listed = shade.GetMembers().OfType<IPropertySymbol>()
            .Select(p => p.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "GcoreEnumValueAttribute")?.ConstructorArguments[0].Value as string)
            .OfType<string>();
        Assert.Equal(values.OrderBy(v => v, StringComparer.Ordinal), listed.OrderBy(v => v, StringComparer.Ordinal));
    }

    /// <summary>
    /// Every member the generator adds to a model type (not a spec property, not what every record has) is one it
    /// reserves: otherwise a spec property of that name would collide with it.
    /// </summary>
    [Fact]
    public void Every_member_the_generator_adds_to_a_model_type_is_reserved()
    {
        var run = GeneratorRunner.Run(SpecItem.FromFile(Paths.OurSpec, "Test.Gcore", tags: "Origins"));
        Assert.Null(run.Exception);
        var reserved = new HashSet<string>(GeneratedNames.ReservedModelMembers, StringComparer.Ordinal);
        var enumReserved = new HashSet<string>(GeneratedNames.ReservedEnumMembers, StringComparer.Ordinal);

        var unreserved = new SortedSet<string>(StringComparer.Ordinal);
        int models = 0;
        foreach (var type in AllTypes(run.OutputCompilation.Assembly.GlobalNamespace))
        {
            if (!type.GetAttributes().Any(a => a.AttributeClass?.Name == "GcoreSchemaAttribute"))
                continue;
            models++;
            bool isEnum = type.TypeKind == Microsoft.CodeAnalysis.TypeKind.Struct;
            foreach (var member in type.GetMembers())
            {
                if (member.IsImplicitlyDeclared || member.DeclaredAccessibility == Accessibility.Private ||
                    member is IMethodSymbol { MethodKind: not MethodKind.Ordinary } ||
                    member.GetAttributes().Any(a => a.AttributeClass?.Name is "GcorePropertyAttribute" or "GcoreEnumValueAttribute") ||
                    member is INamedTypeSymbol nested && nested.GetAttributes().Any(a => a.AttributeClass?.Name == "GcoreSchemaAttribute") ||
                    member is IFieldSymbol && member.Name.StartsWith("_", StringComparison.Ordinal) || // backing fields: a property name never starts with '_'
                    // Conversions to a request body (ToReplaceParams) claim their names after the properties, in the same scope.
                    member is IMethodSymbol { Parameters.Length: 0, ReturnType: var returned } && member.Name.StartsWith("To", StringComparison.Ordinal) &&
                    returned.GetAttributes().Any(a => a.AttributeClass?.Name == "GcoreSchemaAttribute" && a.NamedArguments.Any(n => n.Key == "Request" && n.Value.Value is true)))

                {
                    continue;
                }

                if (!(isEnum ? enumReserved : reserved).Contains(member.Name))
                    unreserved.Add((isEnum ? "enum " : "") + type.Name + "." + member.Name);
            }
        }

        Assert.True(models > 10, "too few generated model types: " + models);
        Assert.True(unreserved.Count == 0, "generated members a spec property could collide with: " + string.Join(", ", unreserved));
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
    {
        foreach (var type in ns.GetTypeMembers())
        {
            yield return type;
            foreach (var nested in type.GetTypeMembers())
                yield return nested;
        }

        foreach (var child in ns.GetNamespaceMembers())
        {
            foreach (var type in AllTypes(child))
                yield return type;
        }
    }
}
