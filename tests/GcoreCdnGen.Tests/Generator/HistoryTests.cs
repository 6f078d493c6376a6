using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GcoreCdnGen.Tests.TestInfrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GcoreCdnGen.Tests.Generator;

/// <summary>
/// A typical program written against today's cdn_api.yaml compiles unchanged against Gcore's earlier published
/// documents, except where the JSON of what it uses really differed; each such difference is listed with its reason,
/// and the test proves the program needs exactly that change.
/// </summary>
public class HistoryTests
{
    private const string Program = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Test.Gcore;

        public static class Typical
        {
            public static async Task RunAsync(GcoreClient client, CancellationToken ct)
            {
                OriginGroup created = await client.Cdn.OriginGroups.CreateAsync(new OriginGroupCreateParams
                {
                    Name = "static-assets",
                    Sources =
                    [
                        new HostSource { Source = "origin.example.com" },
                        new HostSource { Source = "1.2.3.4:5500", Backup = true, Enabled = true },
                    ],
                    UseNext = true,
                    ProxyNextUpstream = ["error", "timeout", "http_502"],
                }, ct);
                long id = created.Id;
                await foreach (OriginGroup group in client.Cdn.OriginGroups.ListAllAsync(cancellationToken: ct))
                    Console.WriteLine(group.Name + group.UseNext);
                OriginGroup one = await client.Cdn.OriginGroups.GetAsync(id, ct);
                Console.WriteLine(one.Name);
                await client.Cdn.OriginGroups.DeleteAsync(id, ct);
            }
        }
        """;

    /// <summary>A change the program needs on one document, and why the wire contract made it necessary.</summary>
    public sealed record Difference(string Before, string After, string Reason);

    private static readonly Difference OneSourceShape = new(
        "new HostSource", "new OriginGroupSource",
        "Before April 2026 a source had one shape (a host; no origin_type, no S3 or FastEdge kinds): no union, and its one type is named by its owner.");

    private static readonly Difference OptionalId = new(
        "long id = created.Id;", "long id = created.Id ?? 0;",
        "Before April 2026 the response did not require id.");

    private static readonly Difference BareList = new(
        "await foreach (OriginGroup group in client.Cdn.OriginGroups.ListAllAsync(cancellationToken: ct))",
        "foreach (OriginGroup group in await client.Cdn.OriginGroups.ListAsync(cancellationToken: ct))",
        "Before April 2026 the list had no limit/offset and answered a bare array: there are no pages to walk.");

    public static TheoryData<string, string[]> Documents => new()
    {
        { "cdn_api.yaml", Array.Empty<string>() },
        { "history/cdn_api.2025-06-11.6efb20598.yaml", new[] { nameof(OneSourceShape), nameof(OptionalId), nameof(BareList) } },
        { "history/cdn_api.2025-10-01.fdaf311ae.yaml", new[] { nameof(OneSourceShape), nameof(OptionalId), nameof(BareList) } },
        { "history/cdn_api.2026-04-08.1ee553b0b.yaml", Array.Empty<string>() },
        { "history/cdn_api.2026-04-08.30864f364.yaml", Array.Empty<string>() },
        { "history/cdn_api.2026-05-15.b4544e8f2.yaml", Array.Empty<string>() },
    };

    private static Difference Named(string name) => name switch
    {
        nameof(OneSourceShape) => OneSourceShape,
        nameof(OptionalId) => OptionalId,
        nameof(BareList) => BareList,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static IReadOnlyList<Diagnostic> Errors(string document, string program)
    {
        string path = Path.Combine(Path.GetDirectoryName(Paths.RequireGcoreSpec())!, document);
        var run = GeneratorRunner.Run(SpecItem.FromFile(path, tags: "Origins"), program);
        Assert.Null(run.Exception);
        return run.OutputCompilation.GetDiagnostics().Concat(run.GeneratorDiagnostics)
            .Where(d => d.Severity == DiagnosticSeverity.Error && !d.IsWarningAsError && d.Location.SourceTree?.FilePath is "User.cs" or null)
            .ToList();
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void TypicalProgram_CompilesAgainstEachVersion_ExceptForRealWireDifferences(string document, string[] differences)
    {
        string program = Program;
        foreach (var difference in differences.Select(Named))
        {
            Assert.Contains(difference.Before, program);
            program = program.Replace(difference.Before, difference.After);
        }

        var errors = Errors(document, program);
        Assert.True(errors.Count == 0, document + ":\n" + string.Join("\n", errors.Take(20)));

        // Each listed difference is needed: without it the program does not compile on this document.
        foreach (var difference in differences.Select(Named))
        {
            var without = Errors(document, program.Replace(difference.After, difference.Before));
            Assert.True(without.Count > 0, document + ": '" + difference.Reason + "' is listed but the program compiles without the change.");
        }
    }
}
