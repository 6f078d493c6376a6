using System.Threading.Tasks;
using GcoreCdnGen.AnalyzerTests.Infrastructure;
using Xunit;
using V = GcoreCdnGen.AnalyzerTests.Infrastructure.Verify<GcoreCdnGen.Analyzers.RejectedS3ConfigAnalyzer>;

namespace GcoreCdnGen.AnalyzerTests;

/// <summary>GCDN005: Gcore's S3 rules (region for amazon, hostname for other, key lengths).</summary>
public class RejectedS3ConfigTests
{
    [Theory]
    [InlineData(Spec.Ours, "S3Type.Amazon", "")]
    [InlineData(Spec.Ours, "\"amazon\"", "S3Region = null,")]
    [InlineData(Spec.Ours, "new S3Type(\"amazon\")", "S3Region = \"\",")]
    [InlineData(Spec.Gcore, "S3Type.Amazon", "")]
    [InlineData(Spec.GcoreInSource, "S3Type.Amazon", "")]
    public Task Amazon_without_a_region(Spec spec, string type, string region)
    {
        string said = region.Length == 0 ? "not set" : region.Contains("null") ? "null" : "empty";
        return V.AnalyzerAsync(spec, V.Code($$"""
            public static class C
            {
                public static object M() => new S3Config
                {
                    {|#0:S3Type = {{type}}|},
                    S3BucketName = "b",
                    {{region}}
                    S3AccessKeyId = "EXAMPLEKEY",
                    S3SecretAccessKey = "EXAMPLESECRET123456",
                };
            }
            """),
            V.Diagnostic("GCDN005").WithLocation(0).WithArguments($"'S3Type' is \"amazon\" but 'S3Region' is {said}; Gcore requires the region for Amazon S3"));
    }

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    public Task Other_without_a_storage_hostname(Spec spec) =>
        V.AnalyzerAsync(spec, V.Code("""
            public static class C
            {
                public static object M() => new S3Config
                {
                    {|#0:S3Type = S3Type.Other|},
                    S3BucketName = "b",
                    S3Region = "eu-west-1",
                    S3AccessKeyId = "EXAMPLEKEY",
                    S3SecretAccessKey = "EXAMPLESECRET123456",
                };
            }
            """),
            V.Diagnostic("GCDN005").WithLocation(0).WithArguments("'S3Type' is \"other\" but 'S3StorageHostname' is not set; Gcore requires the storage hostname for S3-compatible storage other than Amazon"));

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    public Task Key_lengths_Gcore_checks(Spec spec) =>
        V.AnalyzerAsync(spec, V.Code("""
            public static class C
            {
                public static object M()
                {
                    var config = new S3Config
                    {
                        S3Type = S3Type.Amazon,
                        S3BucketName = "b",
                        S3Region = "eu-west-1",
                        S3AccessKeyId = {|#0:"KEY"|},
                        S3SecretAccessKey = {|#1:"tooshort"|},
                    };
                    config.S3SecretAccessKey = {|#2:"123456789012345"|};
                    config.S3AccessKeyId = "KEYS";
                    return config;
                }
            }
            """),
            V.Diagnostic("GCDN005").WithLocation(0).WithArguments("'S3AccessKeyId' is a constant of 3 characters; Gcore accepts 4 to 255 characters"),
            V.Diagnostic("GCDN005").WithLocation(1).WithArguments("'S3SecretAccessKey' is a constant of 8 characters; Gcore accepts 16 to 255 characters"),
            V.Diagnostic("GCDN005").WithLocation(2).WithArguments("'S3SecretAccessKey' is a constant of 15 characters; Gcore accepts 16 to 255 characters"));

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    public Task Legacy_auth_object_has_its_own_rules(Spec spec) =>
        V.AnalyzerAsync(spec, V.Code("""
            #pragma warning disable CS0618 // the legacy auth object is deprecated; GCDN002 is not under test here
            public static class C
            {
                public static object M() => new Auth
                {
                    {|#0:S3Type = "amazon"|},
                    S3BucketName = "b",
                    S3AccessKeyId = {|#2:"AK"|},
                    S3SecretAccessKey = {|#1:"0123456789012345678901234567890123456789X"|},
                };

                public static object Other() => new Auth
                {
                    S3Type = "other",
                    S3BucketName = "b",
                    S3StorageHostname = "s3.example.com",
                    S3AccessKeyId = "AKI",
                    S3SecretAccessKey = "0123456789012345",
                };
            }
            """),
            V.Diagnostic("GCDN005").WithLocation(0).WithArguments("'S3Type' is \"amazon\" but 'S3Region' is not set; Gcore requires the region for Amazon S3"),
            V.Diagnostic("GCDN005").WithLocation(1).WithArguments("'S3SecretAccessKey' is a constant of 41 characters; Gcore accepts exactly 40 characters for Amazon S3"),
            V.Diagnostic("GCDN005").WithLocation(2).WithArguments("'S3AccessKeyId' is a constant of 2 characters; Gcore accepts 3 to 512 characters"));

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    public Task Good_configurations_and_unknowns_are_not_reported(Spec spec) =>
        V.AnalyzerAsync(spec, V.Code("""
            public static class C
            {
                public static IEnumerable<object> M(S3Type anyType, string anyKey, string? region, S3Config given)
                {
                    yield return new S3Config { S3Type = S3Type.Amazon, S3BucketName = "b", S3Region = "eu-west-1", S3AccessKeyId = "KEYS", S3SecretAccessKey = "0123456789012345" };
                    yield return new S3Config { S3Type = "other", S3BucketName = "b", S3StorageHostname = "s3.example.com", S3AccessKeyId = anyKey, S3SecretAccessKey = anyKey };
                    yield return new S3Config { S3Type = anyType, S3BucketName = "b", S3AccessKeyId = "KEYS", S3SecretAccessKey = "0123456789012345" };
                    yield return new S3Config { S3Type = "amazon", S3BucketName = "b", S3Region = region, S3AccessKeyId = "KEYS", S3SecretAccessKey = "0123456789012345" };
                    yield return given with { S3Type = S3Type.Amazon };
                    yield return new OriginGroupS3Source { OriginType = "s3", Config = new S3Config { S3Type = "amazon", S3BucketName = "b", S3AccessKeyId = "SECRET_VALUE", S3SecretAccessKey = "SECRET_VALUE" } };
                }
            }
            """));
}
