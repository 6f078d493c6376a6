using System;
using System.IO;

namespace GcoreCdnGen.Tests.TestInfrastructure;

/// <summary>Where the repo's files and the shared test inputs are.</summary>
public static class Paths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string OurSpec => Path.Combine(RepoRoot, "spec", "gcore-origin-groups.yaml");

    /// <summary>Gcore's published CDN document: test input beside the repo, never copied into it.</summary>
    public static string GcoreSpec => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "specs", "gcore", "cdn_api.yaml"));

    public static string Snapshots => Path.Combine(RepoRoot, "tests", "GcoreCdnGen.Tests", "Snapshots");

    /// <summary>Gcore's document. A test that needs it fails with a clear message when ../shared is not beside the clone.</summary>
    public static string RequireGcoreSpec() => File.Exists(GcoreSpec)
        ? GcoreSpec
        : throw new InvalidOperationException("Gcore's CDN document is missing at " + GcoreSpec + "; it lives in ../shared, beside the repo.");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GcoreCdnGen.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("GcoreCdnGen.sln not found above " + AppContext.BaseDirectory);
    }
}
