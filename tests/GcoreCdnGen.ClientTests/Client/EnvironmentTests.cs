using System;
using System.Threading.Tasks;
using ClientTests.Gcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.Client;

/// <summary>Tests that change process environment variables run alone, after all parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Process environment";
}

/// <summary>Sets an environment variable for the lifetime of the object, then puts the old value back.</summary>
internal sealed class EnvironmentVariable : IDisposable
{
    private readonly string _name;
    private readonly string? _previous;

    public EnvironmentVariable(string name, string? value)
    {
        _name = name;
        _previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
}

[Collection(EnvironmentCollection.Name)]
public class EnvironmentTests : ClientTestBase
{
    [Fact]
    public async Task Key_comes_from_GCORE_API_KEY_when_options_give_none()
    {
        using var env = new EnvironmentVariable("GCORE_API_KEY", "env-key-551");
        using var client = NewClient(o => o.ApiKey = null);
        Server.Answer(200, "[]");

        await client.Cdn.OriginGroups.ListAsync();

        Assert.Equal("APIKey env-key-551", Server.SingleCall.Header("Authorization"));
    }

    [Fact]
    public async Task Key_in_options_wins_over_GCORE_API_KEY()
    {
        using var env = new EnvironmentVariable("GCORE_API_KEY", "env-key-551");
        using var client = NewClient(_ => { });
        Server.Answer(200, "[]");

        await client.Cdn.OriginGroups.ListAsync();

        Assert.Equal("APIKey " + ApiKey, Server.SingleCall.Header("Authorization"));
    }

    [Fact]
    public async Task Key_from_the_environment_is_not_in_error_messages()
    {
        using var env = new EnvironmentVariable("GCORE_API_KEY", "env-key-551");
        using var client = NewClient(o => o.ApiKey = null);
        Server.Answer(403, """{"message": "no permission"}""");

        var ex = await Assert.ThrowsAsync<GcorePermissionDeniedException>(() => client.Cdn.OriginGroups.GetAsync(1));

        Assert.DoesNotContain("env-key-551", ex.ToString());
    }

    [Fact]
    public async Task Base_url_comes_from_GCORE_BASE_URL_when_options_give_none()
    {
        using var env = new EnvironmentVariable("GCORE_BASE_URL", Server.BaseUrl.ToString().TrimEnd('/'));
        using var client = NewClient(o => o.BaseUrl = null);
        Server.Answer(200, Json.Payloads.GroupWith(2, "g"));

        await client.Cdn.OriginGroups.GetAsync(2);

        Assert.Equal(Server.BaseUrl, client.BaseUrl);
        Assert.Equal("/cdn/origin_groups/2", Server.SingleCall.Target);
    }

    [Fact]
    public void Without_options_or_environment_the_base_url_is_Gcores()
    {
        using var env = new EnvironmentVariable("GCORE_BASE_URL", null);
        using var client = NewClient(o => o.BaseUrl = null);

        Assert.Equal(new Uri("https://api.gcore.com/"), client.BaseUrl);
    }

    [Fact]
    public async Task Custom_headers_come_from_GCORE_CUSTOM_HEADERS_and_options_override_them()
    {
        using var env = new EnvironmentVariable("GCORE_CUSTOM_HEADERS", "X-One: 1\nX-Two: from-env");
        using var client = NewClient(o => o.DefaultHeaders["X-Two"] = "from-options");
        Server.Answer(200, "[]");

        await client.Cdn.OriginGroups.ListAsync();

        Assert.Equal("1", Server.SingleCall.Header("X-One"));
        Assert.Equal("from-options", Server.SingleCall.Header("X-Two"));
    }
}
