#!/bin/sh
# Runs the benchmark suite and writes tests/CxDashboard.Benchmarks/RESULTS.md (see the README beside this file).
#   tests/CxDashboard.Benchmarks/run.sh           the full run (about 30-40 minutes on two cores)
#   tests/CxDashboard.Benchmarks/run.sh --quick   a smoke run, written to BenchmarkDotNet.Artifacts/results/RESULTS-quick.md
# The PostgreSQL import runs when CXDASHBOARD_BENCH_POSTGRES (or CXDASHBOARD_TEST_POSTGRES) names a server.
set -eu
cd "$(dirname "$0")"
exec dotnet run -c Release --project CxDashboard.Benchmarks.csproj -- --results "$@"
