#!/usr/bin/env bash
# Per Gcore document: operations generated against the document's own count, generated files and lines, and the
# time of a whole `dotnet build` of a consumer that generates the document (unfiltered) with GcoreCdnGen, as a ratio
# to the same consumer without a spec measured in the same run (this machine is shared; absolute times drift).
# Usage: benchmarks/scripts/document-builds.sh [runs] [document.yaml ...]
#   default: 3 runs; ../shared/specs/gcore/cdn_api.yaml and every ../shared/specs/gcore/products/*.yaml
# Needs python3 with PyYAML to count the document's operations (prints "?" without it).
set -euo pipefail
runs="${1:-3}"; shift || true
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="$(cd "$repo/.." && pwd)/shared/specs/gcore"
if (( $# > 0 )); then docs=(); for d in "$@"; do docs+=("$(realpath "$d")"); done; else docs=("$shared/cdn_api.yaml" "$shared"/products/*.yaml); fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { printf "%.2f\n", e - s }'; }
operations() {
  python3 - "$1" <<'PY' 2>/dev/null || echo "?"
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
methods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
print(sum(1 for item in (doc.get("paths") or {}).values() if isinstance(item, dict) for m in item if m in methods))
PY
}

dotnet build "$repo/src/GcoreCdnGen/GcoreCdnGen.csproj" -c Release >/dev/null

consumer() { # consumer <dir> <spec or empty>
  mkdir -p "$1"
  local spec=""
  [[ -n "$2" ]] && spec="<OpenApiSpec Include=\"$2\" Namespace=\"Bench.Gcore\" />"
  cat > "$1/consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/src/GcoreCdnGen/build/GcoreCdnGen.props" />
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningsNotAsErrors>GCDN101;GCDN103</WarningsNotAsErrors>
    <UseSharedCompilation>false</UseSharedCompilation><EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
    <CompilerGeneratedFilesOutputPath>generated</CompilerGeneratedFilesOutputPath></PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/GcoreCdnGen/GcoreCdnGen.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    $spec
    <Compile Remove="generated/**" />
  </ItemGroup>
  <Import Project="$repo/src/GcoreCdnGen/build/GcoreCdnGen.targets" />
</Project>
XML
  echo 'class Program { static void Main() { } }' > "$1/Program.cs"
  dotnet build "$1" -c Release >"$1/first-build.log" 2>&1 || { echo "the first build of $1 failed:" >&2; grep -E "error|warning" "$1/first-build.log" | head -5 >&2; return 1; }
}
timed() { for i in $(seq "$runs"); do seconds dotnet build "$1" -c Release --no-restore --no-incremental --no-dependencies; done | median; }

consumer "$work/empty" ""
baseline=$(timed "$work/empty")
echo "baseline: the consumer without a spec builds in ${baseline} s (median of $runs)"
echo
echo "| document | operations generated / in the document | generated files | generated lines | build time (x baseline) |"
echo "|---|---|---|---|---|"
for doc in "${docs[@]}"; do
  name=$(basename "$doc" .yaml)
  dir="$work/$name"
  if ! consumer "$dir" "$doc"; then echo "| $name | build failed | | | |"; continue; fi
  generated=$(grep -rhoE 'GcoreOperation\("[^"]*"\)' "$dir/generated" 2>/dev/null | sort -u | wc -l)
  files=$(find "$dir/generated" -name '*.cs' | wc -l)
  lines=$(find "$dir/generated" -name '*.cs' -exec cat {} + | wc -l)
  t=$(timed "$dir")
  echo "| $name | $generated / $(operations "$doc") | $files | $lines | $(awk -v a="$t" -v b="$baseline" 'BEGIN { printf "%.2f", a / b }') |"
done
