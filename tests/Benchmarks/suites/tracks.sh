#!/usr/bin/env bash
# The tracks suite: who was there (轨迹碰撞) over 30 days of fixes at one a minute in the day-partitioned
# positions table, 20 random areas, without and then with the product's spatial index. The number of people
# is set by BENCH_TRACKS_PEOPLE (default 2,000; --quick: 150); the notes state the scale. Usage: tracks.sh [--quick]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
source "$here/lib/postgres.sh"

# Build output goes to stderr: stdout carries only figures and notes.
dotnet build "$root/tests/Benchmarks" -c Release --nologo -v q -clp:ErrorsOnly >&2
bench_postgres_ensure
if [[ -z "${CC_TEST_DB:-}" ]]; then
  echo "# no PostgreSQL + PostGIS to search: tracks figures skipped"
  exit 0
fi
dotnet "$root/tests/Benchmarks/bin/Release/net10.0/CommandCenter.Benchmarks.dll" tracks "$@"
