using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace FakeGcore;

internal enum FaultKind
{
    Status,
    Delay,
    ResetConnection,
    MalformedJson,
    Html,
}

/// <summary>
/// One injected misbehaviour. Faults (other than <see cref="Delay"/>) answer instead of the API: the request is
/// recorded but never reaches auth or the store. Build with the static factories; refine with the instance methods.
/// </summary>
public sealed class Fault
{
    private Fault(FaultKind kind, int statusCode)
    {
        Kind = kind;
        StatusCode = statusCode;
    }

    internal FaultKind Kind { get; }

    internal int StatusCode { get; }

    internal string? Body { get; private init; }

    internal TimeSpan DelayBy { get; private init; }

    internal IReadOnlyList<KeyValuePair<string, string>> Headers { get; private init; } = [];

    internal Func<RecordedRequest, bool>? Predicate { get; private init; }

    /// <summary>
    /// Answer <paramref name="statusCode"/> with a small JSON body (<c>{"message": "&lt;reason phrase&gt;"}</c> unless
    /// <paramref name="body"/> is given). <paramref name="retryAfter"/> adds <c>Retry-After</c> in whole seconds, rounded up;
    /// add <c>.Header("retry-after-ms", ...)</c> for sub-second values.
    /// </summary>
    public static Fault Status(int statusCode, TimeSpan? retryAfter = null, string? body = null)
    {
        var fault = new Fault(FaultKind.Status, statusCode) { Body = body };
        if (retryAfter is { } after)
        {
            var seconds = (long)Math.Ceiling(Math.Max(0, after.TotalSeconds));
            fault = fault.Header("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        }

        return fault;
    }

    /// <summary>Wait <paramref name="delay"/>, then answer normally (the request does reach the API).</summary>
    public static Fault Delay(TimeSpan delay) => new(FaultKind.Delay, 0) { DelayBy = delay };

    /// <summary>Send a 200 status line with a Content-Length larger than what follows, write part of a JSON body, then abort the connection.</summary>
    public static Fault ResetConnection() => new(FaultKind.ResetConnection, 200);

    /// <summary>Answer <paramref name="statusCode"/> with <c>Content-Type: application/json</c> and a truncated, unparsable JSON body.</summary>
    public static Fault MalformedJson(int statusCode = 200) => new(FaultKind.MalformedJson, statusCode);

    /// <summary>Answer like a reverse proxy would: an nginx-style HTML error page with <c>Content-Type: text/html</c>.</summary>
    public static Fault Html(int statusCode = 502) => new(FaultKind.Html, statusCode);

    /// <summary>Adds a response header (e.g. <c>x-should-retry: false</c>, <c>retry-after-ms: 50</c>).</summary>
    public Fault Header(string name, string value) => Copy(headers: Headers.Append(new(name, value)).ToList());

    /// <summary>Waits <paramref name="delay"/> before answering with this fault.</summary>
    public Fault After(TimeSpan delay) => Copy(delay: delay);

    /// <summary>Only requests matching <paramref name="predicate"/> consume this fault; others pass it by.</summary>
    public Fault When(Func<RecordedRequest, bool> predicate) => Copy(predicate: predicate);

    /// <summary>Shortcut for <see cref="When"/> on the HTTP method (e.g. <c>"POST"</c>).</summary>
    public Fault ForMethod(string method) => When(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public override string ToString()
    {
        var text = Kind switch
        {
            FaultKind.Status => $"status {StatusCode}",
            FaultKind.Delay => $"delay {DelayBy.TotalMilliseconds:0} ms",
            FaultKind.ResetConnection => "reset connection",
            FaultKind.MalformedJson => $"malformed JSON {StatusCode}",
            _ => $"HTML {StatusCode}",
        };
        if (Kind != FaultKind.Delay && DelayBy > TimeSpan.Zero)
        {
            text += $" after {DelayBy.TotalMilliseconds:0} ms";
        }

        return Headers.Count == 0 ? text : text + " [" + string.Join(", ", Headers.Select(h => $"{h.Key}: {h.Value}")) + "]";
    }

    private Fault Copy(IReadOnlyList<KeyValuePair<string, string>>? headers = null, TimeSpan? delay = null, Func<RecordedRequest, bool>? predicate = null) =>
        new(Kind, StatusCode)
        {
            Body = Body,
            Headers = headers ?? Headers,
            DelayBy = delay ?? DelayBy,
            Predicate = predicate ?? Predicate,
        };
}

/// <summary>
/// FIFO queue of faults. Each request consumes the first queued fault whose predicate (if any) matches it;
/// requests that find none are served normally. Thread-safe.
/// </summary>
public sealed class FaultPlan
{
    private readonly object _gate = new();
    private readonly List<Fault> _queue = new();

    /// <summary>Number of faults not yet consumed.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Queues <paramref name="fault"/> for the next <paramref name="times"/> matching requests.</summary>
    public FaultPlan Enqueue(Fault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _queue.Add(fault);
            }
        }

        return this;
    }

    /// <summary>Drops every pending fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
        }
    }

    internal Fault? TryTake(RecordedRequest request)
    {
        lock (_gate)
        {
            var index = _queue.FindIndex(f => f.Predicate is null || f.Predicate(request));
            if (index < 0)
            {
                return null;
            }

            var fault = _queue[index];
            _queue.RemoveAt(index);
            return fault;
        }
    }
}
