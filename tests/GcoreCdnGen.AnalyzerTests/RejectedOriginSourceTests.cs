using System.Threading.Tasks;
using GcoreCdnGen.AnalyzerTests.Infrastructure;
using Xunit;
using V = GcoreCdnGen.AnalyzerTests.Infrastructure.Verify<GcoreCdnGen.Analyzers.RejectedOriginSourceAnalyzer>;

namespace GcoreCdnGen.AnalyzerTests;

/// <summary>GCDN004: origin sources Gcore rejects (scheme, path, port).</summary>
public class RejectedOriginSourceTests
{
    [Theory]
    [InlineData(Spec.Ours, "https://origin.example.com", "it must not have a scheme ('https://')")]
    [InlineData(Spec.Ours, "origin.example.com/static", "it must not have a path ('/static')")]
    [InlineData(Spec.Ours, "https://bad.example.org/path", "it must not have a scheme ('https://'); it must not have a path ('/path')")]
    [InlineData(Spec.Ours, "1.2.3.4:0", "its port 0 is outside 1..65535")]
    [InlineData(Spec.Ours, "1.2.3.4:65536", "its port 65536 is outside 1..65535")]
    [InlineData(Spec.Ours, "origin.example.com:http", "its port 'http' is not a number in 1..65535")]
    [InlineData(Spec.Ours, "origin.example.com:", "its port '' is not a number in 1..65535")]
    [InlineData(Spec.Gcore, "http://origin.example.com:99999/x", "it must not have a scheme ('http://'); it must not have a path ('/x'); its port 99999 is outside 1..65535")]
    [InlineData(Spec.GcoreInSource, "https://origin.example.com", "it must not have a scheme ('https://')")]
    public Task Sources_Gcore_rejects(Spec spec, string source, string problem) =>
        V.AnalyzerAsync(spec, V.Code($$"""
            public static class C
            {
                public static object M() => new OriginGroupCreateParams { Name = "a", Sources = [new HostSource { Source = {|#0:"{{source}}"|} }] };
            }
            """),
            V.Diagnostic("GCDN004").WithLocation(0).WithArguments("Source", "\"" + source + "\"", problem));

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    public Task Later_assignment_and_with_expression(Spec spec) =>
        V.AnalyzerAsync(spec, V.Code("""
            public static class C
            {
                public static object M()
                {
                    var source = new HostSource { Source = "origin.example.com" };
                    source.Source = {|GCDN004:"https://origin.example.com"|};
                    return source with { Source = {|GCDN004:"origin.example.com/path"|} };
                }
            }
            """));

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    public Task Good_sources_non_constants_and_responses_are_not_reported(Spec spec) =>
        V.AnalyzerAsync(spec, V.Code("""
            public static class C
            {
                public static IEnumerable<object> M(string any)
                {
                    yield return new HostSource { Source = "origin.example.com" };
                    yield return new HostSource { Source = "1.2.3.4:5500" };
                    yield return new HostSource { Source = "origin.example.com:1" };
                    yield return new HostSource { Source = "origin.example.com:65535" };
                    yield return new HostSource { Source = "https://" + any };
                    yield return new HostSource { Source = any };
                    yield return new OriginGroupHostSource { Source = "https://origin.example.com/as-the-server-sent-it" };
                    yield return new HostSource { Source = "a.com", HostHeaderOverride = "https://not-a-source.example.com/" };
                }
            }
            """));
}
