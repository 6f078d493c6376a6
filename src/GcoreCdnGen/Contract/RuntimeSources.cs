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

    /// <summary>The prefix of the fake's runtime files, which ship only when a spec asks for the fake.</summary>
    private const string FakePrefix = "RuntimeFake.";

    /// <summary>The runtime's options type; each client gets its own copy, named after it.</summary>
    public const string OptionsTypeName = "GcoreClientOptions";

    /// <summary>What every generated record implements (<c>GcoreModel.cs</c>): it carries the docs of <c>AdditionalProperties</c>.</summary>
    public const string ModelInterface = "IGcoreModel";

    /// <summary>What a generated record with optional properties implements: it carries the docs of <c>IsSet</c> and <c>Unset</c>.</summary>
    public const string SetTrackingInterface = "IGcoreSetTracking";

    /// <summary>What every generated type implements, explicitly: its <c>ReadJson</c>/<c>WriteJson</c> for the converter.</summary>
    public const string JsonInterface = "IGcoreJson";

    /// <summary>The one System.Text.Json converter of every generated type, generic over it.</summary>
    public const string JsonConverterType = "GcoreJsonConverter";

    private static readonly Assembly Assembly = typeof(RuntimeSources).GetTypeInfo().Assembly;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);
    private static readonly Lazy<string[]> DeclaredTypes = new(ReadDeclaredTypes);

    /// <summary>The runtime's file names (<c>GcoreJson.cs</c>, …), in ordinal order.</summary>
    public static IReadOnlyList<string> Files { get; } = Named(ResourcePrefix);

    /// <summary>The fake's runtime files (<c>GcoreFake.cs</c>, …), in ordinal order: shipped only with a generated fake.</summary>
    public static IReadOnlyList<string> FakeFiles { get; } = Named(FakePrefix);

    private static string[] Named(string prefix) => Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".cs", StringComparison.Ordinal))
        .Select(n => n.Substring(prefix.Length))
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToArray();

    /// <summary>A runtime file's text (of <see cref="Files"/> or <see cref="FakeFiles"/>), with LF line ends.</summary>
    public static string Text(string file) => Texts.GetOrAdd(file, static f =>
    {
        using var stream = Assembly.GetManifestResourceStream((FakeFiles.Contains(f) ? FakePrefix : ResourcePrefix) + f)
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
        // The fake's types are kept free too, so that asking for the fake never renames a model type.
        foreach (var file in Files.Concat(FakeFiles))
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
