using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GcoreCdnGen.Contract;

/// <summary>
/// The hand-written runtime that ships into the user's project (options, transport, exceptions, JSON helpers,
/// marker attributes): real C# files embedded in this assembly (see GcoreCdnGen.csproj). Which files there are and
/// which types they declare is read from the files themselves, never listed by hand.
/// </summary>
public static class RuntimeSources
{
    /// <summary>The prefix of the embedded files' resource names (the csproj's LogicalName).</summary>
    private const string ResourcePrefix = "Runtime.";

    /// <summary>The runtime's options type; each client gets its own copy, named after it.</summary>
    public const string OptionsTypeName = "GcoreClientOptions";

    private static readonly Assembly Assembly = typeof(RuntimeSources).GetTypeInfo().Assembly;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);
    private static readonly Lazy<string[]> DeclaredTypes = new(ReadDeclaredTypes);

    /// <summary>The runtime's file names (<c>GcoreJson.cs</c>, …), in ordinal order.</summary>
    public static IReadOnlyList<string> Files { get; } = Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".cs", StringComparison.Ordinal))
        .Select(n => n.Substring(ResourcePrefix.Length))
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToArray();

    /// <summary>A runtime file's text, with LF line ends.</summary>
    public static string Text(string file) => Texts.GetOrAdd(file, static f =>
    {
        using var stream = Assembly.GetManifestResourceStream(ResourcePrefix + f)
            ?? throw new FileNotFoundException("Embedded runtime file missing: " + f);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    });

    /// <summary>
    /// The names of the types the runtime declares in the client's namespace (its options type renamed after the
    /// client), which no generated type may take.
    /// </summary>
    public static IEnumerable<string> TypeNamesFor(string clientName) =>
        DeclaredTypes.Value.Select(n => n == OptionsTypeName ? GeneratedNames.OptionsType(clientName) : n);

    private static string[] ReadDeclaredTypes()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            var root = CSharpSyntaxTree.ParseText(Text(file)).GetRoot();
            foreach (var member in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
            {
                if (member is BaseTypeDeclarationSyntax type)
                    names.Add(type.Identifier.ValueText);
                else if (member is DelegateDeclarationSyntax @delegate)
                    names.Add(@delegate.Identifier.ValueText);
            }
        }

        return names.ToArray();
    }
}
