using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ClientTests.Gcore;
using GcoreCdnGen.ClientTests.Client;
using GcoreCdnGen.ClientTests.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace GcoreCdnGen.ClientTests.Diagnostics;

/// <summary>What the client writes to an ILogger: one Information entry per call, Debug entries per attempt and wait, bodies only when asked for.</summary>
public class LoggingTests : ClientTestBase
{
    private const string GetTemplate = "/cdn/origin_groups/{origin_group_id}";
    private const string S3Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private (GcoreClient Client, CapturedLog Log, TestClock Clock) LoggingClient(LogLevel level, int maxRetries = 0, bool bodies = false)
    {
        var (factory, log) = CapturedLog.Create(level);
        var clock = new TestClock();
        var client = NewClient(o =>
        {
            o.LoggerFactory = factory;
            o.LogBodies = bodies;
            o.MaxRetries = maxRetries;
            o.TimeProvider = clock;
            o.Timeout = TimeSpan.FromMinutes(10); // longer than the clock's WaitsBelow: a real timer
        });
        return (client, log, clock);
    }

    [Fact]
    public async Task Each_call_is_one_Information_entry_with_operation_template_status_attempts_duration_and_request_id()
    {
        var (client, log, _) = LoggingClient(LogLevel.Information);
        Server.Answer(200, Payloads.GroupWith(8, "g"), new Dictionary<string, string> { ["X-Request-ID"] = "req-7f3a" });

        await client.Cdn.OriginGroups.GetAsync(8);

        var entry = Assert.Single(log.Records);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal("ClientTests.Gcore.GcoreClient", entry.Category);
        Assert.Equal("get-origin-group-details", entry["OperationId"]);
        Assert.Equal("GET", entry["Method"]);
        Assert.Equal(GetTemplate, entry["PathTemplate"]);
        Assert.Equal(200, entry["StatusCode"]);
        Assert.Equal(1, entry["Attempts"]);
        Assert.Equal("req-7f3a", entry["RequestId"]);
        Assert.IsType<double>(entry["ElapsedMs"]);
        Assert.StartsWith("get-origin-group-details GET " + GetTemplate + ": 200 in ", entry.Message);
        Assert.EndsWith(" ms, 1 attempt(s), request id req-7f3a", entry.Message);
        Assert.DoesNotContain("/cdn/origin_groups/8", log.AllText); // the template, not the filled-in path
    }

    [Fact]
    public async Task A_failed_call_is_one_Information_entry_with_its_status_and_exception_type()
    {
        var (client, log, _) = LoggingClient(LogLevel.Information);
        Server.Answer(404, """{"message": "Not found."}""");

        await Assert.ThrowsAsync<GcoreNotFoundException>(() => client.Cdn.OriginGroups.GetAsync(8));

        var entry = Assert.Single(log.Records);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal(404, entry["StatusCode"]);
        Assert.Equal("GcoreNotFoundException", entry["ErrorType"]);
        Assert.Null(entry["RequestId"]);
        Assert.Contains(": failed (404, GcoreNotFoundException) in ", entry.Message);
    }

    [Fact]
    public async Task Debug_shows_each_attempt_and_the_wait_before_each_retry_with_its_reason()
    {
        var (client, log, clock) = LoggingClient(LogLevel.Debug, maxRetries: 2);
        Server.Answer(503, """{"message": "busy"}""").Answer(429, """{"message": "slow down"}""").Answer(200, Payloads.GroupWith(8, "g"));

        await client.Cdn.OriginGroups.GetAsync(8);

        var records = log.Records;
        Assert.Equal(
            ["GcoreAttemptAnswered", "GcoreRetryWait", "GcoreAttemptAnswered", "GcoreRetryWait", "GcoreAttemptAnswered", "GcoreCallEnded"],
            records.Select(r => r.EventId.Name!).ToArray());
        Assert.All(records.Take(5), r => Assert.Equal(LogLevel.Debug, r.Level));
        Assert.Equal([1, 2, 3], records.Where(r => r.EventId.Name == "GcoreAttemptAnswered").Select(r => r["Attempt"]).ToArray());
        Assert.Equal([503, 429, 200], records.Where(r => r.EventId.Name == "GcoreAttemptAnswered").Select(r => r["StatusCode"]).ToArray());

        var waits = records.Where(r => r.EventId.Name == "GcoreRetryWait").ToList();
        Assert.Equal(2, clock.Waits.Count);
        for (int i = 0; i < 2; i++)
            Assert.Equal(clock.Waits[i].TotalMilliseconds, (double)waits[i]["DelayMs"]!, 0.999); // the timer is whole milliseconds
        Assert.Equal(["answered 503", "answered 429"], waits.Select(w => w["Reason"]).ToArray());
        Assert.Equal([1, 2], waits.Select(w => w["Retry"]).ToArray());
        Assert.StartsWith("get-origin-group-details retry 1 of 2 in ", waits[0].Message);
        Assert.EndsWith(" ms: answered 503", waits[0].Message);
        Assert.Equal(3, records[^1]["Attempts"]);
    }

    [Fact]
    public async Task A_timed_out_attempt_is_logged_with_timeout_as_the_reason_for_the_retry()
    {
        var (factory, log) = CapturedLog.Create(LogLevel.Debug);
        using var client = NewClient(o =>
        {
            o.LoggerFactory = factory;
            o.Timeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 1;
            o.InitialRetryDelay = TimeSpan.FromMilliseconds(1);
        });
        Server.Answer(200, "[]", delay: TimeSpan.FromSeconds(10)).Answer(200, "[]");

        await client.Cdn.OriginGroups.ListAsync();

        var failed = Assert.Single(log.Records, r => r.EventId.Name == "GcoreAttemptFailed");
        Assert.Equal("timeout", failed["ErrorType"]);
        Assert.Equal("the attempt timed out", Assert.Single(log.Records, r => r.EventId.Name == "GcoreRetryWait")["Reason"]);
    }

    [Fact]
    public async Task Bodies_are_logged_only_when_asked_for_and_then_with_every_secret_field_redacted()
    {
        // The server answers with real-looking credentials too: redaction covers responses as well as requests.
        string answer = Payloads.Group.Replace("\"SECRET_VALUE\"", "\"" + S3Secret + "\"");
        var (quiet, quietLog, _) = LoggingClient(LogLevel.Debug);
        var (loud, loudLog, _) = LoggingClient(LogLevel.Debug, bodies: true);
        Server.Answer(201, answer).Answer(201, answer);

        await quiet.Cdn.OriginGroups.CreateAsync(RequestTests.HostAndS3Group());
        await loud.Cdn.OriginGroups.CreateAsync(RequestTests.HostAndS3Group());

        Assert.DoesNotContain("static-assets", quietLog.AllText);
        Assert.DoesNotContain(quietLog.Records, r => r.EventId.Name is "GcoreRequestBody" or "GcoreResponseBody");

        string request = (string)Assert.Single(loudLog.Records, r => r.EventId.Name == "GcoreRequestBody")["Body"]!;
        string response = (string)Assert.Single(loudLog.Records, r => r.EventId.Name == "GcoreResponseBody")["Body"]!;
        Assert.Contains("\"name\":\"static-assets\"", request);
        Assert.Contains("\"s3_secret_access_key\":\"***\"", request);
        Assert.Contains("\"s3_access_key_id\":\"***\"", request);
        Assert.Contains("\"s3_bucket_name\":\"my-bucket\"", request);
        Assert.Contains("\"s3_secret_access_key\": \"***\"", response);
        Assert.Contains("YourOriginGroup", response);
        Assert.Equal(2, Server.Calls.Count);
        Assert.Contains(S3Secret, Server.Calls[1].Body); // it was sent: only the log leaves it out
        Assert.DoesNotContain(S3Secret, loudLog.AllText);
        Assert.DoesNotContain("EXAMPLEFODNN7EXAMPLE", loudLog.AllText);
    }

    [Fact]
    public async Task The_API_key_never_reaches_the_log_at_any_level()
    {
        var (client, log, _) = LoggingClient(LogLevel.Trace, maxRetries: 1, bodies: true);
        // An answer that echoes the key back (a debugging proxy, say), in the body and in a header.
        Server
            .Answer(500, $$"""{"message": "bad key {{ApiKey}}", "echo": "APIKey {{ApiKey}}"}""", new Dictionary<string, string> { ["X-Request-ID"] = ApiKey })
            .Answer(400, $$$"""{"errors": {"name": ["{{{ApiKey}}} is not allowed"]}}""");

        await Assert.ThrowsAsync<GcoreBadRequestException>(() => client.Cdn.OriginGroups.ReplaceAsync(1, new OriginGroupReplaceParams { Name = "g", UseNext = false, Sources = [] }));

        Assert.Equal(2, Server.Calls.Count);
        Assert.Equal("APIKey " + ApiKey, Server.Calls[0].Header("Authorization"));
        Assert.True(log.Records.Count >= 5, log.AllText);
        Assert.DoesNotContain(ApiKey, log.AllText);
        Assert.DoesNotContain("APIKey", log.AllText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_client_registered_with_AddGcoreClient_logs_to_the_service_providers_logger()
    {
        var log = new CapturedLog();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(log));
        services.AddGcoreClient(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseUrl = Server.BaseUrl;
            o.MaxRetries = 0;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<GcoreClient>();
        Server.Answer(200, "[]");

        await client.Cdn.OriginGroups.ListAsync();

        var entry = Assert.Single(log.Records, r => r.Category == "ClientTests.Gcore.GcoreClient");
        Assert.Equal("get-origin-groups-list", entry["OperationId"]);
        Assert.Equal("/cdn/origin_groups", entry["PathTemplate"]);
    }

    [Fact]
    public async Task Below_the_loggers_level_nothing_is_written()
    {
        var (client, log, _) = LoggingClient(LogLevel.Warning, bodies: true);
        Server.Answer(200, "[]");

        await client.Cdn.OriginGroups.ListAsync();

        Assert.Empty(log.Records);
    }
}
