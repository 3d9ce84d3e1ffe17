#!/usr/bin/env bash
# What a cold compiler (a new csc per build, UseSharedCompilation=false) spends on MeshDsl, in three parts:
#   - the generator's first parse inside that csc, and how much of it is binding the attributes and the JIT
#     (a copy of the repository with build/probes/generator-timing.patch applied);
#   - the floor: the same project with the generator's output compiled as plain files, MeshDsl's analyzers and build task,
#     and no generator (a copy with the [Generator] attribute removed); what no faster generator can go below;
#   - the same without analyzers (RunAnalyzers=false), for the analyzers' share.
# Full builds of the synthetic mesh, the variants taking turns; each figure is the median of RUNS builds (default 3).
# Needs git (two detached worktrees of HEAD: commit first). docs/performance.md, ninth session, has the figures.
#
#   [RUNS=3] build/probe-cold.sh [N]        (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
n=${1:-1000}
runs=${RUNS:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/meshdsl-cold.XXXXXX")
cleanup() {
  git -C "$repo" worktree remove --force "$work/probe" >/dev/null 2>&1 || true
  git -C "$repo" worktree remove --force "$work/floor" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

for copy in probe floor; do git worktree add -q --detach "$work/$copy" HEAD; done
git -C "$work/probe" apply "$repo/build/probes/generator-timing.patch"
generator="$work/floor/src/MeshDsl.Compiler/Generator/MeshGenerator.cs"
grep -q '^\[Generator(LanguageNames.CSharp)\]$' "$generator" || { echo "MeshGenerator.cs has no [Generator] line to remove" >&2; exit 1; }
sed -i '/^\[Generator(LanguageNames.CSharp)\]$/d' "$generator"
for copy in probe floor; do
  dotnet build -c Release "$work/$copy/src/MeshDsl" -v q -nologo >/dev/null
  dotnet build -c Release "$work/$copy/build/MeshDsl.Benchmarks" -v q -nologo >/dev/null
done

synth() { dotnet "$work/$1/build/MeshDsl.Benchmarks/bin/Release/net10.0/MeshDsl.Benchmarks.dll" synth "$n" "${@:2}" >/dev/null; }
synth probe "$work/mesh"
synth probe "$work/plain" --off
synth floor "$work/floor-mesh"
dotnet build "$work/mesh/Mesh.csproj" -c Release -v q -nologo -p:EmitCompilerGeneratedFiles=true >/dev/null
mkdir "$work/floor-mesh/Generated"
cp "$work"/mesh/obj/Release/net10.0/generated/MeshDsl.Compiler/MeshDsl.Generator.MeshGenerator/*.cs "$work/floor-mesh/Generated/"
for dir in plain floor-mesh; do dotnet build "$work/$dir/Mesh.csproj" -c Release -v q -nologo >/dev/null; done

# shellcheck source=build/timing.sh
. build/timing.sh

# One cold full build from scratch, in seconds.
cold() {
  from_scratch "$1"
  timed "$@" -p:UseSharedCompilation=false
}

declare -A times=()
for _ in $(seq "$runs"); do
  times[mesh]+=" $(MESHDSL_PROBE="$work/parse.log" cold "$work/mesh")"
  times[floor]+=" $(cold "$work/floor-mesh")"
  times[plain]+=" $(cold "$work/plain")"
  times[floor-noan]+=" $(cold "$work/floor-mesh" -p:RunAnalyzers=false)"
  times[plain-noan]+=" $(cold "$work/plain" -p:RunAnalyzers=false)"
  MESHDSL_PROBE="$work/bind.log" MESHDSL_PROBE_BIND=1 cold "$work/mesh" >/dev/null
done
declare -A t=()
# shellcheck disable=SC2086 # each cell's times, one word each
for cell in "${!times[@]}"; do t[$cell]=$(median ${times[$cell]}); done

echo "N=$n, cold full builds, median of $runs (s):"
printf '  MeshDsl %.2f, generator-free floor %.2f, plain %.2f: ratios %.2f and %.2f\n' \
  "${t[mesh]}" "${t[floor]}" "${t[plain]}" "$(echo "${t[mesh]} / ${t[plain]}" | bc -l)" "$(echo "${t[floor]} / ${t[plain]}" | bc -l)"
printf '  without analyzers: floor %.2f, plain %.2f: ratio %.2f\n' \
  "${t[floor-noan]}" "${t[plain-noan]}" "$(echo "${t[floor-noan]} / ${t[plain-noan]}" | bc -l)"
echo "The generator's first parse in each MeshDsl build:"
sed 's/^/  /' "$work/parse.log"
echo "The same with every attribute bound first:"
sed 's/^/  /' "$work/bind.log"
