using System.Linq;
using ClientTests.Gcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.Json;

public class OriginGroupsResponseTests
{
    private static OriginGroup Read(string json) => GcoreJson.Deserialize(json, OriginGroup.ReadJson);

    [Fact]
    public void Group_with_host_S3_and_FastEdge_sources_reads_each_source_into_its_variant()
    {
        var group = Read(Payloads.Group);

        Assert.Equal(1, group.Id);
        Assert.Equal("YourOriginGroup", group.Name);
        Assert.True(group.UseNext);
        Assert.Equal(new[] { "error", "timeout" }, group.ProxyNextUpstream);
        Assert.True(group.HasRelatedResources);
        Assert.Collection(
            group.Sources,
            s => Assert.Equal("yourwebsite.com", Assert.IsType<OriginGroupHostSource>(s).Source),
            s =>
            {
                var backup = Assert.IsType<OriginGroupHostSource>(s);
                Assert.Equal("1.2.3.4:5500", backup.Source);
                Assert.True(backup.Backup);
                Assert.Equal("cdn.example.com", backup.HostHeaderOverride);
            },
            s => Assert.Equal("my-bucket", Assert.IsType<OriginGroupS3Source>(s).Config.S3BucketName),
            s => Assert.Equal("12345", Assert.IsType<OriginGroupFastedgeSource>(s).Config.AppId));
    }

    [Fact]
    public void Group_writes_back_the_JSON_it_was_read_from()
    {
        var group = Read(Payloads.Group);

        JsonAssert.Equivalent(Payloads.Group, GcoreJson.Serialize(w => group.WriteJson(w)));
    }

    [Fact]
    public void Deprecated_members_are_read_when_present()
    {
        var group = Read(Payloads.Group);

#pragma warning disable CS0618, GCDN002 // reading deprecated members on purpose
        Assert.Equal("none", group.AuthType);
        Assert.Equal("", group.Path);
#pragma warning restore CS0618, GCDN002
    }

    [Fact]
    public void Legacy_AWS_group_reads_its_auth_and_prints_without_credentials()
    {
        var group = Read("""
            {"id": 3, "name": "legacy", "auth_type": "awsSignatureV4",
             "auth": {"s3_type": "amazon", "s3_access_key_id": "AKIA1234", "s3_secret_access_key": "0123456789012345678901234567890123456789",
                      "s3_bucket_name": "b", "s3_region": "us-east-2"}}
            """);

#pragma warning disable CS0618, GCDN002 // the legacy variant is deprecated
        Assert.Equal("us-east-2", group.Auth!.S3Region);
        Assert.Equal("AKIA1234", group.Auth.S3AccessKeyId);
#pragma warning restore CS0618, GCDN002
        Assert.DoesNotContain("0123456789012345678901234567890123456789", group.ToString());
        Assert.DoesNotContain("AKIA1234", group.ToString());
    }

    [Fact]
    public void Unknown_properties_of_the_group_are_kept_and_written_back()
    {
        // Issue 5 overrides the earlier "skipped" behaviour: nothing the server sends is lost.
        string json = """
            {"id": 7, "future_flag": {"nested": [1, 2, {"x": null}]}, "name": "g", "sources": [], "also_new": "v"}
            """;

        var group = Read(json);

        Assert.Equal(7, group.Id);
        Assert.Equal("g", group.Name);
        Assert.Empty(group.Sources);
        Assert.Equal(["also_new", "future_flag"], group.AdditionalProperties!.Keys.Order());
        JsonAssert.Equivalent(json, GcoreJson.Serialize(w => group.WriteJson(w)));
    }

    [Fact]
    public void Unknown_properties_inside_S3_config_are_kept()
    {
        string json = Payloads.S3Source.Replace("\"s3_type\"", "\"s3_new_option\": 5, \"s3_type\"");

        var group = Read("""{"id": 1, "name": "g", "sources": [""" + json + "]}");

        var config = Assert.IsType<OriginGroupS3Source>(group.Sources.Single()).Config;
        Assert.Equal("my-bucket", config.S3BucketName);
        Assert.Equal(5, config.AdditionalProperties!["s3_new_option"].GetInt32());
    }

    [Theory]
    [InlineData("""{"source": "a.com", "tag": "default"}""", typeof(OriginGroupHostSource))]
    [InlineData("""{"source": "a.com", "origin_type": "host"}""", typeof(OriginGroupHostSource))]
    [InlineData("""{"origin_type": "fastedge", "config": {"app_id": "1"}, "tag": "default"}""", typeof(OriginGroupFastedgeSource))]
    public void Unknown_properties_of_a_source_do_not_change_its_variant(string source, System.Type expected)
    {
        var group = Read("""{"id": 1, "name": "g", "sources": [""" + source + "]}");

        Assert.IsType(expected, group.Sources.Single());
    }
}
