using GcoreCdnGen.Model;

namespace GcoreCdnGen.Naming
{
    /// <summary>The hint names of generated files.</summary>
    public static class HintNames
    {
        /// <summary>
        /// What every file generated for one spec starts with: the namespace and the spec's file name, so two specs never
        /// collide even when a user gives them one namespace by mistake (that is reported as GCDN106 instead of crashing
        /// the generator).
        /// </summary>
        public static string Prefix(SpecOptions options)
        {
            string stem = System.IO.Path.GetFileNameWithoutExtension(options.Path);
            var safe = new System.Text.StringBuilder(stem.Length);
            foreach (char c in stem)
                safe.Append(char.IsLetterOrDigit(c) || c == '_' || c == '-' ? c : '_');
            return options.Namespace + "." + safe + ".";
        }
    }
}
