using System.Threading.Tasks;
using GcoreCdnGen.AnalyzerTests.Infrastructure;
using Xunit;
using V = GcoreCdnGen.AnalyzerTests.Infrastructure.Verify<GcoreCdnGen.Analyzers.NoActiveSourceAnalyzer>;

namespace GcoreCdnGen.AnalyzerTests;

/// <summary>GCDN006: a sources collection in which every source is a backup, or none is enabled.</summary>
public class NoActiveSourceTests
{
    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    [InlineData(Spec.OursInSource)]
    public Task Every_source_a_backup(Spec spec) =>
        V.AnalyzerAsync(spec, V.Code("""
            public static class C
            {
                public static object M() => new OriginGroupCreateParams
                {
                    Name = "a",
                    {|#0:Sources|} = [
                        new HostSource { Source = "a.example.com", Backup = true },
                        new S3Source { Config = new S3Config { S3Type = "other", S3BucketName = "b", S3StorageHostname = "h", S3AccessKeyId = "KEYS", S3SecretAccessKey = "0123456789012345" }, Backup = true, Enabled = true },
                    ],
                };
            }
            """),
            V.Diagnostic("GCDN006").WithLocation(0).WithArguments("Sources", "has every source as a backup"));

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    public Task No_source_enabled(Spec spec) =>
        V.AnalyzerAsync(spec, V.Code("""
            public static class C
            {
                public static object M() => new OriginGroupReplaceParams
                {
                    Name = "a",
                    UseNext = false,
                    {|#0:Sources|} = new List<Source>
                    {
                        new HostSource { Source = "a.example.com", Enabled = false },
                        new HostSource { Source = "b.example.com", Enabled = false, Backup = true },
                    },
                };

                public static void Single(OriginGroupUpdateParams request) =>
                    request.{|#1:Sources|} = new Source[] { new HostSource { Source = "a.example.com", Backup = true } };
            }
            """),
            V.Diagnostic("GCDN006").WithLocation(0).WithArguments("Sources", "has no enabled source"),
            V.Diagnostic("GCDN006").WithLocation(1).WithArguments("Sources", "has its only source as a backup"));

    [Theory]
    [InlineData(Spec.Ours)]
    [InlineData(Spec.Gcore)]
    public Task Groups_with_an_active_source_or_unknown_sources_are_not_reported(Spec spec) =>
        V.AnalyzerAsync(spec, V.Code("""
            public static class C
            {
                public static IEnumerable<object> M(bool flag, Source given, List<Source> more)
                {
                    yield return new OriginGroupCreateParams { Name = "a", Sources = [new HostSource { Source = "a.example.com" }, new HostSource { Source = "b.example.com", Backup = true }] };
                    yield return new OriginGroupCreateParams { Name = "a", Sources = [new HostSource { Source = "a.example.com", Backup = flag }] };
                    yield return new OriginGroupCreateParams { Name = "a", Sources = [new HostSource { Source = "a.example.com", Backup = true }, given] };
                    yield return new OriginGroupCreateParams { Name = "a", Sources = [new HostSource { Source = "a.example.com", Backup = true }, .. more] };
                    yield return new OriginGroupCreateParams { Name = "a", Sources = [new HostSource { Source = "a.example.com", Enabled = false }, new HostSource { Source = "b.example.com", Enabled = null }] };
                    yield return new OriginGroupCreateParams { Name = "a", Sources = more };
                    yield return new OriginGroupCreateParams { Name = "a", Sources = [] };
                    yield return new OriginGroup { Id = 1, Name = "a", Sources = [new OriginGroupHostSource { Source = "a.example.com", Backup = true }] };
                }
            }
            """));
}
