using System;
using System.IO;

namespace GcoreCdnGen.PackageTests;

/// <summary>Finds the repository root: the first folder above the test assembly that holds GcoreCdnGen.sln.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string PackageProject => Path.Combine(Root, "src", "GcoreCdnGen.Package", "GcoreCdnGen.Package.csproj");

    public static string OriginGroupsSpec => Path.Combine(Root, "spec", "gcore-origin-groups.yaml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GcoreCdnGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"GcoreCdnGen.sln not found above {AppContext.BaseDirectory}.");
    }
}
