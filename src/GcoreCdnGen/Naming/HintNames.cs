using System.Globalization;
using GcoreCdnGen.Model;

namespace GcoreCdnGen.Naming;

/// <summary>Hint names (the generated files' names): unique per spec, and short enough for EmitCompilerGeneratedFiles on any file system.</summary>
public static class HintNames
{
    /// <summary>The longest hint name handed to the compiler.</summary>
    public const int MaxLength = 120;

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

    /// <summary>
    /// <paramref name="prefix"/> + <paramref name="name"/> + <paramref name="suffix"/>, with the name cut and a
    /// stable hash of it appended when the whole would be too long. Type names are unique ignoring case, so the
    /// result is too.
    /// </summary>
    public static string For(string prefix, string name, string suffix)
    {
        string whole = prefix + name + suffix;
        if (whole.Length <= MaxLength)
            return whole;
        string hash = Fnv(name).ToString("x8", CultureInfo.InvariantCulture);
        int keep = System.Math.Max(8, MaxLength - prefix.Length - suffix.Length - hash.Length - 1);
        string cut = prefix + name.Substring(0, System.Math.Min(keep, name.Length)) + "_" + hash + suffix;
        return cut.Length <= MaxLength ? cut : cut.Substring(cut.Length - MaxLength);
    }

    private static uint Fnv(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text.ToUpperInvariant())
        {
            hash ^= c;
            hash *= 16777619;
        }

        return hash;
    }
}
