using ClientTests.Gcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.Json;

public class RequestTests
{
    internal static OriginGroupCreateParams HostAndS3Group() => new()
    {
        Name = "static-assets",
        UseNext = true,
        ProxyNextUpstream = ["error", "timeout", "http_502"],
        Sources =
        [
            new HostSource { Source = "yourwebsite.com", Backup = false, Enabled = true, HostHeaderOverride = null },
            new S3Source
            {
                OriginType = OriginType.S3,
                Config = new S3Config
                {
                    S3Type = S3Type.Amazon,
                    S3BucketName = "my-bucket",
                    S3Region = "eu-west-1",
                    S3AccessKeyId = "EXAMPLEFODNN7EXAMPLE",
                    S3SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                },
            },
        ],
    };

    internal const string HostAndS3GroupJson = """
        {
          "name": "static-assets",
          "use_next": true,
          "proxy_next_upstream": ["error", "timeout", "http_502"],
          "sources": [
            {"source": "yourwebsite.com", "backup": false, "enabled": true, "host_header_override": null},
            {
              "origin_type": "s3",
              "config": {
                "s3_type": "amazon",
                "s3_bucket_name": "my-bucket",
                "s3_region": "eu-west-1",
                "s3_access_key_id": "EXAMPLEFODNN7EXAMPLE",
                "s3_secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
              }
            }
          ]
        }
        """;

    [Fact]
    public void Create_with_host_and_S3_sources_serializes_to_the_expected_JSON()
    {
        JsonAssert.Equivalent(HostAndS3GroupJson, GcoreJson.Serialize(w => HostAndS3Group().WriteJson(w)));
    }

    [Fact]
    public void Create_with_deprecated_members_unset_writes_no_auth_type_or_auth()
    {
        var body = JsonAssert.Object(GcoreJson.Serialize(w => HostAndS3Group().WriteJson(w)));

        Assert.False(body.ContainsKey("auth_type"));
        Assert.False(body.ContainsKey("auth"));
        Assert.False(body.ContainsKey("path"));
    }

    [Fact]
    public void Replace_with_deprecated_members_unset_writes_no_auth_type_or_path()
    {
        var put = new OriginGroupReplaceParams { Name = "g", UseNext = false, Sources = [new HostSource { Source = "a.com" }] };

        JsonAssert.Equivalent(
            """{"name": "g", "use_next": false, "sources": [{"source": "a.com"}]}""",
            GcoreJson.Serialize(w => put.WriteJson(w)));
    }

    [Fact]
    public void Update_with_only_a_name_writes_only_the_name()
    {
        var patch = new OriginGroupUpdateParams { Name = "renamed" };

        JsonAssert.Equivalent("""{"name": "renamed"}""", GcoreJson.Serialize(w => patch.WriteJson(w)));
    }

    [Fact]
    public void Deprecated_members_are_written_when_set()
    {
#pragma warning disable CS0618, GCDN002 // setting deprecated members on purpose
        var put = new OriginGroupReplaceParams { Name = "g", UseNext = false, Sources = [], AuthType = "none", Path = "" };
#pragma warning restore CS0618, GCDN002

        JsonAssert.Equivalent(
            """{"name": "g", "use_next": false, "sources": [], "auth_type": "none", "path": ""}""",
            GcoreJson.Serialize(w => put.WriteJson(w)));
    }

    [Fact]
    public void FastEdge_source_request_writes_origin_type_and_app_id()
    {
        var source = new FastedgeSource { Config = new FastedgeConfig { AppId = "12345" }, Enabled = true };

        JsonAssert.Equivalent(
            """{"origin_type": "fastedge", "config": {"app_id": "12345"}, "enabled": true}""",
            GcoreJson.Serialize(w => source.WriteJson(w)));
    }

    [Fact]
    public void Sources_send_their_own_kind_unasked()
    {
        // Gcore rejects a new S3 source without origin_type on PUT/PATCH: the variant says what it is by itself.
        var s3 = new S3Source
        {
            Config = new S3Config { S3Type = S3Type.Other, S3BucketName = "b", S3StorageHostname = "s3.example.com", S3AccessKeyId = "key1", S3SecretAccessKey = "secret-secret-1234" },
        };
        var edge = new FastedgeSource { Config = new FastedgeConfig { AppId = "12345" } };

        var written = JsonAssert.Object(GcoreJson.Serialize(w => s3.WriteJson(w)));
        Assert.Equal("s3", (string?)written["origin_type"]);
        Assert.Equal("s3.example.com", (string?)written["config"]!["s3_storage_hostname"]);
        Assert.False(written["config"]!.AsObject().ContainsKey("s3_region"));
        Assert.Equal("fastedge", (string?)JsonAssert.Object(GcoreJson.Serialize(w => edge.WriteJson(w)))["origin_type"]);
    }

    [Fact]
    public void An_unset_kind_is_omitted_to_match_an_existing_S3_source_by_bucket()
    {
        var source = new S3Source
        {
            Config = new S3Config { S3Type = S3Type.Other, S3BucketName = "b", S3StorageHostname = "s3.example.com", S3AccessKeyId = "key1", S3SecretAccessKey = "secret-secret-1234" },
        };
        source.Unset(nameof(S3Source.OriginType));

        Assert.False(JsonAssert.Object(GcoreJson.Serialize(w => source.WriteJson(w))).ContainsKey("origin_type"));
    }

    [Fact]
    public void Create_request_reads_back_into_the_right_source_variants()
    {
        var read = GcoreJson.Deserialize(HostAndS3GroupJson, OriginGroupCreateParams.ReadJson);

        Assert.Collection(
            read.Sources!,
            s => Assert.Equal("yourwebsite.com", Assert.IsType<HostSource>(s).Source),
            s => Assert.Equal("my-bucket", Assert.IsType<S3Source>(s).Config.S3BucketName));
        JsonAssert.Equivalent(HostAndS3GroupJson, GcoreJson.Serialize(w => read.WriteJson(w)));
    }
}
