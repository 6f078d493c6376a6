#!/usr/bin/env bash
# Times whole builds, not unit tests:
#  1. `dotnet build` of a consumer that generates Gcore's whole CDN document with GcoreCdnGen, against the same
#     consumer with the generated files checked in instead (the overhead the generator adds to a build);
#  2. `kiota generate` and `nswag openapi2csclient` on the same document, the alternatives a user would pick.
# Usage: benchmarks/scripts/build-overhead.sh [runs]   (default 3 runs each; prints medians in seconds)
set -euo pipefail
runs="${1:-3}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
doc="$(cd "$repo/.." && pwd)/shared/specs/gcore/cdn_api.yaml"
[[ -f "$doc" ]] || { echo "Gcore's document is not at $doc" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { printf "%.2f\n", e - s }'; }

dotnet build "$repo/src/GcoreCdnGen/GcoreCdnGen.csproj" -c Release >/dev/null

# Consumer with the generator.
mkdir -p "$work/with" "$work/without"
cat > "$work/with/with.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/src/GcoreCdnGen/build/GcoreCdnGen.props" />
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><UseSharedCompilation>false</UseSharedCompilation>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles><CompilerGeneratedFilesOutputPath>generated</CompilerGeneratedFilesOutputPath></PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/GcoreCdnGen/GcoreCdnGen.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <OpenApiSpec Include="$doc" Namespace="Bench.Gcore" />
    <Compile Remove="generated/**" />
  </ItemGroup>
  <Import Project="$repo/src/GcoreCdnGen/build/GcoreCdnGen.targets" />
</Project>
XML
echo 'class Program { }' > "$work/with/Program.cs"
dotnet build "$work/with" -c Release >/dev/null

# The same consumer with the generated files checked in and no generator.
cat > "$work/without/without.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><UseSharedCompilation>false</UseSharedCompilation></PropertyGroup>
</Project>
XML
cp "$work/with/Program.cs" "$work/without/"
find "$work/with/generated" -name '*.g.cs' -exec cp {} "$work/without/" \;
dotnet build "$work/without" -c Release >/dev/null
files=$(find "$work/without" -maxdepth 1 -name '*.g.cs' | wc -l)
(( files > 0 )) || { echo "the generator produced no files" >&2; exit 1; }

# --no-dependencies: only the consumer is rebuilt, not the generator project it references.
with=$(for i in $(seq "$runs"); do seconds dotnet build "$work/with" -c Release --no-restore --no-incremental --no-dependencies; done | median)
without=$(for i in $(seq "$runs"); do seconds dotnet build "$work/without" -c Release --no-restore --no-incremental; done | median)
overhead=$(awk -v a="$with" -v b="$without" 'BEGIN { printf "%.1f", (a - b) * 100 / b }')
echo "dotnet build, whole CDN document ($files generated files): with generator ${with} s, files checked in ${without} s, overhead ${overhead} %"

# The alternatives.
tools="$work/tools"
if dotnet tool install --tool-path "$tools" Microsoft.OpenApi.Kiota --version 1.38.0 >/dev/null 2>&1; then
  kiota=$(for i in $(seq "$runs"); do rm -rf "$work/kiota"; KIOTA_OFFLINE_ENABLED=true seconds "$tools/kiota" generate -l CSharp -d "$doc" -o "$work/kiota" -c GcoreClient -n Bench.Kiota; done | median)
  echo "kiota generate: ${kiota} s ($(find "$work/kiota" -name '*.cs' | wc -l) files)"
else
  echo "kiota: could not be installed here"
fi
if dotnet tool install --tool-path "$tools" NSwag.ConsoleCore --version 14.7.1 >/dev/null 2>&1; then
  nswag=$(for i in $(seq "$runs"); do seconds "$tools/nswag" openapi2csclient "/input:$doc" "/output:$work/nswag.cs" /namespace:Bench.NSwag; done | median)
  echo "nswag openapi2csclient: ${nswag} s ($(wc -l < "$work/nswag.cs") lines)"
else
  echo "nswag: could not be installed here"
fi
