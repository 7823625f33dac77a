#!/usr/bin/env bash
# Micro-benchmarks (BenchmarkDotNet) of per-entry compression on real files. Usage: bash bench/micro.sh [filter]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/PackDaemon.Benchmarks -- --filter "${1:-*}"
