using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ClientTests.Gcore;
using GcoreCdnGen.ClientTests.Client;
using GcoreCdnGen.ClientTests.Json;
using Xunit;

namespace GcoreCdnGen.ClientTests.Security;

/// <summary>A server that answers without end, echoes the key or appends data; and path values that try to leave their segment.</summary>
public class HostileServerTests : ClientTestBase
{
    private GcoreClient ClientFor(Uri baseUrl, long maxResponseBytes, int maxRetries) => NewClient(o =>
    {
        o.BaseUrl = baseUrl;
        o.MaxResponseBytes = maxResponseBytes;
        o.MaxRetries = maxRetries;
        o.InitialRetryDelay = TimeSpan.Zero;
        o.Timeout = TimeSpan.FromSeconds(20);
    });

    [Fact]
    public async Task An_endless_body_stops_at_MaxResponseBytes_and_is_not_retried()
    {
        await using var server = new EndlessServer();
        using var client = ClientFor(server.BaseUrl, maxResponseBytes: 1 << 20, maxRetries: 2);

        var ex = await Assert.ThrowsAsync<GcoreResponseTooLargeException>(() => client.Cdn.OriginGroups.ListAsync());

        Assert.Equal(200, ex.StatusCode);
        Assert.Equal(1 << 20, ex.Limit);
        Assert.Equal(1, server.Connections);
        Assert.InRange(server.BytesSent, 1 << 20, 64 << 20); // what the socket buffers took before the client hung up
    }

    [Fact]
    public async Task An_endless_error_body_of_a_retryable_status_is_not_retried_either()
    {
        await using var server = new EndlessServer(status: 503);
        using var client = ClientFor(server.BaseUrl, maxResponseBytes: 1 << 20, maxRetries: 2);

        var ex = await Assert.ThrowsAsync<GcoreResponseTooLargeException>(() => client.Cdn.OriginGroups.ListAsync());

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_reading()
    {
        await using var server = new EndlessServer(declaredLength: 10L << 30);
        using var client = ClientFor(server.BaseUrl, maxResponseBytes: 1 << 20, maxRetries: 2);

        await Assert.ThrowsAsync<GcoreResponseTooLargeException>(() => client.Cdn.OriginGroups.ListAsync());

        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task A_body_up_to_the_limit_is_read()
    {
        string body = "[" + Payloads.GroupWith(1, "g") + "]";
        Server.Answer(200, body);
        using var client = ClientFor(Server.BaseUrl, maxResponseBytes: Encoding.UTF8.GetByteCount(body), maxRetries: 0);

        var page = await client.Cdn.OriginGroups.ListAsync();

        Assert.Equal(1, Assert.Single(page.Results).Id);
    }

    /// <summary>
    /// Refused rather than escaped: RFC 3986 makes <c>%2E</c> the same character as <c>.</c>, so no escaping of <c>..</c>
    /// keeps it in its segment on a server that normalizes the path (System.Uri itself removes a literal <c>..</c>).
    /// </summary>
    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public async Task A_dot_segment_path_value_is_refused_before_anything_is_sent(string value)
    {
        using var transport = new GcoreTransport(new GcoreClientOptions { ApiKey = ApiKey, BaseUrl = Server.BaseUrl, MaxRetries = 0 }, "https://api.gcore.com/");

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(HttpMethod.Delete, "/cdn/resources/" + GcoreTransport.PathValue(value), null, null, CancellationToken.None));

        Assert.Contains("path segment", ex.Message);
        Assert.Empty(Server.Calls);
    }

    [Theory]
    [InlineData("a..b", "/cdn/resources/a..b")]
    [InlineData("...", "/cdn/resources/...")]
    [InlineData("../x", "/cdn/resources/..%2Fx")]
    [InlineData("%2E%2E", "/cdn/resources/%252E%252E")]
    [InlineData("a?b#c", "/cdn/resources/a%3Fb%23c")]
    public async Task Other_path_values_arrive_as_one_literal_segment(string value, string target)
    {
        using var transport = new GcoreTransport(new GcoreClientOptions { ApiKey = ApiKey, BaseUrl = Server.BaseUrl, MaxRetries = 0 }, "https://api.gcore.com/");
        Server.Answer(204);

        await transport.SendAsync(HttpMethod.Delete, "/cdn/resources/" + GcoreTransport.PathValue(value), null, null, CancellationToken.None);

        Assert.Equal(target, Server.SingleCall.Target);
    }

    [Fact]
    public async Task A_key_that_straddles_the_2000_character_cut_is_redacted_whole()
    {
        string body = new string('x', 1990) + ApiKey + new string('y', 100);
        Server.Answer(400, body);

        var ex = await Assert.ThrowsAsync<GcoreBadRequestException>(() => Client.Cdn.OriginGroups.ListAsync());

        Assert.DoesNotContain(ApiKey.Substring(0, 8), ex.Message);
        Assert.Contains("***", ex.Message);
        Assert.Equal(body, ex.Body); // the body itself is kept as received
    }

    [Fact]
    public async Task Lowercased_uppercased_and_base64_echoes_of_the_key_are_redacted()
    {
        const string key = "Key-ABCdef-77881";
        using var client = NewClient(o => o.ApiKey = key);
        string base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(key));
        string header64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("APIKey " + key));
        Server.Answer(401, "{\"detail\": \"bad key " + key.ToLowerInvariant() + " / " + key.ToUpperInvariant() + " / " + base64 + " / " + header64 + "\"}");

        var ex = await Assert.ThrowsAsync<GcoreAuthenticationException>(() => client.Cdn.OriginGroups.ListAsync());

        Assert.DoesNotContain(key, ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(base64.TrimEnd('='), ex.Message);
        Assert.DoesNotContain(header64.TrimEnd('='), ex.Message);
        Assert.Contains("bad key ***", ex.Message);
    }

    [Theory]
    [InlineData(" {\"id\": 2}")]
    [InlineData(" garbage")]
    [InlineData("}")]
    public async Task Data_after_the_JSON_value_is_refused(string trailing)
    {
        Server.Answer(200, Payloads.GroupWith(1, "g") + trailing);

        var ex = await Assert.ThrowsAsync<GcoreResponseException>(() => Client.Cdn.OriginGroups.GetAsync(1));

        Assert.Equal(200, ex.StatusCode);
    }

    [Fact]
    public async Task A_byte_order_mark_and_trailing_white_space_are_accepted()
    {
        Server.Answer(200, "\uFEFF" + Payloads.GroupWith(1, "g") + " \r\n\t ");

        var group = await Client.Cdn.OriginGroups.GetAsync(1);

        Assert.Equal(1, group.Id);
    }
}
