#!/usr/bin/env bash
# Times the whole `dotnet build` of the synthetic mesh (issue 7's workload) with and without MeshDsl's generator and
# analyzers, for each N: a cold compile, a warm no-op rebuild, and a rebuild after editing one service. Both with a cold
# compiler per build (UseSharedCompilation=false, this machine's default) and with a warm compiler server (what users
# have), and prints the ratio measured in the same run. Everything is built in Release, MeshDsl's generator and analyzers
# included: the optimized assemblies the package ships. Each run builds from scratch, then with nothing changed, then
# EDITS times (default 3) after an edit to one service; each cell is the median of its builds over RUNS runs (default 3),
# so one noisy build cannot decide a figure, and the two variants take turns (in alternating order), so a slow spell of
# the host cannot decide a ratio.
#
#   [RUNS=5] [EDITS=3] build/measure-build.sh [N ...]        (default: 10 100 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10 100 1000}")
[ $# -eq 0 ] && sizes=(10 100 1000)
work=$(mktemp -d "${TMPDIR:-/tmp}/meshdsl-perf.XXXXXX")
trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

runs=${RUNS:-3}
edits=${EDITS:-3} # builds after an edit per run: the step users repeat most, and the noisiest
dotnet build -c Release build/MeshDsl.Benchmarks -v q -nologo >/dev/null
# The synthetic projects take MeshDsl's runtime library, generator, analyzers and build task from this Release build (the
# package's project builds them all), as a package gives them: no project references.
dotnet build -c Release src/MeshDsl -v q -nologo >/dev/null
# ... and the ReadyToRun images the package carries for this runtime and platform, where it carries any (linux-x64).
dotnet msbuild src/MeshDsl -t:MeshDslReadyToRun -p:Configuration=Release -v:q -nologo >/dev/null
synth() { dotnet build/MeshDsl.Benchmarks/bin/Release/net10.0/MeshDsl.Benchmarks.dll synth "$@"; }

# shellcheck source=build/timing.sh
. build/timing.sh

edit_one() { # changes the default timeout of the middle service, alternating between two values
  local file=$1/Services/Svc$(( $2 / 2 )).cs
  if grep -q 'Timeout = "10s"' "$file"; then sed -i 's/Timeout = "10s"/Timeout = "11s"/' "$file"; else sed -i 's/Timeout = "11s"/Timeout = "10s"/' "$file"; fi
}

printf '%-6s %-8s %-12s %10s %10s %8s\n' N compiler step "MeshDsl s" "plain s" ratio
for n in "${sizes[@]}"; do
  for variant in on off; do
    dir="$work/$n-$variant"
    if [ "$variant" = on ]; then synth "$n" "$dir"; else synth "$n" "$dir" --off; fi
    dotnet build "$dir/Mesh.csproj" -c Release -v q -nologo >/dev/null   # restore and a first build, not timed
  done
  for compiler in cold server; do
    if [ "$compiler" = server ]; then flags=(-p:UseSharedCompilation=true); else flags=(-p:UseSharedCompilation=false); fi
    # Warms the server: a user's server has built the project before. The first build creates the project's generator
    # driver, the second JITs the path that takes the kept driver over, and the runtime keeps optimizing both projects'
    # compiles for a few builds more: a new server's full builds at N = 1000 only level off from the fifth round
    # (docs/performance.md, "How many builds warm a server").
    if [ "$compiler" = server ]; then
      for _ in 1 2 3 4 5; do for variant in on off; do timed "$work/$n-$variant" "${flags[@]}" --no-incremental >/dev/null; done; done
    fi
    # The two variants take turns, run by run, so a host that slows down for a while slows both alike; and which goes first
    # alternates (on off, off on, ...), so that neither always follows the other's builds in the same server.
    declare -A times=()
    for run in $(seq "$runs"); do
      if (( run % 2 )); then order=(on off); else order=(off on); fi
      for variant in "${order[@]}"; do
        dir="$work/$n-$variant"
        from_scratch "$dir"
        times[$variant-full]+=" $(timed "$dir" "${flags[@]}")"
        times[$variant-noop]+=" $(timed "$dir" "${flags[@]}")"
        for _ in $(seq "$edits"); do
          edit_one "$dir" "$n"
          times[$variant-edit]+=" $(timed "$dir" "${flags[@]}")"
        done
      done
    done
    declare -A t=()
    for cell in "${!times[@]}"; do
      # shellcheck disable=SC2086 # the cell's times, one word each
      t[$cell]=$(median ${times[$cell]})
    done
    for step in full noop edit; do
      on=${t[on-$step]}; off=${t[off-$step]}
      printf '%-6s %-8s %-12s %10.2f %10.2f %8.2f\n' "$n" "$compiler" "$step" "$on" "$off" "$(echo "$on / $off" | bc -l)"
    done
  done
done
