using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ClientTests.Gcore;
using GcoreCdnGen.ClientTests.Json;
using Xunit;

namespace GcoreCdnGen.ClientTests.Client;

/// <summary>
/// A POST (create) is sent again only when it provably was not carried out; after an answer that leaves it open, the
/// caller gets a <see cref="GcoreOutcomeUnknownException"/> and the server has seen it once. Idempotent calls retry as
/// before, and <c>RetryNonIdempotent</c> brings back retry-everything per client or per call.
/// </summary>
public class SafeRetryTests : ClientTestBase
{
    private const string S3AccessKey = "EXAMPLEFODNN7EXAMPLE"; // in RequestTests.HostAndS3Group()
    private const string S3SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private GcoreClient RetryingClient(Action<GcoreClientOptions>? configure = null) => NewClient(o =>
    {
        o.MaxRetries = 2;
        o.InitialRetryDelay = TimeSpan.FromMilliseconds(1);
        o.MaxRetryDelay = TimeSpan.FromMilliseconds(5);
        configure?.Invoke(o);
    });

    private int Posts => Server.Calls.Count(c => c.Method == "POST");

    private static void AssertNoSecrets(Exception ex)
    {
        foreach (var secret in new[] { ApiKey, S3AccessKey, S3SecretKey })
            Assert.DoesNotContain(secret, ex.ToString());
    }

    [Fact]
    public async Task A_create_the_server_carried_out_before_the_connection_dropped_is_sent_once_and_its_outcome_is_unknown()
    {
        using var client = RetryingClient();
        Server.Drop(201, Payloads.Group).Answer(201, Payloads.Group);

        var ex = await Assert.ThrowsAsync<GcoreOutcomeUnknownException>(() => client.Cdn.OriginGroups.CreateAsync(RequestTests.HostAndS3Group()));

        Assert.Equal(1, Posts);
        Assert.Single(Server.Calls);
        Assert.Equal("POST", ex.Method);
        Assert.Equal("/cdn/origin_groups", ex.Path);
        Assert.Equal("POST /cdn/origin_groups", ex.Request);
        Assert.Equal(201, ex.StatusCode); // the status came, the body did not
        Assert.NotNull(ex.Headers);
        Assert.Equal(new[] { "application/json" }, ex.Headers!["Content-Type"]);
        Assert.Null(ex.Body);
        Assert.IsType<GcoreConnectionException>(ex.InnerException);
        Assert.StartsWith("POST /cdn/origin_groups may or may not have been carried out", ex.Message);
        Assert.Contains("RetryNonIdempotent", ex.Message);
        AssertNoSecrets(ex);
    }

    [Fact]
    public async Task A_create_whose_connection_dropped_before_any_answer_is_sent_once_and_its_outcome_is_unknown()
    {
        using var client = RetryingClient();
        Server.Drop().Answer(201, Payloads.Group);

        var ex = await Assert.ThrowsAsync<GcoreOutcomeUnknownException>(() => client.Cdn.OriginGroups.CreateAsync(RequestTests.HostAndS3Group()));

        Assert.Single(Server.Calls);
        Assert.Null(ex.StatusCode);
        Assert.Null(ex.Headers);
        Assert.IsType<GcoreConnectionException>(ex.InnerException);
        AssertNoSecrets(ex);
    }

    [Fact]
    public async Task A_create_that_timed_out_after_it_was_sent_is_not_sent_again()
    {
        using var client = RetryingClient(o => o.Timeout = TimeSpan.FromMilliseconds(300));
        Server.Answer(201, Payloads.Group, delay: TimeSpan.FromSeconds(10)).Answer(201, Payloads.Group);

        var ex = await Assert.ThrowsAsync<GcoreOutcomeUnknownException>(() => client.Cdn.OriginGroups.CreateAsync(RequestTests.HostAndS3Group()));

        Assert.Single(Server.Calls);
        Assert.IsType<GcoreTimeoutException>(ex.InnerException);
        Assert.Contains("0.3 s", ex.Message);
        AssertNoSecrets(ex);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_create_answered_with_an_ambiguous_5xx_is_not_sent_again(int status)
    {
        using var client = RetryingClient();
        string body = "{\"message\": \"upstream failed for key " + S3SecretKey + "\"}";
        Server.Answer(status, body).Answer(201, Payloads.Group);

        var ex = await Assert.ThrowsAsync<GcoreOutcomeUnknownException>(() => client.Cdn.OriginGroups.CreateAsync(RequestTests.HostAndS3Group()));

        Assert.Single(Server.Calls);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(body, ex.Body); // as received; the message leaves the echoed secret out
        var inner = Assert.IsType<GcoreInternalServerException>(ex.InnerException);
        Assert.Equal(status, inner.StatusCode);
        Assert.Contains("Gcore API error " + status + " on POST /cdn/origin_groups", ex.Message);
        AssertNoSecrets(ex);
    }

    [Fact]
    public async Task A_create_answered_500_is_an_outcome_unknown_even_with_retries_off()
    {
        Server.Answer(500);

        var ex = await Assert.ThrowsAsync<GcoreOutcomeUnknownException>(() => Client.Cdn.OriginGroups.CreateAsync(RequestTests.HostAndS3Group()));

        Assert.Equal(500, ex.StatusCode);
        Assert.Single(Server.Calls);
    }

    public static TheoryData<int, string?> NotCarriedOut() => new()
    {
        { 503, null },
        { 429, null },
        { 500, "true" }, // x-should-retry: true
        { 502, "true" },
    };

    [Theory]
    [MemberData(nameof(NotCarriedOut))]
    public async Task A_create_the_server_says_it_did_not_carry_out_is_retried_with_the_same_body(int status, string? shouldRetry)
    {
        using var client = RetryingClient();
        var headers = shouldRetry is null ? null : new Dictionary<string, string> { ["x-should-retry"] = shouldRetry };
        Server.Answer(status, """{"message": "busy"}""", headers).Answer(201, Payloads.Group);

        var created = await client.Cdn.OriginGroups.CreateAsync(RequestTests.HostAndS3Group());

        Assert.Equal(2, Posts);
        Assert.Equal(Server.Calls[0].Body, Server.Calls[1].Body);
        Assert.Equal("1", Server.Calls[1].Header("X-Retry-Count"));
        Assert.NotEqual(0, created.Id);
    }

    [Fact]
    public async Task X_should_retry_false_stops_the_retry_of_a_create_answered_503()
    {
        using var client = RetryingClient();
        Server.Answer(503, null, new Dictionary<string, string> { ["x-should-retry"] = "false" }).Answer(201, Payloads.Group);

        var ex = await Assert.ThrowsAsync<GcoreInternalServerException>(() => client.Cdn.OriginGroups.CreateAsync(RequestTests.HostAndS3Group()));

        Assert.Equal(503, ex.StatusCode); // the server said it did nothing: a plain API error, not an unknown outcome
        Assert.Single(Server.Calls);
    }

    [Fact]
    public async Task A_create_whose_connection_was_refused_is_retried()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        int port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nobody listens there any more: every connect is refused
        var counter = new CountingHandler(new SocketsHttpHandler());
        using var http = new HttpClient(counter) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = RetryingClient(o =>
        {
            o.BaseUrl = new Uri("http://127.0.0.1:" + port + "/");
            o.HttpClient = http;
        });

        var ex = await Assert.ThrowsAsync<GcoreConnectionException>(() => client.Cdn.OriginGroups.CreateAsync(RequestTests.HostAndS3Group()));

        Assert.Equal(3, counter.Requests); // never sent, so safe to send again: all three attempts made
        var refused = Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Equal(HttpRequestError.ConnectionError, refused.HttpRequestError);
        Assert.Contains("3 attempts", ex.Message);
        AssertNoSecrets(ex);
    }

    [Fact]
    public async Task A_GET_whose_connection_dropped_is_retried_as_before()
    {
        using var client = RetryingClient();
        Server.Drop(200, Payloads.GroupWith(8, "g")).Answer(200, Payloads.GroupWith(8, "g"));

        var group = await client.Cdn.OriginGroups.GetAsync(8);

        Assert.Equal(8, group.Id);
        Assert.Equal(2, Server.Calls.Count);
    }

    [Fact]
    public async Task PUT_PATCH_and_DELETE_answered_500_are_retried_as_before()
    {
        using var client = RetryingClient();
        Server.Answer(500).Answer(200, Payloads.GroupWith(3, "g"))
            .Answer(502).Answer(200, Payloads.GroupWith(3, "g"))
            .Answer(504).Answer(204);

        await client.Cdn.OriginGroups.ReplaceAsync(3, new OriginGroupReplaceParams { Name = "g", UseNext = false, Sources = [new HostSource { Source = "yourwebsite.com" }] });
        await client.Cdn.OriginGroups.UpdateAsync(3, new OriginGroupUpdateParams { Name = "g" });
        await client.Cdn.OriginGroups.DeleteAsync(3);

        Assert.Equal(new[] { "PUT", "PUT", "PATCH", "PATCH", "DELETE", "DELETE" }, Server.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task RetryNonIdempotent_on_the_client_retries_a_create_after_a_dropped_connection_and_a_500()
    {
        using var client = RetryingClient(o => o.RetryNonIdempotent = true);
        Server.Drop(201, Payloads.Group).Answer(500).Answer(201, Payloads.Group);

        await client.Cdn.OriginGroups.CreateAsync(RequestTests.HostAndS3Group());

        Assert.Equal(3, Posts);
        Assert.All(Server.Calls, c => Assert.Equal(Server.Calls[0].Body, c.Body));
    }

    [Fact]
    public async Task RetryNonIdempotent_on_the_client_ends_in_the_last_failure_when_retries_run_out()
    {
        using var client = RetryingClient(o => o.RetryNonIdempotent = true);
        Server.Answer(500).Answer(502).Answer(504);

        var ex = await Assert.ThrowsAsync<GcoreInternalServerException>(() => client.Cdn.OriginGroups.CreateAsync(RequestTests.HostAndS3Group()));

        Assert.Equal(504, ex.StatusCode);
        Assert.Equal(3, Posts);
    }

    [Fact]
    public async Task RetryNonIdempotent_per_call_applies_to_that_call_only()
    {
        using var client = RetryingClient();
        Server.Answer(500).Answer(201, Payloads.Group);

        await client.WithOptions(o => o.RetryNonIdempotent = true).Cdn.OriginGroups.CreateAsync(RequestTests.HostAndS3Group());

        Assert.Equal(2, Posts);

        Server.Answer(500).Answer(201, Payloads.Group);
        await Assert.ThrowsAsync<GcoreOutcomeUnknownException>(() => client.Cdn.OriginGroups.CreateAsync(RequestTests.HostAndS3Group()));
        Assert.Equal(3, Posts);
    }

    [Fact]
    public async Task RetryNonIdempotent_false_per_call_overrides_a_client_that_allows_it()
    {
        using var client = RetryingClient(o => o.RetryNonIdempotent = true);
        Server.Answer(500).Answer(201, Payloads.Group);

        await Assert.ThrowsAsync<GcoreOutcomeUnknownException>(() => client.WithOptions(o => o.RetryNonIdempotent = false).Cdn.OriginGroups.CreateAsync(RequestTests.HostAndS3Group()));

        Assert.Single(Server.Calls);
    }

    /// <summary>Counts the requests the client hands to the network.</summary>
    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _requests;

        public int Requests => _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
