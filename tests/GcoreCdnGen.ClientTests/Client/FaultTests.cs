using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ClientTests.Gcore;
using FakeGcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.Client;

/// <summary>
/// The client against samples/FakeGcore (Kestrel on 127.0.0.1) misbehaving on purpose through its FaultPlan. Every test
/// checks how many requests reached the server, which exception came out and what it carries. Waits between retries go
/// through <see cref="TestClock"/>: the tests see the waits the client chose without spending them.
/// </summary>
public sealed class FaultTests : IAsyncLifetime
{
    private const string AccessKey = "EXAMPLEFODNN7EXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private FakeGcoreServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeGcoreServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>A client with the library's retry defaults (2 retries, 0.5 s × 2^n up to 8 s) on a clock that records waits.</summary>
    private GcoreClient Client(TestClock clock, Action<GcoreClientOptions>? configure = null, HttpClient? http = null)
    {
        var options = new GcoreClientOptions
        {
            ApiKey = _server.ApiKey,
            BaseUrl = _server.BaseUrl,
            TimeProvider = clock,
            Timeout = TimeSpan.FromMinutes(10), // longer than clock.WaitsBelow: a real timer
            HttpClient = http,
        };
        configure?.Invoke(options);
        return new GcoreClient(options);
    }

    private async Task<OriginGroup> SeedGroupAsync(string name)
    {
        using var client = Client(new TestClock(), o => o.MaxRetries = 0);
        return await client.Cdn.OriginGroups.CreateAsync(new OriginGroupCreateParams { Name = name, Sources = [new HostSource { Source = "yourwebsite.com" }] });
    }

    private static void AssertBackoff(TimeSpan wait, double nominalSeconds) =>
        Assert.InRange(wait.TotalSeconds, nominalSeconds * 0.75, nominalSeconds); // jitter takes off up to 25 %

    [Fact]
    public async Task A_503_then_a_200_is_retried_once_after_about_half_a_second()
    {
        var seeded = await SeedGroupAsync("g503");
        _server.ClearRequests();
        _server.Faults.Enqueue(Fault.Status(503));
        var clock = new TestClock();
        using var client = Client(clock);

        var group = await client.Cdn.OriginGroups.GetAsync(seeded.Id);

        Assert.Equal("g503", group.Name);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Null(_server.Requests[0].Header("X-Retry-Count"));
        Assert.Equal("1", _server.Requests[1].Header("X-Retry-Count"));
        AssertBackoff(Assert.Single(clock.Waits), 0.5);
    }

    [Fact]
    public async Task Backoff_doubles_per_retry_and_stops_at_MaxRetryDelay()
    {
        _server.Faults.Enqueue(Fault.Status(500), times: 5);
        var clock = new TestClock();
        using var client = Client(clock, o =>
        {
            o.MaxRetries = 4;
            o.InitialRetryDelay = TimeSpan.FromSeconds(1);
            o.MaxRetryDelay = TimeSpan.FromSeconds(3);
        });

        var ex = await Assert.ThrowsAsync<GcoreInternalServerException>(() => client.Cdn.OriginGroups.ListAsync());

        Assert.Equal(500, ex.StatusCode);
        Assert.Equal(5, _server.Requests.Count);
        Assert.Equal(4, clock.Waits.Count);
        AssertBackoff(clock.Waits[0], 1);
        AssertBackoff(clock.Waits[1], 2);
        AssertBackoff(clock.Waits[2], 3);
        AssertBackoff(clock.Waits[3], 3);
    }

    [Fact]
    public async Task A_429_with_Retry_After_in_seconds_waits_exactly_that_long()
    {
        _server.Faults.Enqueue(Fault.Status(429, retryAfter: TimeSpan.FromSeconds(7)));
        var clock = new TestClock();
        using var client = Client(clock);

        var list = await client.Cdn.OriginGroups.ListAsync();

        Assert.Empty(list.Results);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(7), Assert.Single(clock.Waits));
    }

    [Fact]
    public async Task Retry_After_Ms_wins_over_Retry_After()
    {
        _server.Faults.Enqueue(Fault.Status(429, retryAfter: TimeSpan.FromSeconds(7)).Header("retry-after-ms", "250"));
        var clock = new TestClock();
        using var client = Client(clock);

        await client.Cdn.OriginGroups.ListAsync();

        Assert.Equal(TimeSpan.FromMilliseconds(250), Assert.Single(clock.Waits));
    }

    [Fact]
    public async Task Retry_After_as_an_HTTP_date_waits_until_that_date()
    {
        var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        string date = now.AddSeconds(12).ToString("r", CultureInfo.InvariantCulture);
        _server.Faults.Enqueue(Fault.Status(503).Header("Retry-After", date));
        var clock = new TestClock { Now = now };
        using var client = Client(clock);

        await client.Cdn.OriginGroups.ListAsync();

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(12), Assert.Single(clock.Waits));
    }

    [Fact]
    public async Task Retry_After_beyond_60_seconds_falls_back_to_the_clients_own_backoff()
    {
        _server.Faults.Enqueue(Fault.Status(429, retryAfter: TimeSpan.FromSeconds(3600)));
        var clock = new TestClock();
        using var client = Client(clock);

        await client.Cdn.OriginGroups.ListAsync();

        Assert.Equal(2, _server.Requests.Count);
        AssertBackoff(Assert.Single(clock.Waits), 0.5);
    }

    [Fact]
    public async Task A_429_that_stays_a_429_ends_in_a_rate_limit_exception_after_three_attempts()
    {
        _server.Faults.Enqueue(Fault.Status(429, retryAfter: TimeSpan.FromSeconds(1), body: """{"message": "Too many requests, slow down."}"""), times: 3);
        var clock = new TestClock();
        using var client = Client(clock);

        var ex = await Assert.ThrowsAsync<GcoreRateLimitException>(() => client.Cdn.OriginGroups.ListAsync());

        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(new[] { "1" }, ex.Headers["Retry-After"]);
        Assert.Contains("Too many requests", ex.Message);
        Assert.Contains("GET /cdn/origin_groups", ex.Message);
        Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1) }, clock.Waits);
    }

    [Fact]
    public async Task X_should_retry_true_retries_even_a_400()
    {
        _server.Faults.Enqueue(Fault.Status(400, body: """{"errors": {"name": ["busy"]}}""").Header("x-should-retry", "true"));
        using var client = Client(new TestClock());

        await client.Cdn.OriginGroups.ListAsync();

        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task X_should_retry_false_stops_the_retry_of_a_503()
    {
        _server.Faults.Enqueue(Fault.Status(503).Header("x-should-retry", "false"));
        using var client = Client(new TestClock());

        var ex = await Assert.ThrowsAsync<GcoreInternalServerException>(() => client.Cdn.OriginGroups.ListAsync());

        Assert.Equal(503, ex.StatusCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_connection_reset_in_the_middle_of_a_body_is_retried_as_a_connection_failure()
    {
        var seeded = await SeedGroupAsync("reset");
        _server.ClearRequests();
        _server.Faults.Enqueue(Fault.ResetConnection());
        var clock = new TestClock();
        using var client = Client(clock);

        var group = await client.Cdn.OriginGroups.GetAsync(seeded.Id);

        Assert.Equal("reset", group.Name);
        Assert.Equal(2, _server.Requests.Count);
        AssertBackoff(Assert.Single(clock.Waits), 0.5);
    }

    [Fact]
    public async Task A_connection_reset_on_every_attempt_ends_in_a_connection_exception()
    {
        _server.Faults.Enqueue(Fault.ResetConnection(), times: 3);
        using var client = Client(new TestClock());

        var ex = await Assert.ThrowsAsync<GcoreConnectionException>(() => client.Cdn.OriginGroups.GetAsync(1));

        Assert.IsNotType<GcoreTimeoutException>(ex);
        Assert.True(ex.InnerException is HttpRequestException or IOException, ex.InnerException?.GetType().Name);
        Assert.Equal(3, _server.Requests.Count);
        Assert.Contains("GET /cdn/origin_groups/1", ex.Message);
        Assert.Contains("3 attempts", ex.Message);
        Assert.DoesNotContain(_server.ApiKey, ex.ToString());
    }

    [Fact]
    public async Task A_create_reset_in_the_middle_of_its_answer_is_not_sent_again_by_default()
    {
        _server.Faults.Enqueue(Fault.ResetConnection().ForMethod("POST"));
        using var client = Client(new TestClock());

        var ex = await Assert.ThrowsAsync<GcoreOutcomeUnknownException>(() => client.Cdn.OriginGroups.CreateAsync(new OriginGroupCreateParams { Name = "once", Sources = [new HostSource { Source = "yourwebsite.com" }] }));

        Assert.Single(_server.Requests);
        Assert.IsType<GcoreConnectionException>(ex.InnerException);
        Assert.DoesNotContain(_server.ApiKey, ex.ToString());
    }

    [Fact]
    public async Task A_create_opted_in_to_retries_sends_the_same_body_after_a_reset()
    {
        _server.Faults.Enqueue(Fault.ResetConnection().ForMethod("POST"));
        using var client = Client(new TestClock(), o => o.RetryNonIdempotent = true);

        var created = await client.Cdn.OriginGroups.CreateAsync(new OriginGroupCreateParams
        {
            Name = "same-body",
            Sources =
            [
                new HostSource { Source = "yourwebsite.com" },
                new S3Source
                {
                    OriginType = OriginType.S3,
                    Config = new S3Config { S3Type = S3Type.Amazon, S3BucketName = "my-bucket", S3Region = "eu-west-1", S3AccessKeyId = AccessKey, S3SecretAccessKey = SecretKey },
                },
            ],
        });

        Assert.Equal("same-body", created.Name);
        var posts = _server.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].Body, posts[1].Body);
        Assert.Contains(SecretKey, posts[1].Body);
        Assert.Equal(1, _server.GroupCount);
    }

    [Fact]
    public async Task An_answer_slower_than_the_timeout_is_a_timeout_exception_after_every_attempt_timed_out()
    {
        _server.Faults.Enqueue(Fault.Delay(TimeSpan.FromMinutes(1)), times: 2);
        using var client = new GcoreClient(new GcoreClientOptions
        {
            ApiKey = _server.ApiKey,
            BaseUrl = _server.BaseUrl,
            Timeout = TimeSpan.FromMilliseconds(300),
            MaxRetries = 1,
            InitialRetryDelay = TimeSpan.FromMilliseconds(1),
        });

        var ex = await Assert.ThrowsAsync<GcoreTimeoutException>(() => client.Cdn.OriginGroups.ListAsync());

        Assert.IsAssignableFrom<GcoreConnectionException>(ex);
        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
        Assert.Contains("0.3 s", ex.Message);
        Assert.Contains("2 attempts", ex.Message);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_slow_first_answer_is_retried_and_the_second_attempt_succeeds()
    {
        _server.Faults.Enqueue(Fault.Delay(TimeSpan.FromMinutes(1)));
        using var client = new GcoreClient(new GcoreClientOptions
        {
            ApiKey = _server.ApiKey,
            BaseUrl = _server.BaseUrl,
            Timeout = TimeSpan.FromSeconds(2), // room for the fast second attempt on a busy machine
            MaxRetries = 1,
            InitialRetryDelay = TimeSpan.FromMilliseconds(1),
        });

        var list = await client.Cdn.OriginGroups.ListAsync();

        Assert.Empty(list.Results);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task The_callers_cancellation_is_an_OperationCanceledException_not_a_timeout_and_is_not_retried()
    {
        _server.Faults.Enqueue(Fault.Delay(TimeSpan.FromMinutes(1)), times: 3);
        using var cts = new CancellationTokenSource();
        var handler = new SignallingHandler(new SocketsHttpHandler());
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = Client(new TestClock(), http: http);

        var call = client.Cdn.OriginGroups.ListAsync(cancellationToken: cts.Token);
        await handler.FirstRequestSent;
        await cts.CancelAsync();
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public async Task Cancelling_during_the_wait_before_a_retry_ends_the_call_with_nothing_more_sent()
    {
        _server.Faults.Enqueue(Fault.Status(503), times: 3);
        var clock = new TestClock { HoldWaits = true };
        using var cts = new CancellationTokenSource();
        using var client = Client(clock);

        var call = client.Cdn.OriginGroups.ListAsync(cancellationToken: cts.Token);
        await clock.WaitStarted;
        await cts.CancelAsync();
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Single(_server.Requests);
        Assert.Single(clock.Waits);
        Assert.Equal(2, _server.Faults.Pending);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        using var client = Client(new TestClock());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Cdn.OriginGroups.ListAsync(cancellationToken: new CancellationToken(true)));

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Malformed_JSON_in_a_200_is_a_response_exception_with_the_body_and_is_not_retried()
    {
        _server.Faults.Enqueue(Fault.MalformedJson(200));
        using var client = Client(new TestClock());

        var ex = await Assert.ThrowsAsync<GcoreResponseException>(() => client.Cdn.OriginGroups.GetAsync(1));

        Assert.Equal(200, ex.StatusCode);
        Assert.StartsWith("{\"id\": 1, \"name\": \"truncated\"", ex.Body);
        Assert.Contains("GET /cdn/origin_groups/1", ex.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Malformed_JSON_in_a_500_is_retried_then_kept_as_the_raw_body()
    {
        _server.Faults.Enqueue(Fault.MalformedJson(500), times: 3);
        using var client = Client(new TestClock());

        var ex = await Assert.ThrowsAsync<GcoreInternalServerException>(() => client.Cdn.OriginGroups.GetAsync(1));

        Assert.Equal(3, _server.Requests.Count);
        Assert.StartsWith("{\"id\": 1", ex.Body);
        Assert.Empty(ex.ValidationErrors);
    }

    [Fact]
    public async Task An_HTML_error_page_from_a_proxy_is_retried_then_surfaces_with_its_text()
    {
        _server.Faults.Enqueue(Fault.Html(502), times: 3);
        using var client = Client(new TestClock());

        var ex = await Assert.ThrowsAsync<GcoreInternalServerException>(() => client.Cdn.OriginGroups.ListAsync());

        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(502, ex.StatusCode);
        Assert.Contains("<h1>502 Bad Gateway</h1>", ex.Body);
        Assert.Equal(new[] { "text/html" }, ex.Headers["Content-Type"]);
        Assert.Empty(ex.ValidationErrors);
        Assert.Contains("502", ex.Message);
        Assert.Contains("Bad Gateway", ex.Message);
    }

    [Fact]
    public async Task An_HTML_error_page_then_a_good_answer_succeeds()
    {
        _server.Faults.Enqueue(Fault.Html(504));
        using var client = Client(new TestClock());

        var list = await client.Cdn.OriginGroups.ListAsync(limit: 10);

        Assert.True(list.IsPaginated);
        Assert.Equal(2, _server.Requests.Count);
    }

    /// <summary>Gcore's error bodies (cdn_api.yaml, the 400/403 schemas of the origin-group operations) and the fields they name.</summary>
    public static TheoryData<string, int, string, Type, string[]> ErrorShapes() => new()
    {
        { "flat field (OriginGroupNameNotUniqueError)", 400, """{"errors": {"name": ["Origin Group name should be unique."]}}""", typeof(GcoreBadRequestException), ["name=Origin Group name should be unique."] },
        { "per source (OriginSourceWithoutSchemaError)", 400, """{"errors": {"sources": {"https://yourwebsite.com": {"source": ["Source should be specified without schema"]}}}}""", typeof(GcoreBadRequestException), ["sources[https://yourwebsite.com].source=Source should be specified without schema"] },
        { "per S3 source, nested config (S3BucketNameDuplicateError)", 400, """{"errors": {"sources": {"my-bucket": {"config": ["The S3 bucket name must be unique inside group of origins."]}}}}""", typeof(GcoreBadRequestException), ["sources[my-bucket].config=The S3 bucket name must be unique inside group of origins."] },
        { "sources as a flat list (OriginGroupSourcesLimitCreateError)", 400, """{"errors": {"sources": ["Impossible to add origin group with more than 10 origins on your tariff plan."]}}""", typeof(GcoreBadRequestException), ["sources=Impossible to add origin group with more than 10 origins on your tariff plan."] },
        { "nested object (AuthS3TypeIsRequiredError)", 400, """{"errors": {"auth": {"s3_type": ["This field is required."]}}}""", typeof(GcoreBadRequestException), ["auth.s3_type=This field is required."] },
        { "two fields, two messages", 400, """{"errors": {"name": ["a", "b"], "source": ["Origin Group has to have at least one origin source."]}}""", typeof(GcoreBadRequestException), ["name=a", "name=b", "source=Origin Group has to have at least one origin source."] },
        { "DELETE without the errors wrapper (OriginGroupIsUsedByResourceError)", 400, """{"name": ["There are resources using this group"]}""", typeof(GcoreBadRequestException), ["name=There are resources using this group"] },
        { "list of per-item objects", 400, """{"errors": {"sources": [{}, {"source": ["This field is required."]}]}}""", typeof(GcoreBadRequestException), ["sources[1].source=This field is required."] },
        { "403 message (LimitsForCreationOriginsGroup)", 403, """{"message": "Upgrade service to create more than 5 Origins group(s)."}""", typeof(GcorePermissionDeniedException), [] },
        { "404 detail", 404, """{"detail": "Not found."}""", typeof(GcoreNotFoundException), [] },
    };

    [Theory]
    [MemberData(nameof(ErrorShapes))]
    public async Task Each_Gcore_error_shape_is_parsed_into_field_messages_without_a_retry(string shape, int status, string body, Type type, string[] expected)
    {
        _server.Faults.Enqueue(Fault.Status(status, body: body));
        using var client = Client(new TestClock());

        var ex = await Assert.ThrowsAnyAsync<GcoreApiException>(() => client.Cdn.OriginGroups.CreateAsync(new OriginGroupCreateParams { Name = "x", Sources = [new HostSource { Source = "yourwebsite.com" }] }));

        Assert.IsType(type, ex);
        Assert.Single(_server.Requests);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(body, ex.Body);
        var flattened = ex.ValidationErrors.SelectMany(e => e.Value.Select(m => e.Key + "=" + m)).OrderBy(s => s, StringComparer.Ordinal).ToArray();
        Assert.True(expected.OrderBy(s => s, StringComparer.Ordinal).SequenceEqual(flattened), shape + ": " + string.Join(" | ", flattened));
        Assert.StartsWith("Gcore API error " + status + " on POST /cdn/origin_groups: ", ex.Message);
    }

    [Fact]
    public async Task Secrets_the_server_echoes_in_free_text_never_reach_the_message()
    {
        string body = """{"errors": {"sources": {"my-bucket": {"config": ["Access denied for key """ + AccessKey + " with secret " + SecretKey + " (api key " + _server.ApiKey + """)."]}}}}""";
        _server.Faults.Enqueue(Fault.Status(400, body: body));
        using var client = Client(new TestClock());

        var ex = await Assert.ThrowsAsync<GcoreBadRequestException>(() => client.Cdn.OriginGroups.CreateAsync(new OriginGroupCreateParams
        {
            Name = "leaky",
            Sources =
            [
                new S3Source
                {
                    OriginType = OriginType.S3,
                    Config = new S3Config { S3Type = S3Type.Amazon, S3BucketName = "my-bucket", S3Region = "eu-west-1", S3AccessKeyId = AccessKey, S3SecretAccessKey = SecretKey },
                },
            ],
        }));

        foreach (var secret in new[] { AccessKey, SecretKey, _server.ApiKey })
            Assert.DoesNotContain(secret, ex.ToString());
        Assert.Contains("Access denied for key ***", ex.Message);
        Assert.Equal(body, ex.Body); // the raw body stays as sent, for whoever needs it
    }

    /// <summary>Counts the requests the client hands to the network, and signals the first.</summary>
    private sealed class SignallingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _requests;

        public Task FirstRequestSent => _first.Task;

        public int Requests => _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            _first.TrySetResult();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
