using System.Collections.Generic;
using System.IO;
using System.Security;

namespace GcoreCdnGen.PackageTests
{
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
        public static Consumer Create(PackageFixture package, string items, string program)
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
                    <add key="local" value="{SecurityElement.Escape(package.Feed)}" />
                  </packageSources>
                  <fallbackPackageFolders>
                    <clear />
                  </fallbackPackageFolders>
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

        public CliResult Build() => Run("build", "-c", "Debug", "-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false");

        public CliResult RunProgram() => Run("run", "--no-build", "-c", "Debug");

        private CliResult Run(params string[] arguments) =>
            DotNetCli.Run(Directory, arguments, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _nugetCache });
    }
}
