using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Contoso.Cdn;

/// <summary>The README's "Testing your code" example is this project's ReadmeExample.cs, so it compiles and its tests run.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void TheTestingSection_ShowsReadmeExample_Verbatim()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "GcoreCdnGen.sln")))
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The repository's root was not found.");
        string readme = File.ReadAllText(Path.Combine(root, "README.md")).Replace("\r\n", "\n");
        string example = File.ReadAllText(Path.Combine(root, "tests", "GcoreCdnGen.ConsumerTests", "ReadmeExample.cs")).Replace("\r\n", "\n");

        int section = readme.IndexOf("\n## Testing your code\n", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no \"Testing your code\" section");
        int end = readme.IndexOf("\n## ", section + 1, StringComparison.Ordinal);
        string text = readme.Substring(section, (end < 0 ? readme.Length : end) - section);
        var blocks = text.Split("```csharp\n").Skip(1).Select(b => b.Substring(0, b.IndexOf("```", StringComparison.Ordinal))).ToList();

        Assert.Contains(example, blocks);
    }
}
