#!/usr/bin/env bash
# The ingest suite: the app as a process of its own over a county of 50,000 subjects and 10,000 fences,
# an open-model load generator on loopback (tests/LoadGen) at 10,000 fixes a second (5 minutes; --quick:
# 40 seconds), alert latency to a signed-in SignalR wall at 5,000 a second, a burst to find the capacity,
# every accepted row counted, and a raw binary COPY of the same number of rows. PostgreSQL runs with its
# durability on (fsync, synchronous commit): a 202 means the fix is on disk. Usage: ingest.sh [--quick]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
source "$here/lib/postgres.sh"

# Build output goes to stderr: stdout carries only figures and notes.
dotnet build "$root/src/CommandCenter" -c Release --nologo -v q -clp:ErrorsOnly >&2
dotnet build "$root/tests/LoadGen" -c Release --nologo -v q -clp:ErrorsOnly >&2
BENCH_PG_DURABLE=1 bench_postgres_ensure
if [[ -z "${CC_TEST_DB:-}" ]]; then
  echo "# no PostgreSQL + PostGIS to write to: ingest figures skipped"
  exit 0
fi
dotnet "$root/tests/LoadGen/bin/Release/net10.0/CommandCenter.LoadGen.dll" "$@" \
  --app "$root/src/CommandCenter/bin/Release/net10.0/CommandCenter.dll"
