using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ClientTests.Gcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.Client;

/// <summary>Error answers become typed exceptions that keep status, headers and body, and never show the API key.</summary>
public class ErrorTests : ClientTestBase
{
    private const string NestedSourceError = """{"errors":{"sources":{"https://x.com":{"source":["Origin can't contain a protocol."]}}}}""";

    private static void AssertNoKey(Exception ex)
    {
        Assert.DoesNotContain(ApiKey, ex.Message);
        Assert.DoesNotContain(ApiKey, ex.ToString());
    }

    [Fact]
    public async Task Bad_request_with_a_nested_source_error_lists_it_under_the_source()
    {
        Server.Answer(400, NestedSourceError);

        var ex = await Assert.ThrowsAsync<GcoreBadRequestException>(() => Client.Cdn.OriginGroups.CreateAsync(Json.RequestTests.HostAndS3Group()));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal(NestedSourceError, ex.Body);
        var messages = Assert.Single(ex.ValidationErrors).Value;
        Assert.Equal(new[] { "Origin can't contain a protocol." }, messages);
        Assert.Contains(ex.ValidationErrors.Keys, k => k.Contains("https://x.com", StringComparison.Ordinal) && k.EndsWith("source", StringComparison.Ordinal));
        AssertNoKey(ex);
    }

    [Fact]
    public async Task Bad_request_with_a_name_error_lists_it_under_name()
    {
        const string body = """{"errors":{"name":["Origin group with this name already exists."]}}""";
        Server.Answer(400, body);

        var ex = await Assert.ThrowsAsync<GcoreBadRequestException>(() => Client.Cdn.OriginGroups.UpdateAsync(1, new OriginGroupUpdateParams { Name = "dup" }));

        Assert.Equal(body, ex.Body);
        Assert.Equal(new[] { "Origin group with this name already exists." }, ex.ValidationErrors["name"]);
        Assert.Contains("already exists", ex.Message);
        AssertNoKey(ex);
    }

    [Fact]
    public async Task Bad_request_on_delete_without_errors_wrapper_still_lists_fields()
    {
        const string body = """{"name":["Origin group is used by CDN resource."]}""";
        Server.Answer(400, body);

        var ex = await Assert.ThrowsAsync<GcoreBadRequestException>(() => Client.Cdn.OriginGroups.DeleteAsync(9));

        Assert.Equal(new[] { "Origin group is used by CDN resource." }, ex.ValidationErrors["name"]);
    }

    [Fact]
    public async Task Permission_denied_is_typed_and_keeps_the_body()
    {
        const string body = """{"message": "You have reached the limit of origin groups. Please upgrade service."}""";
        Server.Answer(403, body);

        var ex = await Assert.ThrowsAsync<GcorePermissionDeniedException>(() => Client.Cdn.OriginGroups.CreateAsync(Json.RequestTests.HostAndS3Group()));

        Assert.Equal(403, ex.StatusCode);
        Assert.Equal(body, ex.Body);
        Assert.Contains("403", ex.Message);
        AssertNoKey(ex);
    }

    [Fact]
    public async Task Not_found_is_typed_and_keeps_body_and_headers()
    {
        const string body = """{"detail": "Not found."}""";
        Server.Answer(404, body, new Dictionary<string, string> { ["X-Request-Id"] = "req-123" });

        var ex = await Assert.ThrowsAsync<GcoreNotFoundException>(() => Client.Cdn.OriginGroups.GetAsync(404));

        Assert.Equal(404, ex.StatusCode);
        Assert.Equal(body, ex.Body);
        Assert.Equal(new[] { "req-123" }, ex.Headers["x-request-id"]);
        AssertNoKey(ex);
    }

    [Fact]
    public async Task S3_secret_in_a_400_body_is_redacted_from_the_message_but_kept_in_the_body()
    {
        const string secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        string body = """{"errors":{"sources":{"my-bucket":{"config":["Invalid credentials."]}}},"config":{"s3_access_key_id":"EXAMPLEFODNN7EXAMPLE","s3_secret_access_key":"SECRET"}}""".Replace("SECRET", secret);
        Server.Answer(400, body);

        var ex = await Assert.ThrowsAsync<GcoreBadRequestException>(() => Client.Cdn.OriginGroups.CreateAsync(Json.RequestTests.HostAndS3Group()));

        Assert.DoesNotContain(secret, ex.Message);
        Assert.DoesNotContain(secret, ex.ToString());
        Assert.DoesNotContain("EXAMPLEFODNN7EXAMPLE", ex.Message);
        Assert.Contains("Invalid credentials.", ex.Message);
        Assert.Equal(body, ex.Body);
    }

    [Fact]
    public async Task Api_key_echoed_under_a_secret_looking_property_is_redacted_from_the_message()
    {
        Server.Answer(401, """{"message": "Invalid token.", "api_key": "KEY"}""".Replace("KEY", ApiKey));

        var ex = await Assert.ThrowsAsync<GcoreAuthenticationException>(() => Client.Cdn.OriginGroups.GetAsync(1));

        Assert.Contains(ApiKey, ex.Body);
        AssertNoKey(ex);
    }

    [Theory]
    [InlineData(401, typeof(GcoreAuthenticationException))]
    [InlineData(409, typeof(GcoreConflictException))]
    [InlineData(422, typeof(GcoreUnprocessableEntityException))]
    [InlineData(429, typeof(GcoreRateLimitException))]
    [InlineData(500, typeof(GcoreInternalServerException))]
    [InlineData(503, typeof(GcoreInternalServerException))]
    [InlineData(418, typeof(GcoreApiException))]
    public async Task Other_statuses_map_to_their_exception_types(int status, Type expected)
    {
        Server.Answer(status, """{"message": "m"}""");

        var ex = await Assert.ThrowsAnyAsync<GcoreApiException>(() => Client.Cdn.OriginGroups.GetAsync(1));

        Assert.IsType(expected, ex);
        Assert.Equal(status, ex.StatusCode);
        Assert.Single(Server.Calls);
    }

    [Fact]
    public async Task Error_without_a_body_has_a_null_body_and_no_validation_errors()
    {
        Server.Answer(404);

        var ex = await Assert.ThrowsAsync<GcoreNotFoundException>(() => Client.Cdn.OriginGroups.DeleteAsync(1));

        Assert.Null(ex.Body);
        Assert.Empty(ex.ValidationErrors);
    }

    [Fact]
    public async Task Error_with_an_html_body_keeps_it_and_has_no_validation_errors()
    {
        const string html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        Server.Answer(502, html);

        var ex = await Assert.ThrowsAsync<GcoreInternalServerException>(() => Client.Cdn.OriginGroups.ListAsync());

        Assert.Equal(html, ex.Body);
        Assert.Empty(ex.ValidationErrors);
    }

    [Fact]
    public async Task Connection_refused_is_a_connection_exception_without_the_key()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var client = NewClient(o => o.BaseUrl = new Uri("http://127.0.0.1:" + port + "/"));

        var ex = await Assert.ThrowsAsync<GcoreConnectionException>(() => client.Cdn.OriginGroups.GetAsync(1));

        AssertNoKey(ex);
    }
}
