#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server in a temporary directory on a free loopback port and prints its URL.
# Usage: eval "$(scripts/throwaway-postgres.sh start)"   → exports DATABASE_URL and PG_THROWAWAY_DIR
#        scripts/throwaway-postgres.sh stop "$PG_THROWAWAY_DIR"
#        eval "$(scripts/throwaway-postgres.sh replica "$DATABASE_URL")"   → a streaming replica of that server:
#          exports DATABASE_REPLICA_URL and PG_REPLICA_DIR (stop it the same way)
set -euo pipefail

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ]; then echo "No PostgreSQL server found under /usr/lib/postgresql" >&2; exit 1; fi
  echo "$dir"
}

as_server_user() {
  # The server refuses to run as root.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

case "${1:-}" in
  start)
    bin=$(pg_bin)
    dir=$(mktemp -d /tmp/adempauze-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(free_port)
    as_server_user "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
    echo "export PG_THROWAWAY_DIR=$dir"
    ;;
  replica)
    primary=${2:?primary URL}
    hostport=${primary#postgres://postgres@}; hostport=${hostport%%/*}
    bin=$(pg_bin)
    dir=$(mktemp -d /tmp/adempauze-pg-replica.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(free_port)
    as_server_user "$bin/pg_basebackup" -h "${hostport%%:*}" -p "${hostport##*:}" -U postgres -D "$dir/data" -R -X stream >"$dir/basebackup.log" 2>&1 \
      || { cat "$dir/basebackup.log" >&2; exit 1; }
    as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c hot_standby=on" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "export DATABASE_REPLICA_URL=postgres://postgres@127.0.0.1:$port/postgres"
    echo "export PG_REPLICA_DIR=$dir"
    ;;
  stop)
    dir=${2:?directory}
    as_server_user "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
