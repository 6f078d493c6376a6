using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GcoreCdnGen.Tests.TestInfrastructure;
using Microsoft.CodeAnalysis;
using SharpYaml.Serialization;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>
/// Every one of Gcore's documents (<c>cdn_api.yaml</c> and each <c>products/*.yaml</c>, unfiltered) generates once
/// per target framework and compiles with nullable on, warnings as errors and doc comments checked (as with
/// GenerateDocumentationFile), with no warning at all, and every
/// operation the document has is a method on the client. The documents' operations are counted here by walking
/// the YAML, not by the generator's reader. The in-memory fake is generated too: it must compile against every document.
/// </summary>
public class ProductDocumentTests
{
    /// <summary>
    /// Problems of the documents themselves, each reported as a located warning: (file, diagnostic ID, what its
    /// message says). Anything else a document raises fails the test.
    /// </summary>
    private static readonly (string File, string Id, string Message, string Why)[] KnownExceptions =
    {
        ("billing_api.yaml", "GCDN103", "path parameter '{plan_pk}'",
            "the path names {plan_pk} but declares no such parameter; it is sent as a string"),
        ("object_storage_api.yaml", "GCDN101", "The key 'SFTP StorageItemV4'",
            "a component name with a space breaks OpenAPI's naming rule (the schema is still read)"),
        ("object_storage_api.yaml", "GCDN101", "The key 'SFTP StorageListEndpointResV4'",
            "a component name with a space breaks OpenAPI's naming rule (the schema is still read)"),
    };

    private static readonly HashSet<string> HttpMethods = new(StringComparer.OrdinalIgnoreCase)
    {
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    };

    public static IEnumerable<object[]> Frameworks() =>
        new[] { new object[] { TargetFramework.Net80 }, new object[] { TargetFramework.Net100 } };

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void EveryDocument_GeneratesEveryOperation_WithoutWarnings(TargetFramework framework)
    {
        string cdn = Paths.RequireGcoreSpec();
        var files = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(cdn)!, "products"), "*.yaml")
            .Append(cdn)
            .OrderByDescending(f => new FileInfo(f).Length) // the largest first, so the small ones fill in beside it
            .ToList();
        Assert.True(files.Count >= 16, "expected cdn_api.yaml and 15 product documents, found " + files.Count);
        var failures = new ConcurrentBag<string>();
        var counted = new ConcurrentBag<string>();

        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, file =>
        {
            string name = Path.GetFileName(file);
            string text = File.ReadAllText(file);
            int expected = CountOperations(text);
            // checkDocs: as in a project with GenerateDocumentationFile, where a doc comment's warning fails the build too.
            var run = GeneratorRunner.Run(new[] { new SpecItem(file, text, GenerateFake: "true") }, framework: framework, checkDocs: true);
            if (run.Exception is { } thrown)
            {
                failures.Add(name + ": generator exception " + thrown.GetType().Name + ": " + thrown.Message);
                return;
            }

            var known = KnownExceptions.Where(k => k.File == name).ToList();
            var problems = run.Problems()
                .Where(d => !known.Any(k => d.Id == k.Id && d.GetMessage().Contains(k.Message, StringComparison.Ordinal)))
                .ToList();
            if (problems.Count > 0)
                failures.Add(name + ": " + problems.Count + " problem(s):\n  " + string.Join("\n  ", problems.Take(8)));
            foreach (var exception in known)
            {
                // Still reported, and located: a known exception that no longer happens is taken off the list.
                var reported = run.GeneratorDiagnostics.FirstOrDefault(d => d.Id == exception.Id && d.GetMessage().Contains(exception.Message, StringComparison.Ordinal));
                if (reported is null)
                    failures.Add(name + ": the known exception '" + exception.Message + "' is not reported any more; remove it from the list");
                else if (reported.Location == Location.None)
                    failures.Add(name + ": '" + exception.Message + "' is reported without a location");
            }

            int generated = ClientOperations(run.OutputCompilation);
            counted.Add(name + " " + generated + "/" + expected);
            if (generated != expected)
                failures.Add(name + ": " + generated + " operations on the client, " + expected + " in the document");
        });

        Assert.True(failures.IsEmpty, string.Join("\n", failures.OrderBy(f => f, StringComparer.Ordinal)) + "\n(counted: " + string.Join(", ", counted.OrderBy(c => c, StringComparer.Ordinal)) + ")");
    }

    /// <summary>The document's operations: each HTTP method under each path, read from the YAML itself.</summary>
    private static int CountOperations(string yaml)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
            stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var paths = (YamlMappingNode)root.Children.First(c => ((YamlScalarNode)c.Key).Value == "paths").Value;
        return paths.Children.Values.OfType<YamlMappingNode>()
            .Sum(item => item.Children.Keys.OfType<YamlScalarNode>().Count(k => HttpMethods.Contains(k.Value!)));
    }

    /// <summary>
    /// The client's operations: public methods carrying <c>[GcoreOperation]</c> on the client and its resources,
    /// less the paging helpers (<c>…AllAsync</c>, which repeat a list operation) and the <c>WithRawResponse</c> twins.
    /// </summary>
    private static int ClientOperations(Compilation compilation)
    {
        var client = compilation.GetTypeByMetadataName("Test.Gcore.GcoreClient");
        Assert.NotNull(client);
        int operations = 0;
        void Count(INamedTypeSymbol type)
        {
            operations += type.GetMembers().OfType<IMethodSymbol>().Count(m =>
                m.DeclaredAccessibility == Accessibility.Public &&
                m.GetAttributes().Any(a => a.AttributeClass?.Name == "GcoreOperationAttribute") &&
                m.ReturnType.Name != "IAsyncEnumerable");
            foreach (var nested in type.GetTypeMembers().Where(t => t.Name != "RawResponseOperations"))
                Count(nested);
        }

        Count(client!);
        return operations;
    }
}
