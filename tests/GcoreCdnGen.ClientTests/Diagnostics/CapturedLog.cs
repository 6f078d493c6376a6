using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace GcoreCdnGen.ClientTests.Diagnostics;

/// <summary>One entry as an ILogger received it: level, event, the formatted text and the structured values.</summary>
public sealed record LogRecord(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values)
{
    public object? this[string name] => Values.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A logger provider that keeps every entry; plugged into a real <see cref="LoggerFactory"/>, so its level filter applies.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyList<LogRecord> Records => _records.ToArray();

    /// <summary>Every text and every value that reached the log, for "never appears" checks.</summary>
    public string AllText => string.Join("\n", Records.Select(r => r.Message + " | " + string.Join(", ", r.Values.Select(v => v.Key + "=" + v.Value))));

    public static (ILoggerFactory Factory, CapturedLog Log) Create(LogLevel minimum)
    {
        var log = new CapturedLog();
        return (LoggerFactory.Create(b => b.SetMinimumLevel(minimum).AddProvider(log)), log);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : new Dictionary<string, object?>();
            owner._records.Enqueue(new LogRecord(category, logLevel, eventId, formatter(state, exception), values));
        }
    }
}
