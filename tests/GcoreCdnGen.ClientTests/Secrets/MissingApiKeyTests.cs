using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using ClientTests.Gcore;
using GcoreCdnGen.ClientTests.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GcoreCdnGen.ClientTests.Secrets;

/// <summary>
/// A call without an API key fails before anything is sent, naming GCORE_API_KEY and the option, unless the request
/// is authorized another way (an Authorization header, a handler) and the caller says so.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public class MissingApiKeyTests : ClientTestBase
{
    private GcoreClient Keyless(Action<GcoreClientOptions>? configure = null) => NewClient(o =>
    {
        o.ApiKey = null;
        configure?.Invoke(o);
    });

    [Fact]
    public async Task Without_a_key_the_call_is_refused_before_anything_is_sent()
    {
        using var env = new EnvironmentVariable("GCORE_API_KEY", null);
        using var client = Keyless();

        var ex = await Assert.ThrowsAsync<GcoreConfigurationException>(() => client.Cdn.OriginGroups.GetAsync(1));

        Assert.Equal("GCORE_API_KEY", ex.Setting);
        Assert.Contains("GCORE_API_KEY", ex.Message);
        Assert.Contains("ApiKey option", ex.Message);
        Assert.Empty(Server.Calls);
    }

    [Fact]
    public async Task An_Authorization_header_in_DefaultHeaders_is_enough()
    {
        using var env = new EnvironmentVariable("GCORE_API_KEY", null);
        using var client = Keyless(o => o.DefaultHeaders["Authorization"] = "Bearer jwt-token-1");
        Server.Answer(200, "[]");

        await client.Cdn.OriginGroups.ListAsync();

        Assert.Equal("Bearer jwt-token-1", Server.SingleCall.Header("Authorization"));
    }

    [Fact]
    public async Task An_Authorization_header_on_the_HttpClient_is_enough()
    {
        using var env = new EnvironmentVariable("GCORE_API_KEY", null);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("APIKey", "from-the-http-client");
        using var client = Keyless(o => o.HttpClient = http);
        Server.Answer(200, "[]");

        await client.Cdn.OriginGroups.ListAsync();

        Assert.Equal("APIKey from-the-http-client", Server.SingleCall.Header("Authorization"));
    }

    [Fact]
    public async Task A_handler_added_through_the_factory_authorizes_when_AllowMissingApiKey_says_so()
    {
        using var env = new EnvironmentVariable("GCORE_API_KEY", null);
        var services = new ServiceCollection();
        services.AddGcoreClient(o =>
        {
            o.BaseUrl = Server.BaseUrl;
            o.MaxRetries = 0;
            o.AllowMissingApiKey = true;
        }).AddHttpMessageHandler(() => new TokenHandler());
        await using var provider = services.BuildServiceProvider();
        Server.Answer(200, "[]");

        await provider.GetRequiredService<GcoreClient>().Cdn.OriginGroups.ListAsync();

        Assert.Equal("Bearer from-a-handler", Server.SingleCall.Header("Authorization"));
    }

    [Fact]
    public async Task AllowMissingApiKey_sends_without_an_Authorization_header()
    {
        using var env = new EnvironmentVariable("GCORE_API_KEY", null);
        using var client = Keyless(o => o.AllowMissingApiKey = true);
        Server.Answer(401, """{"message": "Authentication credentials were not provided."}""");

        await Assert.ThrowsAsync<GcoreAuthenticationException>(() => client.Cdn.OriginGroups.ListAsync());

        Assert.Null(Server.SingleCall.Header("Authorization"));
    }

    private sealed class TokenHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "from-a-handler");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
