# Sourced by run.sh for `--nodes N`: Redis, N app nodes and nginx on loopback, with run.sh's database,
# build and settings. The nodes listen on the ports after the public one; nginx takes the public address.
# What run.sh's stop_all ends: REDIS_PID, NODE_PIDS, NGINX_PID.

# nginx reaches the nodes from this loopback address of its own: the nodes believe forwarded headers from
# it alone, so a client on the machine that connects to a node directly cannot pose as someone else.
CLUSTER_PROXY_ADDRESS=127.0.0.2

wait_for_port() {
  local port="$1" what="$2" pid="$3" tries=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "run.sh: $what stopped while starting" >&2; return 1; }
    tries=$((tries + 1))
    [ "$tries" -lt 600 ] || { echo "run.sh: $what did not listen on $port within 5 minutes" >&2; return 1; }
    sleep 0.5
  done
}

# Whether a node answers GET /healthz with 200 (plain bash: no HTTP client is needed on the machine).
healthy() {
  local port="$1" status
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET /healthz HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  read -r -t 10 _ status _ <&3 || status=""
  exec 3<&- 3>&-
  [ "$status" = 200 ]
}

wait_for_health() {
  local port="$1" what="$2" pid="$3" tries=0
  until healthy "$port" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "run.sh: $what stopped while starting" >&2; return 1; }
    tries=$((tries + 1))
    [ "$tries" -lt 600 ] || { echo "run.sh: $what did not answer /healthz on $port within 5 minutes" >&2; return 1; }
    sleep 0.5
  done
}

start_redis() {
  local port="${CC_REDIS_PORT:-56379}"
  mkdir -p "$DATA/redis"
  log "starting Redis on 127.0.0.1:$port"
  # No persistence: Redis only carries the hubs' fan-out; PostgreSQL holds everything that must last.
  /usr/bin/redis-server --port "$port" --bind 127.0.0.1 --dir "$DATA/redis" --save "" --appendonly no \
    --daemonize no --loglevel warning > "$DATA/redis/redis.log" 2>&1 &
  REDIS_PID=$!
  wait_for_port "$port" Redis "$REDIS_PID"
  export Live__Redis="127.0.0.1:$port"
}

# Node i (from 1) on the i-th port after the public one; the first seeds and runs the simulator.
start_node() {
  local index="$1" port="$2"
  shift 2
  local simulator=false
  [ "$SITE" = true ] || [ "$index" != 1 ] || simulator=true
  (
    cd "$DATA/app"
    export ASPNETCORE_URLS="http://127.0.0.1:$port"
    export Proxy__KnownProxies__0="$CLUSTER_PROXY_ADDRESS"
    export Demo__Simulator="$simulator"
    # Each subject's rules on exactly one node: the same number of partitions on every node (docs/architecture.md).
    export Ingest__Partitions="${Ingest__Partitions:-64}"
    # Each node draws its own test cards: a camera's link is served by whichever node the viewer is on.
    [ "$SITE" = true ] || export Demo__Video__Folder="$DATA/demo-video-node$index"
    exec dotnet CommandCenter.dll "$@"
  ) > "$DATA/node$index.log" 2>&1 &
  NODE_PIDS+=($!)
  wait_for_health "$port" "node $index (log: $DATA/node$index.log)" "$!"
}

start_nginx() {
  local listen="$1"
  shift
  local folder="$DATA/nginx" arguments=() port
  mkdir -p "$folder/temp"
  for port in "$@"; do arguments+=(--node "127.0.0.1:$port"); done
  bash "$ROOT/deploy/local/nginx-cluster.sh" --dir "$folder" --listen "$listen" --bind "$CLUSTER_PROXY_ADDRESS" \
    "${arguments[@]}" > "$folder/nginx.conf"
  log "starting nginx on $listen"
  /usr/sbin/nginx -p "$folder" -c "$folder/nginx.conf" &
  NGINX_PID=$!
  wait_for_port "${listen##*:}" nginx "$NGINX_PID"
}

run_cluster() {
  local authority="${URLS#*://}"
  authority="${authority%%/*}"
  local public_port="${authority##*:}" ports=() index
  NODE_PIDS=()
  start_redis
  for index in $(seq 1 "$NODES"); do ports+=($((public_port + index))); done
  # The first node migrates and seeds alone; the others start on the finished database.
  for index in $(seq 1 "$NODES"); do
    log "starting node $index on 127.0.0.1:${ports[index - 1]}"
    start_node "$index" "${ports[index - 1]}" "$@"
  done
  start_nginx "$authority" "${ports[@]}"
  if [ "$SITE" = true ]; then
    log "serving an empty site on $URLS through nginx ($NODES nodes): sign in as '$admin' and follow the checklist at $URLS/site"
  else
    log "serving on $URLS through nginx ($NODES nodes; demo accounts: $DATA/demo-accounts.txt; node logs: $DATA/node*.log)"
  fi
  # Ends when any of them does; stop_all (run.sh's EXIT trap) then stops the rest.
  wait -n "$NGINX_PID" "$REDIS_PID" "${NODE_PIDS[@]}" || true
}
