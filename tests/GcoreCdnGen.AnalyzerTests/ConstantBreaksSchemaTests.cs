using System.Threading.Tasks;
using GcoreCdnGen.AnalyzerTests.Infrastructure;
using Xunit;
using V = GcoreCdnGen.AnalyzerTests.Infrastructure.Verify<GcoreCdnGen.Analyzers.ConstantBreaksSchemaAnalyzer>;

namespace GcoreCdnGen.AnalyzerTests;

/// <summary>GCDN003: constants that break the spec's schema.</summary>
public class ConstantBreaksSchemaTests
{
    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    [InlineData(Spec.GcoreInSource)]
    public Task Too_long_strings_on_request_properties(Spec spec) =>
        V.AnalyzerAsync(spec, V.Code($$"""
            public static class C
            {
                private const string Long = "{{new string('x', 260)}}";

                public static object M() => new HostSource { Source = {|#0:Long + ".example.com"|}, HostHeaderOverride = "fine.example.com" };
            }
            """),
            V.Diagnostic("GCDN003").WithLocation(0).WithArguments("Source", "\"" + new string('x', 60) + "…\"", "longer than the maxLength of 255 (272 characters)"));

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    public Task Secrets_are_not_shown_in_the_message(Spec spec) =>
        V.AnalyzerAsync(spec, V.Code($$"""
            public static class C
            {
                public static object M() => new S3Config
                {
                    S3Type = S3Type.Amazon,
                    S3BucketName = "b",
                    S3Region = "eu-west-1",
                    S3AccessKeyId = "EXAMPLEKEY",
                    S3SecretAccessKey = {|#0:"{{new string('s', 300)}}"|},
                };
            }
            """),
            V.Diagnostic("GCDN003").WithLocation(0).WithArguments("S3SecretAccessKey", "a constant of 300 characters", "longer than the maxLength of 255 (300 characters)"));

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    [InlineData(Spec.OursInSource)]
    public Task Proxy_next_upstream_values_outside_the_ten_Gcore_documents(Spec spec) =>
        V.AnalyzerAsync(spec, V.Code("""
            public static class C
            {
                public static object M() => new OriginGroupUpdateParams
                {
                    Name = "a",
                    UseNext = true,
                    ProxyNextUpstream = ["error", "timeout", "invalid_header", "http_403", "http_404", "http_429", "http_500", "http_502", "http_503", "http_504", {|#0:"http_418"|}, {|#1:"Timeout"|}],
                };

                public static void Later(OriginGroupReplaceParams request) => request.ProxyNextUpstream = new List<string> { "error", {|#2:"errors"|} };
            }
            """),
            V.Diagnostic("GCDN003").WithLocation(0).WithArguments("ProxyNextUpstream", "\"http_418\"", "not one of the cases Gcore documents (error, timeout, invalid_header, http_403, http_404, http_429, http_500, http_502, http_503, http_504)"),
            V.Diagnostic("GCDN003").WithLocation(1).WithArguments("ProxyNextUpstream", "\"Timeout\"", "not one of the cases Gcore documents (error, timeout, invalid_header, http_403, http_404, http_429, http_500, http_502, http_503, http_504)"),
            V.Diagnostic("GCDN003").WithLocation(2).WithArguments("ProxyNextUpstream", "\"errors\"", "not one of the cases Gcore documents (error, timeout, invalid_header, http_403, http_404, http_429, http_500, http_502, http_503, http_504)"));

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    public Task Enum_values_the_spec_does_not_list(Spec spec) =>
        V.AnalyzerAsync(spec, V.Code("""
            public static class C
            {
                public static object M() => new S3Source
                {
                    OriginType = {|#0:"S3"|},
                    Config = new S3Config
                    {
                        S3Type = {|#1:"amazn"|},
                        S3BucketName = "b",
                        S3Region = "eu-west-1",
                        S3AccessKeyId = "EXAMPLEKEY",
                        S3SecretAccessKey = "EXAMPLESECRET123456",
                    },
                };

                public static S3Type Other() => new S3Type({|#2:"others"|});
            }
            """),
            V.Diagnostic("GCDN003").WithLocation(0).WithArguments("OriginType", "\"S3\"", "not one of the values the spec lists (host, s3, fastedge)"),
            V.Diagnostic("GCDN003").WithLocation(1).WithArguments("S3Type", "\"amazn\"", "not one of the values the spec lists (amazon, other)"),
            V.Diagnostic("GCDN003").WithLocation(2).WithArguments("S3Type", "\"others\"", "not one of the values the spec lists (amazon, other)"));

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    [InlineData(Spec.GcoreInSource)]
    public Task Limit_and_offset_outside_their_range(Spec spec) =>
        V.AnalyzerAsync(spec, V.Code("""
            public static class C
            {
                public static async Task M(GcoreClient client)
                {
                    await client.Cdn.OriginGroups.ListAsync(limit: {|#0:0|});
                    await client.Cdn.OriginGroups.ListAsync(limit: {|#1:1001|}, offset: {|#2:-1|});
                    await client.Cdn.OriginGroups.ListAsync(null, null, null, {|#3:5000|});
                    await client.Cdn.OriginGroups.ListAsync(limit: 1000, offset: 0);
                    await client.Cdn.OriginGroups.ListAsync(limit: 1);
                }
            }
            """),
            V.Diagnostic("GCDN003").WithLocation(0).WithArguments("limit", "0", "below the minimum of 1"),
            V.Diagnostic("GCDN003").WithLocation(1).WithArguments("limit", "1001", "above the maximum of 1000"),
            V.Diagnostic("GCDN003").WithLocation(2).WithArguments("offset", "-1", "below the minimum of 0"),
            V.Diagnostic("GCDN003").WithLocation(3).WithArguments("limit", "5000", "above the maximum of 1000"));

    [Fact]
    public Task Pattern_lengths_and_ranges_of_any_spec() =>
        V.AnalyzerAsync(Spec.Custom, V.Code("""
            public static class C
            {
                public static async Task M(GcoreClient client)
                {
                    await client.Items.ListAsync(code: {|#0:"abc"|});
                    await client.Items.ListAsync(code: {|#1:"A"|});
                    await client.Items.ListAsync(limit: {|#2:51|}, code: "ABCD");
                    var item = new ItemCreateParams
                    {
                        Name = {|#3:"Abc"|},
                        Size = {|#4:0|},
                        Color = {|#5:"blue"|},
                        #pragma warning disable CS0618
                        Legacy = "any",
                        #pragma warning restore CS0618
                    };
                    item.Name = {|#6:"abcdefghijk"|};
                    item.Size = 100;
                }
            }
            """),
            V.Diagnostic("GCDN003").WithLocation(0).WithArguments("code", "\"abc\"", "it does not match the pattern \"^[A-Z]+$\""),
            V.Diagnostic("GCDN003").WithLocation(1).WithArguments("code", "\"A\"", "shorter than the minLength of 2 (1 characters)"),
            V.Diagnostic("GCDN003").WithLocation(2).WithArguments("limit", "51", "above the maximum of 50"),
            V.Diagnostic("GCDN003").WithLocation(3).WithArguments("Name", "\"Abc\"", "it does not match the pattern \"^[a-z]+$\""),
            V.Diagnostic("GCDN003").WithLocation(4).WithArguments("Size", "0", "below the minimum of 1"),
            V.Diagnostic("GCDN003").WithLocation(5).WithArguments("Color", "\"blue\"", "not one of the values the spec lists (red, green)"),
            V.Diagnostic("GCDN003").WithLocation(6).WithArguments("Name", "\"abcdefghijk\"", "longer than the maxLength of 10 (11 characters)"));

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    public Task No_report_for_good_values_non_constants_and_responses(Spec spec) =>
        V.AnalyzerAsync(spec, V.Code("""
            public static class C
            {
                public static async Task<object> M(GcoreClient client, string anyText, long anyLimit, IList<string> cases)
                {
                    await client.Cdn.OriginGroups.ListAsync(limit: anyLimit, offset: 10);
                    var response = new OriginGroupHostSource { Source = new string('x', 300) + anyText };
                    return new OriginGroupUpdateParams
                    {
                        Name = anyText,
                        UseNext = true,
                        ProxyNextUpstream = ["error", anyText, .. cases],
                        Sources =
                        [
                            new HostSource { Source = anyText },
                            new S3Source { OriginType = OriginType.S3, Config = new S3Config { S3Type = "other", S3BucketName = anyText, S3StorageHostname = "s3.example.com", S3AccessKeyId = anyText, S3SecretAccessKey = anyText } },
                            new FastedgeSource { OriginType = "fastedge", Config = new FastedgeConfig { AppId = "12345" } },
                        ],
                    };
                }
            }
            """));
}
