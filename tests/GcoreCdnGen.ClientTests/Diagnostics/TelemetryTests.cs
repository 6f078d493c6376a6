using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ClientTests.Gcore;
using GcoreCdnGen.ClientTests.Client;
using GcoreCdnGen.ClientTests.Json;
using Xunit;

namespace GcoreCdnGen.ClientTests.Diagnostics;

/// <summary>
/// Spans, metrics and <c>GCORE_LOG</c>. Listeners and standard error are process-wide, so these run alone (with the
/// environment tests), and nothing else's spans or measurements are seen.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public class TelemetryTests : ClientTestBase
{
    private GcoreClient RetryingClient() => NewClient(o =>
    {
        o.MaxRetries = 2;
        o.TimeProvider = new TestClock();
        o.Timeout = TimeSpan.FromMinutes(10); // longer than the clock's WaitsBelow: a real timer
    });

    private static ActivityListener Listen(string source, ConcurrentQueue<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    [Fact]
    public async Task One_client_span_per_call_with_the_HTTP_conventions_the_operation_and_the_retry_count()
    {
        var ours = new ConcurrentQueue<Activity>();
        var http = new ConcurrentQueue<Activity>();
        using var listener = Listen("GcoreCdnGen", ours);
        using var httpListener = Listen("System.Net.Http", http);
        using var client = RetryingClient();
        Server.Answer(503, """{"message": "busy"}""").Answer(200, Payloads.GroupWith(8, "g"));

        await client.Cdn.OriginGroups.GetAsync(8);

        var span = Assert.Single(ours);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("GET /cdn/origin_groups/{origin_group_id}", span.DisplayName);
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal(Server.BaseUrl.Port, span.GetTagItem("server.port"));
        Assert.Equal(Server.BaseUrl + "cdn/origin_groups/8", span.GetTagItem("url.full"));
        Assert.Equal("/cdn/origin_groups/{origin_group_id}", span.GetTagItem("url.template"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(1, span.GetTagItem("http.request.resend_count"));
        Assert.Equal(1, span.GetTagItem("gcore.retry.count"));
        Assert.Equal("get-origin-group-details", span.GetTagItem("gcore.operation.id"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("503", Assert.Single(span.Events).Tags.Single(t => t.Key == "gcore.retry.reason").Value);

        // Both attempts of HttpClient are children of the call's span, and carry it to the server.
        Assert.Equal(2, http.Count);
        Assert.All(http, a => Assert.Equal(span.SpanId, a.ParentSpanId));
        Assert.All(Server.Calls, c => Assert.Contains(span.TraceId.ToString(), c.Header("traceparent")));
        Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains(ApiKey, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_failed_call_marks_its_span_as_an_error_with_the_status_as_error_type()
    {
        var ours = new ConcurrentQueue<Activity>();
        using var listener = Listen("GcoreCdnGen", ours);
        Server.Answer(404, """{"message": "Not found."}""");

        await Assert.ThrowsAsync<GcoreNotFoundException>(() => Client.Cdn.OriginGroups.GetAsync(8));

        var span = Assert.Single(ours);
        Assert.Equal(404, span.GetTagItem("http.response.status_code"));
        Assert.Equal("404", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(0, span.GetTagItem("gcore.retry.count"));
        Assert.Null(span.GetTagItem("http.request.resend_count"));
    }

    [Fact]
    public void Secret_looking_query_values_are_redacted_in_url_full()
    {
        string url = GcoreDiagnostics.FullUrl(new Uri("https://api.gcore.com/cdn/x?limit=10&access_token=abc123&s3_secret_access_key=k&name=a%20b"));

        Assert.Equal("https://api.gcore.com/cdn/x?limit=10&access_token=REDACTED&s3_secret_access_key=REDACTED&name=a%20b", url);
    }

    [Fact]
    public async Task A_meter_listener_sees_the_duration_histogram_and_the_retry_counter()
    {
        var durations = new ConcurrentQueue<(double Value, Dictionary<string, object?> Tags)>();
        var retries = new ConcurrentQueue<(long Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "GcoreCdnGen")
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "gcore.client.operation.duration")
                durations.Enqueue((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        });
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "gcore.client.retries")
                retries.Enqueue((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        });
        meters.Start();
        using var client = RetryingClient();
        Server.Answer(503, """{"message": "busy"}""").Answer(429, "{}").Answer(200, "[]");

        await client.Cdn.OriginGroups.ListAsync();

        var duration = Assert.Single(durations);
        Assert.True(duration.Value > 0, duration.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("get-origin-groups-list", duration.Tags["gcore.operation.id"]);
        Assert.Equal("GET", duration.Tags["http.request.method"]);
        Assert.Equal(200, duration.Tags["http.response.status_code"]);
        Assert.Equal(Server.BaseUrl.Port, duration.Tags["server.port"]);
        Assert.False(duration.Tags.ContainsKey("error.type"));
        Assert.Equal([1L, 1L], retries.Select(r => r.Value).ToArray());
        Assert.Equal(["503", "429"], retries.Select(r => r.Tags["error.type"]).ToArray());
        Assert.All(retries, r => Assert.Equal("get-origin-groups-list", r.Tags["gcore.operation.id"]));
    }

    [Fact]
    public async Task With_no_listener_no_span_is_started_and_no_observer_allocated()
    {
        Assert.False(GcoreTelemetry.Source.HasListeners());
        Assert.False(GcoreTelemetry.Duration.Enabled);
        Assert.False(GcoreTelemetry.Retries.Enabled);
        var http = new ConcurrentQueue<Activity>();
        using var httpListener = Listen("System.Net.Http", http);
        Server.Answer(200, "[]");

        await Client.Cdn.OriginGroups.ListAsync();

        // HttpClient's own span has no parent: the client started none.
        Assert.Null(Assert.Single(http).Parent);

        var diagnostics = new GcoreDiagnostics(null, logBodies: true, ApiKey, TimeProvider.System);
        diagnostics.Start(System.Net.Http.HttpMethod.Get, "op", "/cdn", 2); // warm-up: static constructors, JIT
        long before = GC.GetAllocatedBytesForCurrentThread();
        var observer = diagnostics.Start(System.Net.Http.HttpMethod.Get, "op", "/cdn", 2);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Null(observer);
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("debug")]
    [InlineData("info")]
    public async Task GCORE_LOG_writes_calls_to_standard_error_without_a_logging_package(string level)
    {
        using var env = new EnvironmentVariable("GCORE_LOG", level);
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            using var client = RetryingClient();
            Server.Answer(503, """{"message": "busy"}""").Answer(200, "[]", new Dictionary<string, string> { ["X-Request-ID"] = "req-9" });
            await client.Cdn.OriginGroups.ListAsync();
        }
        finally
        {
            Console.SetError(original);
        }

        string[] lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        string info = Assert.Single(lines, l => l.Contains(" gcore info: ", StringComparison.Ordinal));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z gcore info: get-origin-groups-list GET /cdn/origin_groups: 200 in [0-9.]+ ms, 2 attempt\(s\), request id req-9$", info);
        var debug = lines.Where(l => l.Contains(" gcore debug: ", StringComparison.Ordinal)).ToList();
        if (level == "debug")
        {
            Assert.Equal(3, debug.Count);
            Assert.Contains(debug, l => l.Contains("get-origin-groups-list retry 1 of 2 in ", StringComparison.Ordinal) && l.EndsWith(" ms: answered 503", StringComparison.Ordinal));
        }
        else
        {
            Assert.Empty(debug);
        }

        Assert.Equal(lines.Length, debug.Count + 1);
        Assert.DoesNotContain(ApiKey, error.ToString());
    }

    [Fact]
    public async Task Without_GCORE_LOG_or_a_logger_nothing_is_written_to_standard_error()
    {
        using var env = new EnvironmentVariable("GCORE_LOG", null);
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            using var client = NewClient(_ => { });
            Server.Answer(200, "[]");
            await client.Cdn.OriginGroups.ListAsync();
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal("", error.ToString());
    }
}
