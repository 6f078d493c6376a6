using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace GcoreCdnGen.PackageTests;

/// <summary>
/// Every C# block of the README compiles, as pasted, in a project that gets the package from a feed and the
/// <c>OpenApiSpec</c> item the README shows (on Gcore's CDN document), with nullable on and warnings as errors; the
/// project asks for the fake and references xUnit, as the test project of "Testing your code" does.
/// </summary>
/// <remarks>
/// A block is a whole file when it has no top-level statements. Otherwise its statements become the body of an async
/// method and its types sit beside it; the variables a snippet takes from the surrounding text (<see cref="Ambient"/>:
/// <c>gcore</c>, <c>ct</c>, <c>request</c>, <c>builder</c>, …) are that method's parameters, unless the block declares
/// them. <c>#line</c> directives point every error at README.md's own line.
/// </remarks>
public sealed class ReadmeTests : IClassFixture<PackageFixture>
{
    /// <summary>The names README snippets use without declaring them, and what they stand for.</summary>
    private static readonly Dictionary<string, string> Ambient = new(StringComparer.Ordinal)
    {
        ["gcore"] = "GcoreClient",
        ["ct"] = "global::System.Threading.CancellationToken",
        ["cancellationToken"] = "global::System.Threading.CancellationToken",
        ["request"] = "OriginGroupCreateParams",
        ["group"] = "OriginGroup",
        ["id"] = "long",
        ["requestId"] = "string",
        ["accessKey"] = "string",
        ["secretKey"] = "string",
        ["apiKey"] = "string",
        ["host"] = "string",
        ["useNext"] = "bool",
        ["cdn"] = "global::Contoso.Cdn.GcoreClient",
        ["fastEdge"] = "global::Contoso.FastEdge.GcoreClient",
        ["iam"] = "global::Contoso.Iam.GcoreClient",
        ["builder"] = "global::Microsoft.AspNetCore.Builder.WebApplicationBuilder",
        ["services"] = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection",
    };

    private readonly PackageFixture _package;

    public ReadmeTests(PackageFixture package)
    {
        _package = package;
    }

    [Fact]
    public void Every_csharp_block_of_the_README_compiles_against_the_package()
    {
        Assert.True(_package.Packed, "dotnet pack failed or made no package:" + Environment.NewLine + _package.Pack);
        string readmePath = Path.Combine(RepoPaths.Root, "README.md");
        string readme = File.ReadAllText(readmePath);
        var blocks = Blocks(readme, "csharp");
        Assert.True(blocks.Count >= 5, "the README's C# blocks were not found");

        // As a test project has it (the README's "Testing your code" block is an xUnit test on the generated fake):
        // the fake asked for, and xUnit from the machine's packages or nuget.org; the package itself only from the feed.
        var consumer = Consumer.Create(_package, Items(readme, _package.NewFolder("documents")) + "\n    <PackageReference Include=\"xunit\" Version=\"2.9.3\" />",
            "Console.WriteLine(\"readme\");\n", properties: "    <GcoreCdnGenFake>true</GcoreCdnGenFake>", sdkPackagesFromNuGet: true);
        for (int i = 0; i < blocks.Count; i++)
            File.WriteAllText(Path.Combine(consumer.Directory, $"Readme{i + 1}.cs"), Wrap(blocks[i].Code, blocks[i].Line, i + 1, readmePath));

        var build = consumer.Build();
        Assert.True(build.ExitCode == 0 && build.StdOut.Contains("0 Warning(s)", StringComparison.Ordinal),
            "README blocks that do not compile (their README line is in each message):" + Environment.NewLine + build);
    }

    /// <summary>The README's own <c>OpenApiSpec</c> line, pointed at Gcore's document, and ASP.NET Core for the DI snippets.</summary>
    private static string Items(string readme, string folder)
    {
        var xml = Blocks(readme, "xml").Select(b => b.Code).First(c => c.Contains("<OpenApiSpec", StringComparison.Ordinal));
        string item = xml.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("<OpenApiSpec", StringComparison.Ordinal));
        string document = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "specs", "gcore", "cdn_api.yaml"));
        Assert.True(File.Exists(document), "Gcore's CDN document is missing at " + document);
        item = Regex.Replace(item, "Include=\"[^\"]*\"", "Include=\"" + SecurityElement.Escape(document) + "\"");
        // The clients of "Bodies and responses": the operations it shows, from the documents that have them.
        // A second item needs a file of its own (MSBuild keeps one AdditionalFiles item per path).
        string products = Path.Combine(Path.GetDirectoryName(document)!, "products");
        string copy = Path.Combine(folder, "cdn_api.yaml");
        File.Copy(document, copy);
        string Other(string file, string ns, string path) =>
            $"\n    <OpenApiSpec Include=\"{SecurityElement.Escape(file)}\" Namespace=\"{ns}\" Paths=\"{path}\" />";
        return "    " + item
            + Other(copy, "Contoso.Cdn", "/cdn/advanced/v1/logs/download")
            + Other(Path.Combine(products, "fastedge_api.yaml"), "Contoso.FastEdge", "/fastedge/v1/binaries/raw")
            + Other(Path.Combine(products, "iam_reseller_api.yaml"), "Contoso.Iam", "/iam/reselling/settings/upload")
            + "\n  </ItemGroup>\n  <ItemGroup>\n    <FrameworkReference Include=\"Microsoft.AspNetCore.App\" />";
    }

    private static List<(string Code, int Line)> Blocks(string markdown, string language)
    {
        var blocks = new List<(string, int)>();
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```" + language)
                continue;
            int start = i + 1;
            int end = start;
            while (end < lines.Length && lines[end].Trim() != "```")
                end++;
            blocks.Add((string.Join("\n", lines[start..end]), start + 1));
            i = end;
        }

        return blocks;
    }

    private static string Wrap(string code, int firstLine, int number, string readmePath)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code).GetRoot();
        var statements = root.Members.OfType<GlobalStatementSyntax>().ToList();
        string file = readmePath.Replace("\\", "\\\\");
        string At(SyntaxNode node) => $"#line {firstLine + node.GetLocation().GetLineSpan().StartLinePosition.Line} \"{file}\"\n";

        var text = new StringBuilder();
        if (statements.Count == 0)
            return $"#line {firstLine} \"{file}\"\n" + code;

        foreach (var directive in root.Usings)
            text.Append(At(directive)).Append(directive.ToString()).Append('\n');
        text.Append("#line default\n");
        if (!root.Usings.Any(u => u.Name?.ToString().StartsWith("Contoso.", StringComparison.Ordinal) == true))
            text.Append("using Contoso.Gcore;\n");

        var declared = new HashSet<string>(root.DescendantNodes().Select(n => n switch
        {
            VariableDeclaratorSyntax v => v.Identifier.ValueText,
            SingleVariableDesignationSyntax d => d.Identifier.ValueText,
            ForEachStatementSyntax f => f.Identifier.ValueText,
            ParameterSyntax p => p.Identifier.ValueText,
            LocalFunctionStatementSyntax l => l.Identifier.ValueText,
            _ => null,
        }).OfType<string>(), StringComparer.Ordinal);
        var used = root.DescendantNodes().OfType<IdentifierNameSyntax>().Select(n => n.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
        var parameters = Ambient.Where(a => used.Contains(a.Key) && !declared.Contains(a.Key)).Select(a => a.Value + " " + a.Key);

        text.Append($"namespace Readme.Block{number}\n{{\n");
        text.Append($"internal static class Snippet\n{{\n#pragma warning disable CS1998\ninternal static async global::System.Threading.Tasks.Task Run({string.Join(", ", parameters)})\n{{\n");
        foreach (var statement in statements)
            text.Append(At(statement)).Append(statement.ToString()).Append('\n');
        text.Append("#line default\n}\n}\n");
        foreach (var member in root.Members.Where(m => m is not GlobalStatementSyntax))
            text.Append(At(member)).Append(member.ToString()).Append('\n');
        text.Append("#line default\n}\n");
        return text.ToString();
    }
}
