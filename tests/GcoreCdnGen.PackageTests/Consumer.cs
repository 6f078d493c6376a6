using System;
using System.Collections.Generic;
using System.IO;
using System.Security;

namespace GcoreCdnGen.PackageTests;

/// <summary>
/// A throwaway consumer project: net10.0 console, Nullable, TreatWarningsAsErrors, the GcoreCdnGen package from the
/// fixture's local feed only, and an empty NuGet cache of its own.
/// </summary>
internal sealed class Consumer
{
    private readonly string _nugetCache;

    private Consumer(string directory, string nugetCache)
    {
        Directory = directory;
        _nugetCache = nugetCache;
    }

    public string Directory { get; }

    public string EditorConfigFile => Path.Combine(Directory, "obj", "Debug", "net10.0", "Consumer.GeneratedMSBuildEditorConfig.editorconfig");

    /// <param name="items">Extra items for the project file (OpenApiSpec items), as XML.</param>
    /// <param name="properties">Extra properties for the project file, as XML.</param>
    /// <param name="sdkPackagesFromNuGet">
    /// Let restore fetch packages the SDK itself adds (the trim/AOT analyzers' Microsoft.NET.ILLink.Tasks): from the
    /// machine's NuGet cache when it has them, else from nuget.org. GcoreCdnGen still comes from the local feed only.
    /// </param>
    public static Consumer Create(PackageFixture package, string items, string program, string properties = "", bool sdkPackagesFromNuGet = false)
    {
        var directory = package.NewFolder("consumer");
        var cache = package.NewFolder("nuget-cache");

        // Stop MSBuild and NuGet from walking up into whatever surrounds the temporary folder.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"),
            "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");

        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{SecurityElement.Escape(package.Feed)}" />{(sdkPackagesFromNuGet ? NuGetOrg : "")}
              </packageSources>
              <fallbackPackageFolders>
                <clear />{(sdkPackagesFromNuGet ? $"""<add key="machine" value="{SecurityElement.Escape(MachinePackages)}" />""" : "")}
              </fallbackPackageFolders>{(sdkPackagesFromNuGet ? SourceMapping : "")}
            </configuration>

            """);

        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RootNamespace>Consumer</RootNamespace>
                <UseSharedCompilation>false</UseSharedCompilation>
            {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="GcoreCdnGen" Version="{package.Version}" PrivateAssets="all" />
            {items}
              </ItemGroup>
            </Project>

            """);

        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        return new Consumer(directory, cache);
    }

    private const string NuGetOrg = """

            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
        """;

    private const string SourceMapping = """

          <packageSourceMapping>
            <packageSource key="local"><package pattern="GcoreCdnGen" /></packageSource>
            <packageSource key="nuget.org"><package pattern="*" /></packageSource>
          </packageSourceMapping>
        """;

    private static string MachinePackages =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public CliResult Build(TimeSpan? timeout = null) =>
        DotNetCli.Run(Directory, ["build", "-c", "Debug", "-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false"],
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = _nugetCache }, timeout);

    public CliResult RunProgram() => Run("run", "--no-build", "-c", "Debug");

    private CliResult Run(params string[] arguments) =>
        DotNetCli.Run(Directory, arguments, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _nugetCache });
}
