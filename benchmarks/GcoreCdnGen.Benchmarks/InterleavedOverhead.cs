using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace GcoreCdnGen.Benchmarks;

/// <summary>
/// The comparisons of <see cref="CallOverheadBenchmarks"/> run alternately in one process, as <see cref="Interleaved"/>
/// does for JSON: each round times a batch of the baseline client, then a batch of each contender (the listeners are
/// attached only around their own batch). On a loaded shared machine this cancels most of the drift that separate
/// processes see. Prints each contender's median time ratio to the baseline, with the lowest and highest.
/// </summary>
internal static class InterleavedOverhead
{
    public static void Run()
    {
        var baseline = new CallOverheadBenchmarks();
        baseline.SetupPlain();
        var filtered = new CallOverheadBenchmarks();
        filtered.SetupFilteredLogger();
        var information = new CallOverheadBenchmarks();
        information.SetupInformation();
        var debug = new CallOverheadBenchmarks();
        debug.SetupDebug();
        var traced = new CallOverheadBenchmarks();
        traced.SetupPlain();
        var cases = new (string Name, Action Batch)[]
        {
            ("ILogger below its level (NullLogger)", () => Batch(filtered)),
            ("ILogger at Information (discarded)", () => Batch(information)),
            ("ILogger at Debug (discarded)", () => Batch(debug)),
            ("span + metrics, listened to", () =>
            {
                traced.Listen();
                Batch(traced);
                traced.StopListening();
            }),
        };

        const int warmUp = 3, rounds = 21;
        var ratios = cases.Select(_ => new List<double>()).ToArray();
        var baselines = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < cases.Length; i++)
            {
                double plain = Time(() => Batch(baseline));
                double other = Time(cases[i].Batch);
                if (round >= warmUp)
                {
                    ratios[i].Add(other / plain);
                    baselines.Add(plain);
                }
            }
        }

        baselines.Sort();
        double perCall = baselines[baselines.Count / 2] * 1000 / BatchSize;
        Console.WriteLine($"time per call / no logger and no listener (median {perCall:F1} us a call), " + (rounds - warmUp) + " alternating rounds of " + BatchSize + " calls:");
        for (int i = 0; i < cases.Length; i++)
        {
            ratios[i].Sort();
            Console.WriteLine($"  {cases[i].Name,-38} median {ratios[i][ratios[i].Count / 2]:F2}  (lowest {ratios[i][0]:F2}, highest {ratios[i][^1]:F2})");
        }
    }

    private const int BatchSize = 2_000;

    private static void Batch(CallOverheadBenchmarks benchmarks)
    {
        for (int i = 0; i < BatchSize; i++)
            benchmarks.NoLoggerNoListener().GetAwaiter().GetResult();
    }

    private static double Time(Action work)
    {
        var watch = Stopwatch.StartNew();
        work();
        return watch.Elapsed.TotalMilliseconds;
    }
}
