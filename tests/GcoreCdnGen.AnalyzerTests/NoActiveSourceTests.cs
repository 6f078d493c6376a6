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
                public static object M() => new CreateOriginGroup
                {
                    Name = "a",
                    Sources = {|#0:[
                        new ChangeHostSource { Source = "a.example.com", Backup = true },
                        new ChangeS3Source { Config = new S3Config { S3Type = "other", S3BucketName = "b", S3StorageHostname = "h", S3AccessKeyId = "KEYS", S3SecretAccessKey = "0123456789012345" }, Backup = true, Enabled = true },
                    ]|},
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
                public static object M() => new ChangeOriginGroupPut
                {
                    Name = "a",
                    UseNext = false,
                    Sources = {|#0:new List<ChangeSource>
                    {
                        new ChangeHostSource { Source = "a.example.com", Enabled = false },
                        new ChangeHostSource { Source = "b.example.com", Enabled = false, Backup = true },
                    }|},
                };

                public static void Single(ChangeOriginGroup request) =>
                    request.Sources = {|#1:new ChangeSource[] { new ChangeHostSource { Source = "a.example.com", Backup = true } }|};
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
                public static IEnumerable<object> M(bool flag, ChangeSource given, List<ChangeSource> more)
                {
                    yield return new CreateOriginGroup { Name = "a", Sources = [new ChangeHostSource { Source = "a.example.com" }, new ChangeHostSource { Source = "b.example.com", Backup = true }] };
                    yield return new CreateOriginGroup { Name = "a", Sources = [new ChangeHostSource { Source = "a.example.com", Backup = flag }] };
                    yield return new CreateOriginGroup { Name = "a", Sources = [new ChangeHostSource { Source = "a.example.com", Backup = true }, given] };
                    yield return new CreateOriginGroup { Name = "a", Sources = [new ChangeHostSource { Source = "a.example.com", Backup = true }, .. more] };
                    yield return new CreateOriginGroup { Name = "a", Sources = [new ChangeHostSource { Source = "a.example.com", Enabled = false }, new ChangeHostSource { Source = "b.example.com", Enabled = null }] };
                    yield return new CreateOriginGroup { Name = "a", Sources = more };
                    yield return new CreateOriginGroup { Name = "a", Sources = [] };
                    yield return new OriginGroupsResponse { Id = 1, Name = "a", Sources = [new HostSourceResponse { Source = "a.example.com", Backup = true }] };
                }
            }
            """));
}
