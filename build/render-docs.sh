#!/usr/bin/env bash
# Renders the pictures the tests generate as SVG (MESHDSL_UPDATE_BASELINES=1) to the PNGs docs/ shows.
# A test checks each PNG has its SVG's size (twice it): rerun this after regenerating the SVGs.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project build/MeshDsl.Render -- docs/bookinfo-graph.svg docs/bookinfo-graph.png
