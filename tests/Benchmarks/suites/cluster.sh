#!/usr/bin/env bash
# The cluster suite: three app nodes (processes of their own) on one PostgreSQL + PostGIS with durability on,
# Redis as the hubs' backplane and nginx in front with the configuration `./run.sh --nodes 3` uses
# (deploy/local/nginx-cluster.sh), over a county of 50,000 subjects and 10,000 fences; the single node
# measured in the same run; a node killed under load. See tests/LoadGen/ClusterLoad.cs. Usage: cluster.sh [--quick]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
source "$here/lib/postgres.sh"

for program in /usr/bin/redis-server /usr/sbin/nginx; do
  if [[ ! -x "$program" ]]; then
    echo "# $program is missing (Debian's redis-server and nginx): cluster figures skipped"
    exit 0
  fi
done

# Build output goes to stderr: stdout carries only figures and notes.
dotnet build "$root/src/CommandCenter" -c Release --nologo -v q -clp:ErrorsOnly >&2
dotnet build "$root/tests/LoadGen" -c Release --nologo -v q -clp:ErrorsOnly >&2
BENCH_PG_DURABLE=1 bench_postgres_ensure
if [[ -z "${CC_TEST_DB:-}" ]]; then
  echo "# no PostgreSQL + PostGIS to write to: cluster figures skipped"
  exit 0
fi
dotnet "$root/tests/LoadGen/bin/Release/net10.0/CommandCenter.LoadGen.dll" cluster "$@" \
  --app "$root/src/CommandCenter/bin/Release/net10.0/CommandCenter.dll"
