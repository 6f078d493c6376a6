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
        public static readonly string[] Files = { "GcoreClientOptions.cs", "GcoreExceptions.cs", "GcoreTransport.cs", "GcoreJson.cs" };

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Cache = new();

        public static string Emit(string file, string ns, string clientName)
        {
            string text = Cache.GetOrAdd(file, Load);
            return text
                .Replace("namespace GcoreCdnGen.Support", "namespace " + ns)
                .Replace("GcoreClientOptions", clientName + "Options");
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
