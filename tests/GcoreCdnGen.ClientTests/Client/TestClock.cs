using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace GcoreCdnGen.ClientTests.Client;

/// <summary>
/// A clock for <c>GcoreClientOptions.TimeProvider</c> that records every wait the client asks for that is shorter than
/// <see cref="WaitsBelow"/> (the waits between retries) and, instead of waiting, either ends it at once or, with
/// <see cref="HoldWaits"/>, never ends it (so a test can cancel during it). Longer timers (the per-attempt timeout) are
/// real ones. The tests thus see the exact waits the client chose without sleeping through them.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();
    private readonly TaskCompletionSource _waitStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Timers due within this are treated as retry waits. Give the client a longer Timeout than this.</summary>
    public TimeSpan WaitsBelow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>When set, a retry wait never ends by itself.</summary>
    public bool HoldWaits { get; init; }

    /// <summary>"Now", for Retry-After dates. Default: the real time.</summary>
    public DateTimeOffset? Now { get; set; }

    /// <summary>The retry waits asked for, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits => _waits.ToArray();

    /// <summary>Completes when the first retry wait begins.</summary>
    public Task WaitStarted => _waitStarted.Task;

    public override DateTimeOffset GetUtcNow() => Now ?? System.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan || dueTime >= WaitsBelow)
            return System.CreateTimer(callback, state, dueTime, period);

        _waits.Enqueue(dueTime);
        _waitStarted.TrySetResult();
        if (!HoldWaits)
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
