using System.IO;
using System.Linq;
using System.Reflection;

namespace GcoreCdnGen.Emitting
{
    /// <summary>
    /// The hand-written runtime that ships into the user's project (options, transport, exceptions, JSON helpers) lives as
    /// real C# files under Runtime/, embedded in this assembly; each spec's namespace gets its own copy.
    /// </summary>
    internal static class SupportEmitter
    {
        private const string ResourcePrefix = "Runtime.";

        /// <summary>Every file under Runtime/, in ordinal order: adding a file there is all it takes to ship it.</summary>
        public static readonly string[] Files = typeof(SupportEmitter).GetTypeInfo().Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, System.StringComparison.Ordinal) && name.EndsWith(".cs", System.StringComparison.Ordinal))
            .Select(name => name.Substring(ResourcePrefix.Length))
            .OrderBy(name => name, System.StringComparer.Ordinal)
            .ToArray();

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Cache = new();

        public static string Emit(string file, string ns, string clientName)
        {
            string text = Cache.GetOrAdd(file, Load);
            return text
                .Replace("#nullable enable\n", "#nullable enable\n#pragma warning disable CS1591 // a consumer that builds XML docs is not asked to document generated plumbing\n")
                .Replace("namespace GcoreCdnGen.Runtime", "namespace " + ns)
                .Replace("GcoreClientOptions", clientName + "Options")
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

        private static string Load(string file)
        {
            using var stream = typeof(SupportEmitter).GetTypeInfo().Assembly.GetManifestResourceStream(ResourcePrefix + file)
                ?? throw new FileNotFoundException("Embedded runtime file missing: " + file);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Replace("\r\n", "\n");
        }
    }
}
