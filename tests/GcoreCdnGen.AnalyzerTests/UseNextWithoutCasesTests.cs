using System.Threading.Tasks;
using GcoreCdnGen.Analyzers;
using GcoreCdnGen.AnalyzerTests.Infrastructure;
using GcoreCdnGen.CodeFixes;
using Xunit;
using V = GcoreCdnGen.AnalyzerTests.Infrastructure.Verify<GcoreCdnGen.Analyzers.UseNextWithoutCasesAnalyzer>;

namespace GcoreCdnGen.AnalyzerTests;

/// <summary>GCDN001: use_next = true needs non-empty proxy_next_upstream cases.</summary>
public class UseNextWithoutCasesTests
{
    public static TheoryData<Spec, string> RequestTypes() => new()
    {
        { Spec.Ours, "new OriginGroupCreateParams { Name = \"a\", Sources = [], {|#0:UseNext = true|} }" },
        { Spec.Ours, "new OriginGroupReplaceParams { Name = \"a\", Sources = [], {|#0:UseNext = true|} }" },
        { Spec.Ours, "new OriginGroupUpdateParams { Name = \"a\", {|#0:UseNext = true|} }" },
        { Spec.Gcore, "new OriginGroupCreateParams { Name = \"a\", Sources = [], {|#0:UseNext = true|} }" },
        { Spec.Gcore, "new OriginGroupReplaceParams { Name = \"a\", Sources = [], {|#0:UseNext = true|} }" },
        { Spec.Gcore, "new OriginGroupUpdateParams { Name = \"a\", {|#0:UseNext = true|} }" },
        { Spec.OursInSource, "new OriginGroupCreateParams { Name = \"a\", Sources = [], {|#0:UseNext = true|} }" },
        { Spec.GcoreInSource, "new OriginGroupReplaceParams { Name = \"a\", Sources = [], {|#0:UseNext = true|} }" },
    };

    [Theory]
    [MemberData(nameof(RequestTypes))]
    public Task Initializer_of_every_request_type_without_cases(Spec spec, string creation) =>
        V.AnalyzerAsync(spec, V.Code($$"""
            public static class C
            {
                public static object M() => {{creation}};
            }
            """),
            V.Diagnostic("GCDN001").WithLocation(0).WithArguments("UseNext", "true", "ProxyNextUpstream", "not set"));

    [Theory]
    [InlineData(Spec.Ours, "[]", "empty")]
    [InlineData(Spec.Ours, "null", "null")]
    [InlineData(Spec.Ours, "new List<string>()", "empty")]
    [InlineData(Spec.Ours, "new string[0]", "empty")]
    [InlineData(Spec.Ours, "Array.Empty<string>()", "empty")]
    [InlineData(Spec.Gcore, "[]", "empty")]
    public Task Initializer_with_empty_or_null_cases(Spec spec, string cases, string said) =>
        V.AnalyzerAsync(spec, V.Code($$"""
            public static class C
            {
                public static object M() => new OriginGroupUpdateParams { Name = "a", {|#0:UseNext = true|}, ProxyNextUpstream = {{cases}} };
            }
            """),
            V.Diagnostic("GCDN001").WithLocation(0).WithArguments("UseNext", "true", "ProxyNextUpstream", said));

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    public Task With_expression_on_a_local_without_cases(Spec spec) =>
        V.AnalyzerAsync(spec, V.Code("""
            public static class C
            {
                public static object M()
                {
                    var a = new OriginGroupUpdateParams { Name = "a" };
                    var b = a with { [|UseNext = true|] };
                    return b;
                }
            }
            """));

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    public Task Later_assignment_of_use_next_on_a_local(Spec spec) =>
        V.AnalyzerAsync(spec, V.Code("""
            public static class C
            {
                public static object M()
                {
                    var request = new OriginGroupUpdateParams { Name = "a" };
                    [|request.UseNext = true|];
                    return request;
                }
            }
            """));

    [Fact]
    public Task Constructor_argument() =>
        V.AnalyzerAsync(Spec.OursInSource, V.Code("""
            namespace Contoso.Gcore
            {
                public sealed partial record OriginGroupUpdateParams
                {
                    public OriginGroupUpdateParams()
                    {
                    }

                    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
                    public OriginGroupUpdateParams(string name, bool? useNext)
                    {
                        Name = name;
                        UseNext = useNext;
                    }
                }
            }

            public static class C
            {
                public static object M() => new OriginGroupUpdateParams("a", [|true|]);
            }
            """));

    [Fact]
    public Task Field_initializer_and_target_typed_new() =>
        V.AnalyzerAsync(Spec.Ours, V.Code("""
            public static class C
            {
                public static readonly OriginGroupUpdateParams Request = new() { Name = "a", [|UseNext = true|] };
            }
            """));

    [Fact]
    public Task Replacing_the_local_keeps_the_warning_on_the_first_object() =>
        V.AnalyzerAsync(Spec.Ours, V.Code("""
            public static class C
            {
                public static object M(OriginGroupUpdateParams other)
                {
                    var request = new OriginGroupUpdateParams { Name = "a", [|UseNext = true|] };
                    Console.WriteLine(request);
                    request = other;
                    request.ProxyNextUpstream = ["error"];
                    return request;
                }
            }
            """));

    [Fact]
    public Task Empty_cases_assigned_later_while_use_next_is_on() =>
        V.AnalyzerAsync(Spec.Ours, V.Code("""
            public static class C
            {
                public static object M()
                {
                    var request = new OriginGroupUpdateParams { Name = "a", UseNext = true, ProxyNextUpstream = ["error"] };
                    [|request.ProxyNextUpstream = []|];
                    return request;
                }
            }
            """));

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    public Task No_warning_when_the_cases_are_set_or_nothing_is_known(Spec spec) =>
        V.AnalyzerAsync(spec, V.Code("""
            public static class C
            {
                public static IEnumerable<object> M(bool flag, IList<string> cases, OriginGroupUpdateParams given)
                {
                    yield return new OriginGroupCreateParams { Name = "a", Sources = [], UseNext = true, ProxyNextUpstream = ["error", "timeout"] };
                    yield return new OriginGroupUpdateParams { Name = "a", UseNext = true, ProxyNextUpstream = new List<string> { "http_502" } };
                    yield return new OriginGroupUpdateParams { Name = "a", UseNext = true, ProxyNextUpstream = cases };
                    yield return new OriginGroupUpdateParams { Name = "a", UseNext = flag };
                    yield return new OriginGroupUpdateParams { Name = "a", UseNext = false };
                    yield return new OriginGroupUpdateParams { Name = "a", UseNext = null };
                    yield return new OriginGroupUpdateParams { Name = "a" };
                    yield return given with { UseNext = true };

                    var later = new OriginGroupUpdateParams { Name = "a", UseNext = true };
                    later.ProxyNextUpstream = ["error"];
                    yield return later;

                    var turnedOn = new OriginGroupUpdateParams { Name = "a", ProxyNextUpstream = ["timeout"] };
                    turnedOn.UseNext = true;
                    yield return turnedOn;

                    var turnedOff = new OriginGroupUpdateParams { Name = "a", UseNext = true };
                    turnedOff.UseNext = false;
                    yield return turnedOff;

                    var copied = new OriginGroupUpdateParams { Name = "a", UseNext = true };
                    copied = copied with { ProxyNextUpstream = ["error"] };
                    yield return copied;

                    var fromCases = new OriginGroupUpdateParams { Name = "a", ProxyNextUpstream = ["error"] };
                    yield return fromCases with { UseNext = true };

                    // Responses are what the server sent: not checked.
                    yield return new OriginGroup { Id = 1, Name = "a", Sources = [], UseNext = true };
                }
            }
            """));

    [Fact]
    public Task Fix_adds_the_default_cases_to_a_multiline_initializer() =>
        V.CodeFixAsync<UseNextWithoutCasesCodeFixProvider>(Spec.Ours,
            V.Code("""
                public static class C
                {
                    public static object M() => new OriginGroupCreateParams
                    {
                        Name = "a",
                        Sources = [],
                        [|UseNext = true|],
                    };
                }
                """),
            V.Code("""
                public static class C
                {
                    public static object M() => new OriginGroupCreateParams
                    {
                        Name = "a",
                        Sources = [],
                        UseNext = true,
                        ProxyNextUpstream = ["error", "timeout"],
                    };
                }
                """));

    [Fact]
    public Task Fix_adds_the_cases_after_the_last_entry_without_a_trailing_comma() =>
        V.CodeFixAsync<UseNextWithoutCasesCodeFixProvider>(Spec.Ours,
            V.Code("""
                public static class C
                {
                    public static object M() => new OriginGroupUpdateParams
                    {
                        Name = "a",
                        [|UseNext = true|]
                    };
                }
                """),
            V.Code("""
                public static class C
                {
                    public static object M() => new OriginGroupUpdateParams
                    {
                        Name = "a",
                        UseNext = true,
                        ProxyNextUpstream = ["error", "timeout"]
                    };
                }
                """));

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    [InlineData(Spec.GcoreInSource)]
    public Task Fix_in_a_single_line_initializer(Spec spec) =>
        V.CodeFixAsync<UseNextWithoutCasesCodeFixProvider>(spec,
            V.Code("""
                public static class C
                {
                    public static object M() => new OriginGroupUpdateParams { [|UseNext = true|], Name = "a" };
                }
                """),
            V.Code("""
                public static class C
                {
                    public static object M() => new OriginGroupUpdateParams { UseNext = true, ProxyNextUpstream = ["error", "timeout"], Name = "a" };
                }
                """));

    [Fact]
    public Task Fix_replaces_empty_cases() =>
        V.CodeFixAsync<UseNextWithoutCasesCodeFixProvider>(Spec.Ours,
            V.Code("""
                public static class C
                {
                    public static object M() => new OriginGroupUpdateParams { Name = "a", [|UseNext = true|], ProxyNextUpstream = [] };
                }
                """),
            V.Code("""
                public static class C
                {
                    public static object M() => new OriginGroupUpdateParams { Name = "a", UseNext = true, ProxyNextUpstream = ["error", "timeout"] };
                }
                """));

    [Fact]
    public Task Fix_adds_a_statement_after_a_later_assignment() =>
        V.CodeFixAsync<UseNextWithoutCasesCodeFixProvider>(Spec.Ours,
            V.Code("""
                public static class C
                {
                    public static object M()
                    {
                        var request = new OriginGroupUpdateParams { Name = "a" };
                        [|request.UseNext = true|];
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
                        request.UseNext = true;
                        request.ProxyNextUpstream = ["error", "timeout"];
                        return request;
                    }
                }
                """));

    [Fact]
    public Task Fix_in_a_with_expression() =>
        V.CodeFixAsync<UseNextWithoutCasesCodeFixProvider>(Spec.Ours,
            V.Code("""
                public static class C
                {
                    public static object M()
                    {
                        var a = new OriginGroupUpdateParams { Name = "a" };
                        return a with { [|UseNext = true|] };
                    }
                }
                """),
            V.Code("""
                public static class C
                {
                    public static object M()
                    {
                        var a = new OriginGroupUpdateParams { Name = "a" };
                        return a with { UseNext = true, ProxyNextUpstream = ["error", "timeout"] };
                    }
                }
                """));
}
