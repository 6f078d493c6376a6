using BenchmarkDotNet.Running;

namespace GcoreCdnGen.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>--check</c> runs every benchmark once and checks that each contender writes back the JSON it read;
    /// <c>--interleaved</c> compares generated code and the source generator alternately in one process (see
    /// <see cref="Interleaved"/>); <c>--overhead</c> does the same for the cost of logging and tracing per call (see
    /// <see cref="InterleavedOverhead"/>); anything else goes to BenchmarkDotNet (e.g. <c>--filter '*'</c>).
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "--check")
        {
            var benchmarks = new JsonBenchmarks();
            benchmarks.Setup();
            System.Console.WriteLine("All contenders read and write the same JSON.");
            return 0;
        }

        if (args.Length == 1 && args[0] == "--interleaved")
        {
            Interleaved.Run();
            return 0;
        }

        if (args.Length == 1 && args[0] == "--overhead")
        {
            InterleavedOverhead.Run();
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
