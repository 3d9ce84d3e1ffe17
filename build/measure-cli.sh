#!/usr/bin/env bash
# Times `meshdsl analyze` on the synthetic mesh written as YAML (N services: 2N resources), process wall time, Release build.
# On Linux x64 it times the ReadyToRun build that package ships (MeshDsl.Cli.linux-x64); elsewhere the portable one
# (MeshDsl.Cli.any). PORTABLE=1 times the portable build everywhere, for a comparison. WORKLOADS=1 adds each service's
# Kubernetes Service and a Deployment per subset (3N more documents, for the workload rules).
# Usage: [PORTABLE=1] [WORKLOADS=1] build/measure-cli.sh [N] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
runs=${2:-5}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
if [ "$(uname -sm)" = "Linux x86_64" ] && [ "${PORTABLE:-0}" != 1 ]; then
  dotnet publish src/MeshDsl.Cli -c Release -r linux-x64 -o "$dir/tool" -v q -nologo > /dev/null
  tool=$dir/tool/MeshDsl.Cli.dll; kind="ReadyToRun, linux-x64"
else
  dotnet build src/MeshDsl.Cli -c Release -v q -nologo > /dev/null
  tool=src/MeshDsl.Cli/bin/Release/net10.0/MeshDsl.Cli.dll; kind=portable
fi
dotnet run -c Release --project build/MeshDsl.Benchmarks -- yaml "$n" "$dir/yaml" $([ "${WORKLOADS:-0}" = 1 ] && echo --workloads)
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  dotnet "$tool" analyze "$dir/yaml" > /dev/null || true
  end=$(date +%s.%N)
  echo "N=$n ($kind$([ "${WORKLOADS:-0}" = 1 ] && echo ", with workloads")): $(echo "$end - $start" | bc) s"
done
