#!/usr/bin/env bash
# A throw-away PostgreSQL 15 server for `npm run bench -- --db postgres` on a machine without one.
#   scripts/bench/postgres-local.sh start   # installs Debian's postgresql if needed, prints the DB_* to export
#   scripts/bench/postgres-local.sh stop    # stops it and deletes its data
# Trust authentication on 127.0.0.1 only: it is a bench fixture, not a server to keep.
set -euo pipefail
PORT="${PGBENCH_PORT:-54329}"
DATA="${PGBENCH_DATA:-/tmp/webhook-bench-pg}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "${1:-start}" in
  start)
    if [ -z "$BIN" ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    fi
    if [ ! -f "$DATA/PG_VERSION" ]; then
      mkdir -p "$DATA"
      [ "$(id -u)" = 0 ] && chown postgres "$DATA"
      as_postgres "$BIN/initdb -A trust -U postgres -D $DATA" >/dev/null
    fi
    if ! as_postgres "$BIN/pg_ctl -D $DATA status" >/dev/null 2>&1; then
      as_postgres "$BIN/pg_ctl -D $DATA -l $DATA/server.log -w -o '-p $PORT -c listen_addresses=127.0.0.1 -k /tmp' start" >/dev/null
    fi
    as_postgres "$BIN/psql -h 127.0.0.1 -p $PORT -U postgres -tAc \"SELECT 1 FROM pg_database WHERE datname='nocobase'\"" | grep -q 1 ||
      as_postgres "$BIN/createdb -h 127.0.0.1 -p $PORT -U postgres nocobase"
    echo "export DB_HOST=127.0.0.1 DB_PORT=$PORT DB_DATABASE=nocobase DB_USER=postgres DB_PASSWORD="
    ;;
  stop)
    [ -n "$BIN" ] && [ -d "$DATA" ] && as_postgres "$BIN/pg_ctl -D $DATA -m fast stop" >/dev/null 2>&1 || true
    rm -rf "$DATA"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
