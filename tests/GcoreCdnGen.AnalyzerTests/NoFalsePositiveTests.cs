using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GcoreCdnGen.AnalyzerTests.Infrastructure;
using Xunit;

namespace GcoreCdnGen.AnalyzerTests;

/// <summary>
/// The analyzers stay quiet on the repo's own correct code: the sample, the code the generator tests compile against
/// both specs, and the client tests' requests. Where that code is wrong on purpose it says so with a pragma.
/// </summary>
public class NoFalsePositiveTests
{
    [Theory]
    [InlineData(Spec.OursInSource)]
    [InlineData(Spec.GcoreInSource)]
    public async Task The_user_code_of_the_generator_tests(Spec spec)
    {
        string file = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "GcoreCdnGen.Tests", "Generator", "UserCode.cs"));
        int start = file.IndexOf("\"\"\"") + 3;
        int end = file.LastIndexOf("\"\"\"");
        string code = file.Substring(start, end - start).Replace("Test.Gcore", GeneratedApi.Namespace);

        var diagnostics = await Analysis.RunAsync(spec, code);

        Assert.Contains("UseNext = true", code);
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("GCDN") && Analysis.InUserCode(d));
    }

    [Fact]
    public async Task The_sample_reports_only_its_deliberate_mistake_and_silences_it()
    {
        string code = File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "OriginGroups", "Program.cs")).Replace("OriginGroups.Gcore", GeneratedApi.Namespace);

        var diagnostics = await Analysis.RunAsync(Spec.OursInSource, code);
        var ours = diagnostics.Where(d => d.Id.StartsWith("GCDN") && Analysis.InUserCode(d)).ToList();

        Assert.DoesNotContain(ours, d => !d.IsSuppressed);
        Assert.Contains(ours, d => d.Id == "GCDN004" && d.IsSuppressed);
    }

    [Fact]
    public async Task The_client_tests_say_where_they_break_the_rules_on_purpose()
    {
        string root = Path.Combine(RepoPaths.Root, "tests", "GcoreCdnGen.ClientTests");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
            .Select(f => ("/user/" + Path.GetRelativePath(root, f), File.ReadAllText(f).Replace("ClientTests.Gcore", GeneratedApi.Namespace)))
            .ToList();

        var diagnostics = await Analysis.RunAsync(Spec.OursInSource, files);
        var ours = diagnostics.Where(d => d.Id.StartsWith("GCDN") && Analysis.InUserCode(d)).ToList();

        Assert.NotEmpty(files);
        Assert.True(ours.All(d => d.IsSuppressed), Analysis.Describe(ours.Where(d => !d.IsSuppressed)));
    }
}
