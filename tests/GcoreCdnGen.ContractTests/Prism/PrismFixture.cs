using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace GcoreCdnGen.ContractTests.Prism;

[CollectionDefinition(Name)]
public sealed class PrismCollection : ICollectionFixture<PrismFixture>
{
    public const string Name = "Prism";
}

/// <summary>
/// Two Prism mocks of Gcore's CDN document for the whole test run:
/// <list type="bullet">
/// <item><see cref="Published"/> serves the document exactly as Gcore publishes it (unions as <c>oneOf</c>);</item>
/// <item><see cref="AnyOf"/> serves a temporary copy whose <c>oneOf</c> are <c>anyOf</c>, as in the copies Gcore's own
/// SDKs are generated from. Its variants overlap (the deprecated "AWS Signature V4" variant of the PATCH body has no
/// required property, so every PATCH body fits both variants), which the published <c>oneOf</c> forbids.</item>
/// </list>
/// Prism is installed into the repo's node_modules (git-ignored) by .ci/run, or here when it is missing. There is no
/// silent skip: without Node, npm or the registry the tests fail and say what to run.
/// </summary>
public sealed class PrismFixture : IAsyncLifetime
{
    public const string PrismPackage = "@stoplight/prism-cli@5.14.2";

    private static readonly string InstallCommand = "npm install --no-save --no-audit --no-fund --prefix <repo> " + PrismPackage;

    private string? _tempFolder;

    public PrismServer Published { get; private set; } = null!;

    public PrismServer AnyOf { get; private set; } = null!;

    public static string RepoRoot { get; } = FindRoot();

    public static string GcoreSpec => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "specs", "gcore", "cdn_api.yaml"));

    public static string PrismCli => Path.Combine(RepoRoot, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");

    public async Task InitializeAsync()
    {
        await EnsureInstalledAsync();

        _tempFolder = Path.Combine(Path.GetTempPath(), "gcorecdngen-prism-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_tempFolder);
        string anyOfSpec = await WriteAnyOfCopyAsync(_tempFolder);

        var published = PrismServer.StartAsync(PrismCli, GcoreSpec);
        var anyOfServer = PrismServer.StartAsync(PrismCli, anyOfSpec);
        try
        {
            await Task.WhenAll(published, anyOfServer);
        }
        catch
        {
            // Never leave a node process behind.
            foreach (var started in new[] { published, anyOfServer })
            {
                if (started.IsCompletedSuccessfully)
                    await started.Result.DisposeAsync();
            }

            throw;
        }

        Published = await published;
        AnyOf = await anyOfServer;
    }

    /// <summary>Writes Gcore's document with every <c>oneOf</c> as <c>anyOf</c> into <paramref name="folder"/>; returns its path.</summary>
    public static async Task<string> WriteAnyOfCopyAsync(string folder)
    {
        string anyOfSpec = Path.Combine(folder, "cdn_api.anyOf.yaml");
        string text = await File.ReadAllTextAsync(GcoreSpec);
        string anyOf = Regex.Replace(text, @"^(\s*)oneOf:", "$1anyOf:", RegexOptions.Multiline);
        if (anyOf == text)
            throw new InvalidOperationException("Gcore's document has no 'oneOf:' any more; the anyOf copy would be the same document.");
        await File.WriteAllTextAsync(anyOfSpec, anyOf);
        return anyOfSpec;
    }

    /// <summary>Installs Prism unless the pinned version is already there.</summary>
    public static async Task EnsureInstalledAsync()
    {
        if (!File.Exists(GcoreSpec))
            throw new InvalidOperationException("Gcore's CDN document is missing at " + GcoreSpec + "; it lives in ../shared, beside the repo.");
        if (!IsInstalled())
            await InstallPrismAsync();
    }

    /// <summary>Prism's CLI is there, in the pinned version.</summary>
    private static bool IsInstalled()
    {
        string package = Path.Combine(RepoRoot, "node_modules", "@stoplight", "prism-cli", "package.json");
        return File.Exists(PrismCli) && File.Exists(package) &&
            File.ReadAllText(package).Contains("\"version\": \"" + PrismPackage.Split('@')[^1] + "\"", StringComparison.Ordinal);
    }

    private static async Task InstallPrismAsync()
    {
        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "install", "--no-save", "--no-audit", "--no-fund", "--prefix", RepoRoot, PrismPackage })
            start.ArgumentList.Add(argument);

        string hint = "Prism is not installed at " + PrismCli + " and installing it failed. Run, from the repo root: " + InstallCommand.Replace("<repo>", ".", StringComparison.Ordinal);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException(hint);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(hint + " (npm could not be started: " + ex.Message + ")", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0 || !IsInstalled())
                throw new InvalidOperationException(hint + Environment.NewLine + await stdout + await stderr);
        }
    }

    public async Task DisposeAsync()
    {
        var servers = new List<PrismServer?> { Published, AnyOf };
        foreach (var server in servers)
        {
            if (server is not null)
                await server.DisposeAsync();
        }

        if (_tempFolder is not null && Directory.Exists(_tempFolder))
            Directory.Delete(_tempFolder, recursive: true);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GcoreCdnGen.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("GcoreCdnGen.sln not found above " + AppContext.BaseDirectory + ".");
    }
}
