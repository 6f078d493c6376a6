using System.Threading.Tasks;
using GcoreCdnGen.AnalyzerTests.Infrastructure;
using GcoreCdnGen.CodeFixes;
using Xunit;
using V = GcoreCdnGen.AnalyzerTests.Infrastructure.Verify<GcoreCdnGen.Analyzers.DeprecatedUseAnalyzer>;

namespace GcoreCdnGen.AnalyzerTests;

/// <summary>GCDN002: uses of what the spec deprecates, with the spec's advice.</summary>
public class DeprecatedUseTests
{
    private const string Uses = """
        public static class C
        {
            public static void M(OriginGroup response, OriginGroupUpdateParams request)
            {
                var create = new OriginGroupCreateParams { Name = "a", Sources = [], {|GCDN002:AuthType|} = "none" };
                var change = request with { {|GCDN002:Path|} = "" };
                string? type = response.{|GCDN002:AuthType|};
                string? path = response?.{|GCDN002:Path|};
                var legacy = new OriginGroupUpdateParams
                {
                    Name = "a",
                    {|GCDN002:Auth|} = new {|GCDN002:Auth|}
                    {
                        S3Type = "amazon",
                        S3AccessKeyId = "AKIAEXAMPLE",
                        S3SecretAccessKey = "0123456789012345678901234567890123456789",
                        S3BucketName = "b",
                        S3Region = "us-east-1",
                    },
                };
                {|GCDN002:Auth|}? nothing = null;
                request.{|GCDN002:Path|} = "";
                bool matches = response is { {|GCDN002:AuthType|}: "none" };
                Console.WriteLine(typeof({|GCDN002:Auth|}));
                Console.WriteLine(response.{|GCDN002:Auth|}!.S3Region + create + change + type + path + legacy + nothing + matches);
            }

            [Obsolete("Reads the legacy fields on purpose.")]
            public static string? InADeprecatedMethod(OriginGroup response) => response.AuthType + response.Path;
        }
        """;

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    [InlineData(Spec.OursInSource)]
    [InlineData(Spec.GcoreInSource)]
    public Task Every_kind_of_use_is_reported_once(Spec spec) => V.AnalyzerAsync(spec, V.Code(Uses));

    [Fact]
    public Task The_message_says_what_our_spec_says_to_do_instead() =>
        V.AnalyzerAsync(Spec.Ours, V.Code("""
            public static class C
            {
                public static object M() => new OriginGroupCreateParams { Name = "a", Sources = [], {|#0:AuthType|} = "none", {|#1:Auth|} = null };
            }
            """),
            V.Diagnostic("GCDN002").WithLocation(0).WithArguments("AuthType", "property auth_type", "Not needed any more; when omitted it is 'none'."),
            V.Diagnostic("GCDN002").WithLocation(1).WithArguments("Auth", "property auth", "Define S3 origins inside 'sources', using 'origin_type' and 'config', instead."));

    [Fact]
    public Task The_message_says_what_Gcores_document_says_to_do_instead() =>
        V.AnalyzerAsync(Spec.Gcore, V.Code("""
            public static class C
            {
                public static object M() => new OriginGroupUpdateParams { Name = "a", {|#0:Path|} = "", {|#1:AuthType|} = "none" };
            }
            """),
            V.Diagnostic("GCDN002").WithLocation(0).WithArguments("Path", "property path", "No longer necessary. Omit this field and the default origin path behavior will be used."),
            V.Diagnostic("GCDN002").WithLocation(1).WithArguments("AuthType", "property auth_type", "No longer necessary. Defaults to 'none'."));

    [Fact]
    public Task Deprecated_operation_parameter_schema_and_property_of_any_spec() =>
        V.AnalyzerAsync(Spec.Custom, V.Code("""
            public static class C
            {
                public static async Task M(GcoreClient client)
                {
                    await client.Items.ListAsync(limit: 10, {|#0:page: 2|});
                    await client.Items.{|#1:CreateAsync|}(new ItemCreateParams { Name = "ab", {|#2:Legacy|} = "x" });
                    {|#3:Shade|} shade = "light";
                    Console.WriteLine(shade);
                }
            }
            """),
            V.Diagnostic("GCDN002").WithLocation(0).WithArguments("page", "parameter page", "Use limit instead."),
            V.Diagnostic("GCDN002").WithLocation(1).WithArguments("CreateAsync", "operation create-item", "Use the bulk endpoint instead."),
            V.Diagnostic("GCDN002").WithLocation(2).WithArguments("Legacy", "property legacy", "Ignored by the server."),
            V.Diagnostic("GCDN002").WithLocation(3).WithArguments("Shade", "schema #/components/schemas/Shade", "Use color instead."));

    [Fact]
    public Task Deprecated_without_a_reason_says_the_spec_marks_it() =>
        V.AnalyzerAsync(Spec.Custom, V.Code("""
            public static class C
            {
                public static object M() => new ItemCreateParams { Name = "ab", {|#1:Legacy|} = "y", {|#0:Old|} = "x" };
            }
            """),
            V.Diagnostic("GCDN002").WithLocation(0).WithArguments("Old", "property old", "the API specification marks it deprecated."),
            V.Diagnostic("GCDN002").WithLocation(1).WithArguments("Legacy", "property legacy", "Ignored by the server."));

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    public Task No_report_for_what_is_not_deprecated(Spec spec) =>
        V.AnalyzerAsync(spec, V.Code("""
            public static class C
            {
                public static object M(OriginGroup response) => new OriginGroupCreateParams
                {
                    Name = response.Name,
                    Sources = [new HostSource { Source = "example.com", Backup = false }],
                    UseNext = response.UseNext,
                    ProxyNextUpstream = response.ProxyNextUpstream,
                };
            }
            """));

    [Fact]
    public Task Fix_removes_an_initializer_entry() =>
        V.CodeFixAsync<DeprecatedUseCodeFixProvider>(Spec.Ours,
            V.Code("""
                public static class C
                {
                    public static object M() => new OriginGroupCreateParams { Name = "a", {|GCDN002:AuthType|} = "none", Sources = [] };
                }
                """),
            V.Code("""
                public static class C
                {
                    public static object M() => new OriginGroupCreateParams { Name = "a", Sources = [] };
                }
                """));

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.GcoreInSource)]
    public Task Fix_removes_the_last_entry_of_a_multiline_initializer(Spec spec) =>
        V.CodeFixAsync<DeprecatedUseCodeFixProvider>(spec,
            V.Code("""
                public static class C
                {
                    public static object M() => new OriginGroupReplaceParams
                    {
                        Name = "a",
                        Sources = [],
                        UseNext = false,
                        {|GCDN002:Path|} = ""
                    };
                }
                """),
            V.Code("""
                public static class C
                {
                    public static object M() => new OriginGroupReplaceParams
                    {
                        Name = "a",
                        Sources = [],
                        UseNext = false
                    };
                }
                """));

    [Fact]
    public Task Fix_all_removes_every_deprecated_assignment_of_an_initializer() =>
        V.CodeFixAsync<DeprecatedUseCodeFixProvider>(Spec.Ours,
            V.Code("""
                public static class C
                {
                    public static object M() => new OriginGroupUpdateParams
                    {
                        Name = "a",
                        {|GCDN002:AuthType|} = "none",
                        {|GCDN002:Path|} = "",
                        UseNext = false,
                    };
                }
                """),
            V.Code("""
                public static class C
                {
                    public static object M() => new OriginGroupUpdateParams
                    {
                        Name = "a",
                        UseNext = false,
                    };
                }
                """));

    [Fact]
    public Task Fix_removes_an_assignment_statement() =>
        V.CodeFixAsync<DeprecatedUseCodeFixProvider>(Spec.Ours,
            V.Code("""
                public static class C
                {
                    public static object M()
                    {
                        var request = new OriginGroupUpdateParams { Name = "a" };
                        request.{|GCDN002:AuthType|} = "none";
                        return request;
                    }
                }
                """),
            V.Code("""
                public static class C
                {
                    public static object M()
                    {
                        var request = new OriginGroupUpdateParams { Name = "a" };
                        return request;
                    }
                }
                """));

    [Fact]
    public Task No_fix_where_removing_would_not_compile_or_nothing_is_assigned() =>
        V.NoCodeFixAsync<DeprecatedUseCodeFixProvider>(Spec.Custom, V.Code("""
            public static class C
            {
                public static object M(ItemCreateParams given) => new ItemCreateParams { Name = "ab", {|GCDN002:Legacy|} = given.{|GCDN002:Legacy|} };
            }
            """));
}
