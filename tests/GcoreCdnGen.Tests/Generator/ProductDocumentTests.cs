using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GcoreCdnGen.Tests.TestInfrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>Every one of Gcore's product documents generates (with the in-memory fake) without a generator exception and compiles.</summary>
public class ProductDocumentTests
{
    [Fact]
    public void EveryProductDocument_GeneratesAndCompilesWithoutErrors()
    {
        string folder = Path.Combine(Path.GetDirectoryName(Paths.RequireGcoreSpec())!, "products");
        var files = Directory.GetFiles(folder, "*.yaml").OrderByDescending(f => new FileInfo(f).Length).ToList();
        Assert.NotEmpty(files);
        var failures = new ConcurrentBag<string>();

        // One compilation per document, two documents at a time (the largest first, so they overlap the small ones).
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, file =>
        {
            // With the fake: it must compile against every document too.
            var run = GeneratorRunner.Run(new SpecItem(file, File.ReadAllText(file), GenerateFake: "true"));
            if (run.Exception is { } exception)
            {
                failures.Add(Path.GetFileName(file) + ": generator exception " + exception.GetType().Name + ": " + exception.Message);
                return;
            }

            var errors = run.OutputCompilation.GetDiagnostics().Concat(run.GeneratorDiagnostics)
                .Where(d => d.Severity == DiagnosticSeverity.Error && !d.IsWarningAsError)
                .ToList();
            if (errors.Count > 0)
                failures.Add(Path.GetFileName(file) + ":\n  " + string.Join("\n  ", errors.Take(8)));
        });

        Assert.True(failures.IsEmpty, string.Join("\n", failures.OrderBy(f => f)));
    }
}
