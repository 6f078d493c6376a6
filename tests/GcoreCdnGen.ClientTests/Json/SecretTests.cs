using System.Text.Json;
using ClientTests.Gcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.Json;

/// <summary>Credentials never show in ToString, record printing or exception messages.</summary>
public class SecretTests
{
    private const string AccessKey = "AKIAREALKEY1";
    private const string SecretKey = "real/secret+key/1234567890";

    private static S3Config Config() => new()
    {
        S3Type = S3Type.Amazon,
        S3BucketName = "bucket",
        S3Region = "eu-west-1",
        S3AccessKeyId = AccessKey,
        S3SecretAccessKey = SecretKey,
    };

    private static void AssertRedacted(string printed)
    {
        Assert.DoesNotContain(AccessKey, printed);
        Assert.DoesNotContain(SecretKey, printed);
    }

    [Fact]
    public void Variants_holding_a_config_print_without_credentials()
    {
        var request = new S3Source { OriginType = OriginType.S3, Config = Config(), Backup = true };
        var response = new OriginGroupS3Source { OriginType = OriginType.S3, Config = Config() };

        AssertRedacted(request.ToString());
        AssertRedacted(response.ToString());
        Assert.Contains("\"s3_bucket_name\":\"bucket\"", response.ToString());
        Assert.Contains("\"backup\":true", request.ToString());
    }

    [Fact]
    public void Groups_and_lists_print_without_credentials()
    {
        var group = new OriginGroupCreateParams { Name = "g", Sources = [new S3Source { Config = Config() }] };
        var read = GcoreJson.Deserialize(
            """{"id": 1, "name": "g", "sources": [{"origin_type": "s3", "config": {"s3_type": "amazon", "s3_bucket_name": "b", "s3_access_key_id": "AKIAREALKEY1", "s3_secret_access_key": "real/secret+key/1234567890"}}]}""",
            OriginGroup.ReadJson);

        AssertRedacted(group.ToString());
        AssertRedacted(read.ToString());
        AssertRedacted(read.Sources[0].ToString());
    }

    [Fact]
    public void An_unknown_source_prints_its_shape_not_its_values()
    {
        var source = GcoreJson.Deserialize(
            """{"origin_type": "gcs", "config": {"service_account_key": "real/secret+key/1234567890"}, "gcs_token": "AKIAREALKEY1"}""",
            OriginGroupSource.ReadJson);

        string printed = source.ToString();

        AssertRedacted(printed);
        Assert.Equal("""OriginGroupSource.Unknown {"origin_type":"(string)","config":{"service_account_key":"(string)"},"gcs_token":"(string)"}""", printed);
    }

    [Fact]
    public void Unknown_properties_never_print_their_values()
    {
        var config = GcoreJson.Deserialize(
            """{"s3_type": "amazon", "s3_bucket_name": "b", "s3_access_key_id": "x", "s3_secret_access_key": "y", "s3_session_token": "real/secret+key/1234567890"}""",
            S3Config.ReadJson);

        Assert.NotNull(config.AdditionalProperties);
        AssertRedacted(config.ToString());
    }

    [Theory]
    [InlineData("""{"s3_type": "amazon", "s3_bucket_name": "b", "s3_access_key_id": "AKIAREALKEY1", "s3_secret_access_key": ["real/secret+key/1234567890"]}""")]
    [InlineData("""{"s3_type": 1, "s3_bucket_name": "b", "s3_access_key_id": "AKIAREALKEY1", "s3_secret_access_key": "real/secret+key/1234567890"}""")]
    [InlineData("""{"s3_type": "amazon", "s3_bucket_name": "b", "s3_access_key_id": "AKIAREALKEY1", "s3_secret_access_key": "real/secret+key/1234567890" """)]
    [InlineData("""{"s3_type": "amazon", "s3_access_key_id": "AKIAREALKEY1", "s3_secret_access_key": "real/secret+key/1234567890"}""")]
    public void Exception_messages_about_bad_JSON_never_carry_values(string json)
    {
        var ex = Assert.ThrowsAny<JsonException>(() => GcoreJson.Deserialize(json, S3Config.ReadJson));

        AssertRedacted(ex.ToString());
    }
}
