using System;
using System.Globalization;
using System.IO;

namespace GcoreCdnGen.PackageTests;

/// <summary>
/// Packs src/GcoreCdnGen.Package once per test class, with a version no NuGet cache has seen
/// (0.1.0-t&lt;timestamp&gt;), into a local folder feed under a fresh temporary folder. Build output goes there too
/// (--artifacts-path), so the repository's bin/ and obj/ are left alone.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        WorkRoot = Path.Combine(Path.GetTempPath(), "gcdn-pkgtest-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        Feed = Path.Combine(WorkRoot, "feed");
        Directory.CreateDirectory(Feed);
        Version = "0.1.0-t" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        PackageFile = Path.Combine(Feed, $"GcoreCdnGen.{Version}.nupkg");

        Pack = DotNetCli.Run(RepoPaths.Root,
        [
            "pack", RepoPaths.PackageProject,
            "-c", "Release",
            "-o", Feed,
            "--artifacts-path", Path.Combine(WorkRoot, "pack-build"),
            "-p:GcoreCdnGenVersion=" + Version,
            "-nodeReuse:false",
            "-tl:off",
        ]);
    }

    /// <summary>The temporary folder that holds the feed, the pack's build output and the consumers.</summary>
    public string WorkRoot { get; }

    public string Feed { get; }

    public string Version { get; }

    public string PackageFile { get; }

    public CliResult Pack { get; }

    public bool Packed => Pack.ExitCode == 0 && File.Exists(PackageFile);

    /// <summary>A new, empty folder under <see cref="WorkRoot"/>.</summary>
    public string NewFolder(string name)
    {
        var path = Path.Combine(WorkRoot, name + "-" + Guid.NewGuid().ToString("N").Substring(0, 6));
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("GCDN_KEEP_PACKAGE_TEST_FILES") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(WorkRoot, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temporary folder left behind is not a test failure.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
