#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL server on loopback, with DB_* set for NocoBase.
#   scripts/with-postgres.sh npm run test:postgres
# Installs Debian's postgresql if it is missing; the data folder is removed afterwards.
set -euo pipefail
PORT=${PGPORT_WEBHOOK:-54329}

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi
BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")

DATA=$(mktemp -d /tmp/webhook-pg-XXXXXX)
chmod 755 "$DATA"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$DATA"

cleanup() {
  as_pg "$BIN/pg_ctl" -D "$DATA/db" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap cleanup EXIT

as_pg "$BIN/initdb" -A trust -U postgres -D "$DATA/db" >/dev/null
as_pg "$BIN/pg_ctl" -D "$DATA/db" -l "$DATA/server.log" -w \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DATA -c max_connections=300" start >/dev/null
as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres nocobase

export DB_DIALECT=postgres DB_HOST=127.0.0.1 DB_PORT=$PORT DB_DATABASE=nocobase DB_USER=postgres DB_PASSWORD=
"$@"
