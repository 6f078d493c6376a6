using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace GcoreCdnGen.Benchmarks;

/// <summary>
/// The same comparisons as <see cref="JsonBenchmarks"/>, generated code against System.Text.Json's source generator, run
/// alternately in one process: each round times a batch of one, then a batch of the other. BenchmarkDotNet runs every
/// method in a process of its own, so on a shared virtual machine a neighbour's load or a different JIT outcome in one
/// process moves a ratio by a third; alternating in one process cancels most of that. Prints the median ratio of the
/// rounds after warm-up, with the lowest and highest.
/// </summary>
internal static class Interleaved
{
    public static void Run()
    {
        var b = new JsonBenchmarks();
        b.Setup();
        var cases = new (string Name, Func<object> Generated, Func<object> Baseline, int Batch)[]
        {
            ("one group, serialize", () => b.SerializeGroup_Generated(), () => b.SerializeGroup_StjSourceGen(), 100_000),
            ("one group, deserialize", () => b.DeserializeGroup_Generated(), () => b.DeserializeGroup_StjSourceGen(), 50_000),
            ("page of 1,000, serialize", () => b.SerializePage_Generated(), () => b.SerializePage_StjSourceGen(), 100),
            ("page of 1,000, deserialize", () => b.DeserializePage_Generated(), () => b.DeserializePage_StjSourceGen(), 50),
        };

        const int warmUp = 3, rounds = 15;
        Console.WriteLine("generated / STJ source generator, time, " + (rounds - warmUp) + " alternating rounds:");
        foreach (var (name, generated, baseline, batch) in cases)
        {
            var ratios = new List<double>();
            for (int round = 0; round < rounds; round++)
            {
                double g = Time(generated, batch);
                double s = Time(baseline, batch);
                if (round >= warmUp)
                    ratios.Add(g / s);
            }

            ratios.Sort();
            Console.WriteLine($"  {name,-28} median {ratios[ratios.Count / 2]:F2}  (lowest {ratios[0]:F2}, highest {ratios[^1]:F2})");
        }
    }

    private static double Time(Func<object> work, int batch)
    {
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < batch; i++)
            work();
        return watch.Elapsed.TotalMilliseconds;
    }
}
