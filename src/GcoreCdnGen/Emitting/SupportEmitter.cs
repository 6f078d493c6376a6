using System.IO;
using System.Reflection;

namespace GcoreCdnGen.Emitting
{
    /// <summary>
    /// The hand-written runtime (options, transport, exceptions, JSON helpers) lives as real C# files under Support/,
    /// embedded in this assembly; each spec's namespace gets its own copy.
    /// </summary>
    internal static class SupportEmitter
    {
        public static readonly string[] Files = { "GcoreClientOptions.cs", "GcoreExceptions.cs", "GcoreTransport.cs", "GcoreResponse.cs", "GcoreJson.cs" };

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Cache = new();

        public static string Emit(string file, string ns, string clientName)
        {
            string text = Cache.GetOrAdd(file, Load);
            return text
                .Replace("#nullable enable\n", "#nullable enable\n#pragma warning disable CS1591 // a consumer that builds XML docs is not asked to document generated plumbing\n")
                .Replace("namespace GcoreCdnGen.Support", "namespace " + ns)
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
            using var stream = typeof(SupportEmitter).GetTypeInfo().Assembly.GetManifestResourceStream("Support." + file)
                ?? throw new FileNotFoundException("Embedded support file missing: " + file);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Replace("\r\n", "\n");
        }
    }
}
