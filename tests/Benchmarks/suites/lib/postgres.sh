# Sourced by benchmark suites that compare with PostGIS. `bench_postgres_ensure` keeps CC_TEST_DB when
# it is set; otherwise it starts a throwaway PostgreSQL + PostGIS cluster on a free local port, exports
# CC_TEST_DB for it, and removes it when the suite exits. When no server can be had it says so and
# leaves CC_TEST_DB unset, and the suite skips its PostGIS figures. The cluster trades durability for
# speed (fsync off) unless BENCH_PG_DURABLE=1, which a suite measuring writes should set.

bench_pg_dir=""
bench_pg_bin=""
bench_pg_runas=()

bench_postgres_ensure() {
  if [[ -n "${CC_TEST_DB:-}" ]]; then
    return 0
  fi

  bench_pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [[ -z "$bench_pg_bin" ]]; then
    echo "# no PostgreSQL server is installed: PostGIS figures skipped"
    return 0
  fi

  local major extension_dir
  major="$(basename "$(dirname "$bench_pg_bin")")"
  extension_dir="/usr/share/postgresql/$major/extension"
  if [[ ! -f "$extension_dir/postgis.control" && "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    # Root on Debian, as CI is: bring PostGIS in the ordinary way.
    apt-get install -y -q "postgresql-$major-postgis-3" >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "postgresql-$major-postgis-3" >/dev/null 2>&1; } \
      || true
  fi
  if [[ ! -f "$extension_dir/postgis.control" ]]; then
    echo "# PostGIS is not installed: PostGIS figures skipped"
    return 0
  fi

  bench_pg_dir="$(mktemp -d /tmp/cc-bench-pg.XXXXXX)"
  mkdir -p "$bench_pg_dir/data" "$bench_pg_dir/socket"
  if [[ "$(id -u)" == 0 ]]; then
    # initdb and postgres refuse to run as root.
    chown -R postgres:postgres "$bench_pg_dir"
    bench_pg_runas=(runuser -u postgres --)
  fi
  trap bench_postgres_stop EXIT

  local port
  port="$(bench_free_port)"
  "${bench_pg_runas[@]}" "$bench_pg_bin/initdb" -D "$bench_pg_dir/data" -A trust -U postgres --no-sync >/dev/null
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  if [[ "${BENCH_PG_DURABLE:-0}" == 1 ]]; then
    # Durable, with the WAL room a write-heavy site gives itself: at the defaults (1 GB) a checkpoint,
    # and the full-page writes after it, would come every minute or so under 10,000 rows a second.
    durability="-c max_wal_size=8GB -c checkpoint_timeout=15min -c checkpoint_completion_target=0.9"
  fi
  "${bench_pg_runas[@]}" "$bench_pg_bin/pg_ctl" -D "$bench_pg_dir/data" -l "$bench_pg_dir/server.log" -w \
    -o "-k $bench_pg_dir/socket -p $port -c listen_addresses=127.0.0.1 -c max_connections=200 $durability" \
    start >/dev/null
  "$bench_pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qAt -c "CREATE DATABASE bench" >/dev/null
  export CC_TEST_DB="Host=127.0.0.1;Port=$port;Username=postgres;Database=bench"
}

bench_postgres_stop() {
  if [[ -n "$bench_pg_dir" ]]; then
    "${bench_pg_runas[@]}" "$bench_pg_bin/pg_ctl" -D "$bench_pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$bench_pg_dir"
    bench_pg_dir=""
  fi
}

bench_free_port() {
  local port
  for port in $(seq 55500 55599); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "bench: no free port in 55500-55599" >&2
  return 1
}
