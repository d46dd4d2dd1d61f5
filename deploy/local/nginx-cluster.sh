#!/usr/bin/env bash
# Prints an nginx configuration for app nodes on one machine (what `./run.sh --nodes N` and its tests run):
#   nginx-cluster.sh --dir DIR --listen 127.0.0.1:5080 --bind 127.0.0.2 --node 127.0.0.1:5081 --node ... [--access-log FILE]
# DIR holds nginx's pid, error log and temp files; --bind is the loopback address nginx reaches the nodes
# from (the one address the nodes believe X-Forwarded-For from); --access-log records, per request, which
# node served it. One nginx process in the foreground, stopped with TERM.
#
# Sticky sessions without the commercial `sticky` directive: a Blazor circuit and a SignalR connection live
# in one node's memory, and the negotiate request, the WebSocket after it and every later request of the
# page must reach that node. `ip_hash` would send everyone on one address (a county's intranet behind one
# NAT, every client on loopback) to one node, so the key is a cookie instead: a first request, without
# it, is hashed on its random request id, and the answer sets that id as the cookie, so every later request
# hashes to the same node. `consistent` keeps most clients where they are when a node leaves or returns.
# Devices' fixes carry no session: ingest goes to the least busy node, any node accepting any fix.
set -euo pipefail

dir="" listen="" bind="" access_log="" nodes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --listen) listen="$2"; shift 2 ;;
    --bind) bind="$2"; shift 2 ;;
    --node) nodes+=("$2"); shift 2 ;;
    --access-log) access_log="$2"; shift 2 ;;
    *) echo "nginx-cluster.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$dir" ] || [ -z "$listen" ] || [ ${#nodes[@]} -eq 0 ]; then
  echo "usage: nginx-cluster.sh --dir DIR --listen HOST:PORT [--bind ADDRESS] --node HOST:PORT... [--access-log FILE]" >&2
  exit 2
fi

servers() {
  local node
  # A node that refuses a connection is left alone for 10 s; its requests go to the next one meanwhile.
  for node in "${nodes[@]}"; do printf '        server %s max_fails=1 fail_timeout=10s;\n' "$node"; done
}

bind_line=""
[ -z "$bind" ] || bind_line="proxy_bind $bind;"
log_line="access_log off;"
[ -z "$access_log" ] || log_line="access_log $access_log node;"

cat <<CONF
daemon off;
master_process off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }

http {
    log_format node '\$upstream_addr \$status \$request_method \$uri \$cookie_cc_node';
    $log_line
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;

    # A WebSocket is upgraded; any other request keeps its connection to the node open for the next one.
    map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }

    # The affinity key: the cookie, or for a first request its own random id, which the answer then sets.
    map \$cookie_cc_node \$cc_node { '' \$request_id; default \$cookie_cc_node; }
    map \$cookie_cc_node \$cc_node_cookie { '' 'cc_node=\$request_id; Path=/; HttpOnly; SameSite=Lax'; default ''; }

    upstream cc_sticky {
        hash \$cc_node consistent;
$(servers)
        keepalive 32;
    }

    upstream cc_any {
        least_conn;
$(servers)
        keepalive 64;
    }

    server {
        listen $listen;
        # Ingest batches are up to 1 MB; a photo from the scene up to 5 MB with its form.
        client_max_body_size 6m;
        proxy_http_version 1.1;
        proxy_set_header Host \$http_host;
        # The nodes believe these only from the --bind address; they take the rightmost address nginx appends.
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto \$scheme;
        proxy_connect_timeout 2s;
        $bind_line

        location / {
            proxy_pass http://cc_sticky;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \$connection_upgrade;
            # The wall keeps its connections open for weeks.
            proxy_read_timeout 1h;
            proxy_send_timeout 1h;
            # Empty (not sent) when the request already carries the cookie.
            add_header Set-Cookie \$cc_node_cookie always;
        }

        # A fix is stored once however often it is sent (a resent fix is a duplicate of its device and time),
        # so a batch a dead node never answered is sent on to the next node rather than refused.
        location = /api/v1/positions {
            proxy_pass http://cc_any;
            proxy_set_header Connection '';
            proxy_next_upstream error timeout http_502 http_503 non_idempotent;
            proxy_next_upstream_tries 3;
        }

        location = /osmand {
            proxy_pass http://cc_any;
            proxy_set_header Connection '';
            proxy_next_upstream error timeout http_502 non_idempotent;
            proxy_next_upstream_tries 3;
        }
    }
}
CONF
