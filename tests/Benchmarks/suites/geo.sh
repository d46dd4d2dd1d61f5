#!/usr/bin/env bash
# The geo suite: 10,000 fences on one thread (point-in-fence tests, whole index lookups, rebuild,
# memory) and the same positions answered by PostGIS. Usage: geo.sh [--quick]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
source "$here/lib/postgres.sh"

# Build output goes to stderr: stdout carries only figures and notes.
dotnet build "$root/tests/Benchmarks" -c Release --nologo -v q -clp:ErrorsOnly >&2
bench_postgres_ensure
dotnet "$root/tests/Benchmarks/bin/Release/net10.0/CommandCenter.Benchmarks.dll" geo "$@"
