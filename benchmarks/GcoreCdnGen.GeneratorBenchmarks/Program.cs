using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Running;
using GcoreCdnGen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GcoreCdnGen.GeneratorBenchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--peak")
        {
            // One whole-document run in a fresh process: peak working set and bytes allocated.
            var inputs = Inputs.Load();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var driver = Inputs.Driver(inputs.WholeDocument, inputs.WholePath).RunGenerators(inputs.Compilation);
            watch.Stop();
            var result = driver.GetRunResult();
            int files = result.GeneratedTrees.Length;
            if (files == 0)
                throw new InvalidOperationException("the generator produced nothing: " + result.Results[0].Exception + string.Join("; ", result.Diagnostics));
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            Console.WriteLine($"whole document, first run in a fresh process: {watch.Elapsed.TotalMilliseconds:F0} ms, {files} files, " +
                $"{allocated / (1024.0 * 1024):F1} MB allocated, peak working set {process.PeakWorkingSet64 / (1024.0 * 1024):F0} MB");
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}

/// <summary>The specs and a consumer compilation, as a build would hand them to the generator.</summary>
public sealed class Inputs
{
    public required string OurSpec { get; init; }
    public required string OurPath { get; init; }
    public required string WholeDocument { get; init; }
    public required string WholePath { get; init; }
    public required string CloudDocument { get; init; }
    public required string CloudPath { get; init; }
    public required Compilation Compilation { get; init; }

    public static Inputs Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GcoreCdnGen.sln")))
            dir = dir.Parent;
        string root = dir?.FullName ?? throw new InvalidOperationException("run inside the repository");
        string ours = Path.Combine(root, "spec", "gcore-origin-groups.yaml");
        string whole = Path.GetFullPath(Path.Combine(root, "..", "shared", "specs", "gcore", "cdn_api.yaml"));
        // The largest of Gcore's product documents (2.1 MB).
        string cloud = Path.GetFullPath(Path.Combine(root, "..", "shared", "specs", "gcore", "products", "cloud_api.yaml"));
        return new Inputs
        {
            OurSpec = File.ReadAllText(ours),
            OurPath = ours,
            WholeDocument = File.ReadAllText(whole),
            WholePath = whole,
            CloudDocument = File.ReadAllText(cloud),
            CloudPath = cloud,
            Compilation = CSharpCompilation.Create("Consumer",
                new[] { CSharpSyntaxTree.ParseText("class User { void M() { } }", path: "User.cs") },
                Basic.Reference.Assemblies.Net100.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)),
        };
    }

    public static GeneratorDriver Driver(string text, string path) =>
        CSharpGeneratorDriver.Create(
            new[] { new OpenApiGenerator().AsSourceGenerator() },
            new[] { (AdditionalText)new Text(path, text) },
            new CSharpParseOptions(LanguageVersion.Latest),
            new Options(path));

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);
        public override string Path => path;
        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options(string path) : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions None = new Values(new());
        private readonly AnalyzerConfigOptions _spec = new Values(new()
        {
            ["build_metadata.AdditionalFiles.GcoreCdnGenSpec"] = "true",
            ["build_metadata.AdditionalFiles.GcoreCdnGenNamespace"] = "Bench.Gcore",
        });

        public override AnalyzerConfigOptions GlobalOptions => None;
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == path ? _spec : None;
    }

    private sealed class Values(System.Collections.Generic.Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

/// <summary>Warm: the generator's full run (parse, model, emit) in a process that has run it before.</summary>
[MemoryDiagnoser]
public class WarmRuns
{
    private Inputs _inputs = null!;

    [GlobalSetup]
    public void Setup() => _inputs = Inputs.Load();

    [Benchmark]
    public int OurSpec() => Inputs.Driver(_inputs.OurSpec, _inputs.OurPath).RunGenerators(_inputs.Compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int WholeDocument() => Inputs.Driver(_inputs.WholeDocument, _inputs.WholePath).RunGenerators(_inputs.Compilation).GetRunResult().GeneratedTrees.Length;

    /// <summary>Gcore's Cloud document, whole: the largest one.</summary>
    [Benchmark]
    public int CloudDocument() => Inputs.Driver(_inputs.CloudDocument, _inputs.CloudPath).RunGenerators(_inputs.Compilation).GetRunResult().GeneratedTrees.Length;

    /// <summary>
    /// The whole CDN document, and the compiler parsing what it generated. The driver parses a generated tree only
    /// when it is first read, so the runs above leave out that cost, which every build and the IDE pay in full.
    /// </summary>
    [Benchmark]
    public int WholeDocumentParsed() => Parsed(Inputs.Driver(_inputs.WholeDocument, _inputs.WholePath).RunGenerators(_inputs.Compilation));

    /// <summary>The Cloud document, and the compiler parsing what it generated.</summary>
    [Benchmark]
    public int CloudDocumentParsed() => Parsed(Inputs.Driver(_inputs.CloudDocument, _inputs.CloudPath).RunGenerators(_inputs.Compilation));

    private static int Parsed(GeneratorDriver driver)
    {
        var trees = driver.GetRunResult().GeneratedTrees;
        foreach (var tree in trees)
            tree.GetRoot();
        return trees.Length;
    }
}

/// <summary>Cold: the first run in a fresh process (JIT, assembly loading, first parse), five processes.</summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1)]
public class ColdRuns
{
    private Inputs _inputs = null!;

    [GlobalSetup]
    public void Setup() => _inputs = Inputs.Load();

    [Benchmark]
    public int OurSpec() => Inputs.Driver(_inputs.OurSpec, _inputs.OurPath).RunGenerators(_inputs.Compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int WholeDocument() => Inputs.Driver(_inputs.WholeDocument, _inputs.WholePath).RunGenerators(_inputs.Compilation).GetRunResult().GeneratedTrees.Length;
}

/// <summary>The cost of re-running the driver after a keystroke in unrelated C# (the whole document is loaded).</summary>
[MemoryDiagnoser]
public class UnrelatedEdit
{
    private GeneratorDriver _driver = null!;
    private Compilation _a = null!;
    private Compilation _b = null!;
    private bool _flip;

    [GlobalSetup]
    public void Setup()
    {
        var inputs = Inputs.Load();
        _a = inputs.Compilation;
        _b = _a.ReplaceSyntaxTree(_a.SyntaxTrees.First(), CSharpSyntaxTree.ParseText("class User { void M() { int x = 1; } }", path: "User.cs"));
        _driver = Inputs.Driver(inputs.WholeDocument, inputs.WholePath).RunGenerators(_a);
    }

    [Benchmark]
    public GeneratorDriver RerunAfterEdit()
    {
        _flip = !_flip;
        _driver = _driver.RunGenerators(_flip ? _b : _a);
        return _driver;
    }
}
