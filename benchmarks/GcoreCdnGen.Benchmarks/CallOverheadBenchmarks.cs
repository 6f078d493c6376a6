using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using GcoreCdnGen.Benchmarks.Gcore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GcoreCdnGen.Benchmarks;

/// <summary>
/// What logging and tracing add to one call of the client (<c>GET /cdn/origin_groups/{id}</c>, a small group read back),
/// sent to an in-process <see cref="HttpMessageHandler"/> so that no socket is measured. Baseline: no logger, no
/// listener. Each benchmark runs in a process of its own, so a listener attached for one never touches another.
/// </summary>
[MemoryDiagnoser]
public class CallOverheadBenchmarks
{
    private static readonly byte[] Group = Encoding.UTF8.GetBytes(Payloads.Group(8));

    private GcoreClient _client = null!;
    private ActivityListener? _activities;
    private MeterListener? _meters;

    private void Create(ILoggerFactory? loggerFactory) => _client = new GcoreClient(new GcoreClientOptions
    {
        ApiKey = "benchmark-key",
        HttpClient = new HttpClient(new AnsweringHandler()),
        LoggerFactory = loggerFactory,
    });

    [GlobalSetup(Target = nameof(NoLoggerNoListener))]
    public void SetupPlain() => Create(null);

    [GlobalSetup(Target = nameof(LoggerBelowItsLevel))]
    public void SetupFilteredLogger() => Create(NullLoggerFactory.Instance);

    [GlobalSetup(Target = nameof(LoggingInformation))]
    public void SetupInformation() => Create(new DiscardingLoggerFactory(LogLevel.Information));

    [GlobalSetup(Target = nameof(LoggingDebug))]
    public void SetupDebug() => Create(new DiscardingLoggerFactory(LogLevel.Debug));

    [GlobalSetup(Target = nameof(TracingAndMetricsListened))]
    public void SetupListeners()
    {
        Create(null);
        Listen();
    }

    /// <summary>Attaches an activity listener that records every span of the client, and a meter listener on its instruments.</summary>
    public void Listen()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "GcoreCdnGen",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "GcoreCdnGen")
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        _meters.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
        _meters.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
        _meters.Start();
    }

    /// <summary>Detaches the listeners of <see cref="Listen"/>.</summary>
    public void StopListening()
    {
        _activities?.Dispose();
        _meters?.Dispose();
        _activities = null;
        _meters = null;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        StopListening();
        _client.Dispose();
    }

    [Benchmark(Baseline = true, Description = "no logger, no listener")]
    public Task<OriginGroup> NoLoggerNoListener() => _client.Cdn.OriginGroups.GetAsync(8);

    [Benchmark(Description = "ILogger below its level (NullLogger)")]
    public Task<OriginGroup> LoggerBelowItsLevel() => _client.Cdn.OriginGroups.GetAsync(8);

    [Benchmark(Description = "ILogger at Information (discarded)")]
    public Task<OriginGroup> LoggingInformation() => _client.Cdn.OriginGroups.GetAsync(8);

    [Benchmark(Description = "ILogger at Debug (discarded)")]
    public Task<OriginGroup> LoggingDebug() => _client.Cdn.OriginGroups.GetAsync(8);

    [Benchmark(Description = "span + metrics, listened to")]
    public Task<OriginGroup> TracingAndMetricsListened() => _client.Cdn.OriginGroups.GetAsync(8);

    /// <summary>Answers every request with the same group, as a server on the other end of a socket would.</summary>
    private sealed class AnsweringHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new ByteArrayContent(Group) { Headers = { { "Content-Type", "application/json" } } },
                Headers = { { "X-Request-ID", "bench-1" } },
            });
    }

    /// <summary>A logger enabled from <c>minimum</c> up that formats each entry, as a sink would, and throws the text away.</summary>
    private sealed class DiscardingLoggerFactory(LogLevel minimum) : ILoggerFactory, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                GC.KeepAlive(formatter(state, exception));
        }
    }
}
