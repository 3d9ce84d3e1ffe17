#!/usr/bin/env bash
# Times `meshdsl analyze` on the synthetic mesh written as YAML (N services: 2N resources), process wall time, Release build.
# Usage: build/measure-cli.sh [N] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
runs=${2:-5}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
dotnet build src/MeshDsl.Cli -c Release -v q -nologo > /dev/null
dotnet run -c Release --project build/MeshDsl.Benchmarks -- yaml "$n" "$dir"
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  dotnet src/MeshDsl.Cli/bin/Release/net10.0/MeshDsl.Cli.dll analyze "$dir" > /dev/null || true
  end=$(date +%s.%N)
  echo "N=$n: $(echo "$end - $start" | bc) s"
done
