using System;
using System.Linq;
using System.Threading.Tasks;
using ClientTests.Gcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.EndToEnd;

/// <summary>The generated client against the generated fake: a whole create → list → get → update → replace → delete cycle.</summary>
public sealed class FakeGcoreEndToEndTests : IAsyncLifetime
{
    private const string AccessKey = "EXAMPLEFODNN7EXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private GcoreClientFake _server = null!;
    private GcoreClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = new GcoreClientFake { ApiKey = "fake-api-key" };
        _client = new GcoreClient(new GcoreClientOptions { ApiKey = _server.ApiKey, HttpClient = _server.CreateHttpClient(), MaxRetries = 0 });
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await Task.CompletedTask;
    }

    private static S3Source S3Source(string bucket) => new()
    {
        OriginType = OriginType.S3,
        Config = new S3Config { S3Type = S3Type.Amazon, S3BucketName = bucket, S3Region = "eu-west-1", S3AccessKeyId = AccessKey, S3SecretAccessKey = SecretKey },
    };

    private static void AssertMasked(OriginGroup group)
    {
        var s3 = group.Sources.OfType<OriginGroupS3Source>().Single();
        Assert.Equal("SECRET_VALUE", s3.Config.S3AccessKeyId);
        Assert.Equal("SECRET_VALUE", s3.Config.S3SecretAccessKey);
    }

    [Fact]
    public async Task Create_list_get_update_replace_delete()
    {
        var groups = _client.Cdn.OriginGroups;

        var created = await groups.CreateAsync(new OriginGroupCreateParams
        {
            Name = "static-assets",
            Sources = [new HostSource { Source = "yourwebsite.com" }, S3Source("my-bucket")],
        });
        Assert.Equal("static-assets", created.Name);
        var host = Assert.IsType<OriginGroupHostSource>(created.Sources[0]);
        Assert.Equal("yourwebsite.com", host.Source);
        Assert.NotEqual(true, host.Backup); // the spec gives no default: unset means not a backup
        Assert.NotEqual(false, host.Enabled); // and enabled
        var s3 = Assert.IsType<OriginGroupS3Source>(created.Sources[1]);
        Assert.Equal(OriginType.S3, s3.OriginType);
        Assert.Equal("my-bucket", s3.Config.S3BucketName);
        Assert.Equal("awsSignatureV4", s3.Config.S3AuthType);
        AssertMasked(created);
        Assert.Contains(SecretKey, _server.Items("/cdn/origin_groups", revealSecrets: true).Single());

        var plain = await groups.ListAsync();
        Assert.False(plain.IsPaginated);
        Assert.Equal(created.Id, Assert.Single(plain.Results).Id);
        var paged = await groups.ListAsync(name: "static-assets", limit: 10, offset: 0);
        Assert.True(paged.IsPaginated);
        Assert.Equal(1, paged.Count);
        AssertMasked(Assert.Single(paged.Results));

        var fetched = await groups.GetAsync(created.Id);
        Json.JsonAssert.Equivalent(GcoreJson.Serialize(w => created.WriteJson(w)), GcoreJson.Serialize(w => fetched.WriteJson(w)));

        var updated = await groups.UpdateAsync(created.Id, new OriginGroupUpdateParams { Name = "renamed", UseNext = true, ProxyNextUpstream = ["error", "http_502"] });
        Assert.Equal("renamed", updated.Name);
        Assert.True(updated.UseNext);
        Assert.Equal(new[] { "error", "http_502" }, updated.ProxyNextUpstream);
        Assert.Equal(2, updated.Sources.Count);

        var replaced = await groups.ReplaceAsync(created.Id, new OriginGroupReplaceParams
        {
            Name = "replaced",
            UseNext = false,
            Sources = [new HostSource { Source = "1.2.3.4:5500", HostHeaderOverride = "cdn.example.com" }, S3Source("other-bucket")],
        });
        Assert.Equal("replaced", replaced.Name);
        Assert.False(replaced.UseNext);
        var newHost = Assert.IsType<OriginGroupHostSource>(replaced.Sources[0]);
        Assert.Equal("1.2.3.4:5500", newHost.Source);
        Assert.Equal("cdn.example.com", newHost.HostHeaderOverride);
        Assert.Equal("other-bucket", replaced.Sources.OfType<OriginGroupS3Source>().Single().Config.S3BucketName);
        AssertMasked(replaced);

        await groups.DeleteAsync(created.Id);
        Assert.Equal(0, _server.OriginGroups.Count);
        var gone = await Assert.ThrowsAsync<GcoreNotFoundException>(() => groups.GetAsync(created.Id));
        Assert.Equal(404, gone.StatusCode);
    }

    [Fact]
    public async Task Invalid_source_comes_back_as_a_typed_400_with_the_field_error()
    {
        var ex = await Assert.ThrowsAsync<GcoreBadRequestException>(() => _client.Cdn.OriginGroups.CreateAsync(new OriginGroupCreateParams
        {
            Name = "bad",
#pragma warning disable GCDN004 // a source with a scheme, on purpose: the fake must reject it
            Sources = [new HostSource { Source = "https://x.com" }],
#pragma warning restore GCDN004
        }));

        Assert.Contains(ex.ValidationErrors.Keys, k => k.Contains("https://x.com", StringComparison.Ordinal) && k.EndsWith(".source", StringComparison.Ordinal));
        Assert.DoesNotContain(_server.ApiKey!, ex.ToString());
    }

    [Fact]
    public async Task Wrong_key_is_a_typed_401()
    {
        using var client = new GcoreClient(new GcoreClientOptions { ApiKey = "wrong-key-0000", HttpClient = _server.CreateHttpClient(), MaxRetries = 0 });

        var ex = await Assert.ThrowsAsync<GcoreAuthenticationException>(() => client.Cdn.OriginGroups.ListAsync());

        Assert.DoesNotContain("wrong-key-0000", ex.ToString());
    }

    [Fact]
    public async Task Delete_of_a_group_in_use_is_a_typed_400()
    {
        var created = await _client.Cdn.OriginGroups.CreateAsync(new OriginGroupCreateParams { Name = "used", Sources = [new HostSource { Source = "a.com" }] });
        _server.Seed("/cdn/origin_groups", """{"id": 2, "name": "used", "sources": [{"source": "a.com"}], "has_related_resources": true}""");
        // Gcore's rule for a group in use is DELETE's own 400 (no "errors" wrapper): an override plays it.
        _server.Override("delete-origin-group", request => request.Path.EndsWith("/2", StringComparison.Ordinal)
            ? new GcoreFakeResponse(400, """{"name": ["This origin group is used by a CDN resource."]}""")
            : new GcoreFakeResponse(204));
        created = await _client.Cdn.OriginGroups.GetAsync(2);

        var ex = await Assert.ThrowsAsync<GcoreBadRequestException>(() => _client.Cdn.OriginGroups.DeleteAsync(created.Id));

        Assert.True(ex.ValidationErrors.ContainsKey("name"));
        Assert.True((await _client.Cdn.OriginGroups.GetAsync(created.Id)).HasRelatedResources);
    }
}
