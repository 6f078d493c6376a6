#!/usr/bin/env bash
# Times whole builds, not unit tests:
#  1. `dotnet build` of a consumer that generates Gcore's whole CDN document with GcoreCdnGen, against the same
#     consumer with the generated files checked in instead (the overhead the generator adds to a build), and against
#     the same consumer with NSwag's client for the document checked in (`nswag openapi2csclient`, System.Text.Json);
#     each as a ratio to an empty consumer built in the same run (the machine is shared: absolute times drift);
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

lines=$(cat "$work"/without/*.g.cs | wc -l)

# The baseline: the same consumer with no API client at all.
mkdir -p "$work/empty"
cp "$work/without/without.csproj" "$work/empty/empty.csproj"
cp "$work/with/Program.cs" "$work/empty/"
dotnet build "$work/empty" -c Release >/dev/null

# The same consumer with NSwag's client for the whole document checked in (System.Text.Json, as the generator uses).
tools="$work/tools"
nswagged=""
if dotnet tool install --tool-path "$tools" NSwag.ConsoleCore --version 14.7.1 >/dev/null 2>&1; then
  mkdir -p "$work/nswagged"
  cp "$work/without/without.csproj" "$work/nswagged/nswagged.csproj"
  cp "$work/with/Program.cs" "$work/nswagged/"
  "$tools/nswag" openapi2csclient "/input:$doc" "/output:$work/nswagged/GcoreClient.cs" /namespace:Bench.NSwag /jsonLibrary:SystemTextJson >/dev/null
  # NSwag 14.7.1 references a few types it never writes for this document's inline schemas (CS0246). So that the
  # build compiles everything (a failing build stops before emitting), each such name gets an empty placeholder class.
  missing=$(dotnet build "$work/nswagged" -c Release 2>&1 | grep -oE "error CS0246: The type or namespace name '[A-Za-z0-9_]+'" | sed -E "s/.*name '//; s/'$//" | sort -u || true)
  { echo "namespace Bench.NSwag;"; for name in $missing; do echo "public partial class $name { }"; done; } > "$work/nswagged/Placeholders.cs"
  placeholders=$(wc -w <<< "$missing")
  nswag_errors=$(dotnet build "$work/nswagged" -c Release 2>&1 | grep -c ' error CS' || true)
  nswagged=yes
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# --no-dependencies: only the consumer is rebuilt, not the generator project it references.
# The consumers take turns, run after run, so that a load that comes and goes on this shared machine falls on each.
for i in $(seq "$runs"); do
  seconds dotnet build "$work/with" -c Release --no-restore --no-incremental --no-dependencies >> "$work/with.times"
  seconds dotnet build "$work/without" -c Release --no-restore --no-incremental >> "$work/without.times"
  seconds dotnet build "$work/empty" -c Release --no-restore --no-incremental >> "$work/empty.times"
done
with=$(median < "$work/with.times")
without=$(median < "$work/without.times")
empty=$(median < "$work/empty.times")
overhead=$(awk -v a="$with" -v b="$without" 'BEGIN { printf "%.1f", (a - b) * 100 / b }')
echo "dotnet build, whole CDN document ($files generated files, $lines lines): with generator ${with} s, files checked in ${without} s, overhead ${overhead} %"
echo "  as ratios to an empty consumer (${empty} s): with generator $(ratio "$with" "$empty"), files checked in $(ratio "$without" "$empty")"
if [[ -n "$nswagged" ]]; then
  attempt() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { printf "%.2f\n", e - s }'; }
  nswag_build=$(for i in $(seq "$runs"); do attempt dotnet build "$work/nswagged" -c Release --no-restore --no-incremental; done | median)
  echo "  NSwag's client checked in ($(wc -l < "$work/nswagged/GcoreClient.cs") lines, ${placeholders} placeholder classes for types it references but does not write, ${nswag_errors} compiler errors left): ${nswag_build} s, ratio to the empty consumer $(ratio "$nswag_build" "$empty")"
else
  echo "  NSwag's client: nswag could not be installed here"
fi

# The alternatives.
if dotnet tool install --tool-path "$tools" Microsoft.OpenApi.Kiota --version 1.38.0 >/dev/null 2>&1; then
  kiota=$(for i in $(seq "$runs"); do rm -rf "$work/kiota"; KIOTA_OFFLINE_ENABLED=true seconds "$tools/kiota" generate -l CSharp -d "$doc" -o "$work/kiota" -c GcoreClient -n Bench.Kiota; done | median)
  echo "kiota generate: ${kiota} s ($(find "$work/kiota" -name '*.cs' | wc -l) files)"
else
  echo "kiota: could not be installed here"
fi
if [[ -n "$nswagged" ]]; then
  nswag=$(for i in $(seq "$runs"); do seconds "$tools/nswag" openapi2csclient "/input:$doc" "/output:$work/nswag.cs" /namespace:Bench.NSwag /jsonLibrary:SystemTextJson; done | median)
  echo "nswag openapi2csclient: ${nswag} s ($(wc -l < "$work/nswag.cs") lines)"
else
  echo "nswag: could not be installed here"
fi
