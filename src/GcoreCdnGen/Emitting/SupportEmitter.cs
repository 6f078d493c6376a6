using System.Reflection;
using GcoreCdnGen.Contract;

namespace GcoreCdnGen.Emitting;

/// <summary>
/// The hand-written runtime (<see cref="RuntimeSources"/>): each spec's namespace gets its own copy.
/// </summary>
internal static class SupportEmitter
{
    public static System.Collections.Generic.IReadOnlyList<string> Files => RuntimeSources.Files;

    public static string Emit(string file, string ns, string clientName)
    {
        return RuntimeSources.Text(file)
            .Replace("#nullable enable\n", "#nullable enable\n#pragma warning disable CS1591 // a consumer that builds XML docs is not asked to document generated plumbing\n")
            .Replace("namespace GcoreCdnGen.Runtime", "namespace " + ns)
            .Replace(RuntimeSources.OptionsTypeName, GeneratedNames.OptionsType(clientName))
            .Replace("\"GcoreCdnGen/0.1.0\"", "\"GcoreCdnGen/" + Version + "\"");
    }

    /// <summary>The generator's version (without build metadata), for the User-Agent of the generated client.</summary>
    private static readonly string Version = ReadVersion();

    private static string ReadVersion()
    {
        var assembly = typeof(SupportEmitter).GetTypeInfo().Assembly;
        string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(version))
            version = assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        int plus = version!.IndexOf('+');
        return plus > 0 ? version.Substring(0, plus) : version;
    }
}
