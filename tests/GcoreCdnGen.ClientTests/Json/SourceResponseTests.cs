using ClientTests.Gcore;
using Xunit;

namespace GcoreCdnGen.ClientTests.Json;

public class SourceResponseTests
{
    private static OriginGroupSource Read(string json) => GcoreJson.Deserialize(json, OriginGroupSource.ReadJson);

    private static string Write(OriginGroupSource value) => GcoreJson.Serialize(w => value.WriteJson(w));

    [Fact]
    public void Host_source_reads_into_HostSourceResponse_and_writes_back_the_same_JSON()
    {
        var host = Assert.IsType<OriginGroupHostSource>(Read(Payloads.HostSource));

        Assert.Equal("yourwebsite.com", host.Source);
        Assert.False(host.Backup);
        Assert.True(host.Enabled);
        Assert.Null(host.HostHeaderOverride);
        JsonAssert.Equivalent(Payloads.HostSource, Write(host));
    }

    [Fact]
    public void S3_source_reads_into_S3SourceResponse_with_masked_secrets_and_writes_back_the_same_JSON()
    {
        var s3 = Assert.IsType<OriginGroupS3Source>(Read(Payloads.S3Source));

        Assert.Equal(OriginType.S3, s3.OriginType);
        Assert.Equal(S3Type.Amazon, s3.Config.S3Type);
        Assert.Equal("my-bucket", s3.Config.S3BucketName);
        Assert.Equal("eu-west-1", s3.Config.S3Region);
        Assert.Null(s3.Config.S3StorageHostname);
        Assert.Equal("SECRET_VALUE", s3.Config.S3AccessKeyId);
        Assert.Equal("SECRET_VALUE", s3.Config.S3SecretAccessKey);
        Assert.Equal("awsSignatureV4", s3.Config.S3AuthType);
        Assert.False(s3.Backup);
        Assert.True(s3.Enabled);
        JsonAssert.Equivalent(Payloads.S3Source, Write(s3));
    }

    [Fact]
    public void Fastedge_source_reads_into_FastedgeSourceResponse_and_writes_back_the_same_JSON()
    {
        var fastedge = Assert.IsType<OriginGroupFastedgeSource>(Read(Payloads.FastedgeSource));

        Assert.Equal(OriginType.Fastedge, fastedge.OriginType);
        Assert.Equal("12345", fastedge.Config.AppId);
        Assert.False(fastedge.Enabled);
        JsonAssert.Equivalent(Payloads.FastedgeSource, Write(fastedge));
    }

    [Fact]
    public void S3_config_prints_without_credentials()
    {
        var config = new S3Config
        {
            S3Type = S3Type.Other,
            S3BucketName = "b",
            S3StorageHostname = "s3.example.com",
            S3AccessKeyId = "AKIAREALKEY1",
            S3SecretAccessKey = "real/secret+key/1234567890",
        };

        string printed = config.ToString();

        Assert.DoesNotContain("AKIAREALKEY1", printed);
        Assert.DoesNotContain("real/secret+key/1234567890", printed);
        Assert.Contains("\"s3_bucket_name\":\"b\"", printed);
    }
}
