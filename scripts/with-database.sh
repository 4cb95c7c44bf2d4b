#!/usr/bin/env bash
# Runs a command with DB_* set for NocoBase on PostgreSQL or MySQL/MariaDB:
#   scripts/with-database.sh postgres npm run test:postgres
#   scripts/with-database.sh mysql npm run test:mysql
# DB_HOST already set: used as it is. Otherwise the machine's own server on its standard loopback
# port (PostgreSQL 5432 as `postgres` with trust auth, MariaDB 3306 as `root` without password) is
# used when it answers; when it does not (or WEBHOOK_THROWAWAY_DB=1), a throw-away server is
# installed from Debian's packages if needed, started on another port and removed afterwards.
set -euo pipefail
DIALECT=${1:?usage: with-database.sh postgres|mysql command...}
shift

# shellcheck source=throwaway-service.sh
source "$(dirname "$0")/throwaway-service.sh"
as_user() { local user=$1; shift; if [ "$(id -u)" = 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi; }

start_postgres() {
  local port=${PGPORT_WEBHOOK:-54329}
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then apt_install postgresql; fi
  local bin
  bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
  DATA=$(mktemp -d /tmp/webhook-pg-XXXXXX)
  chmod 755 "$DATA"
  [ "$(id -u)" = 0 ] && chown postgres "$DATA"
  as_user postgres "$bin/initdb" -A trust -U postgres -D "$DATA/db" >/dev/null
  STOP_SERVER="as_user postgres '$bin/pg_ctl' -D '$DATA/db' -m fast stop"
  as_user postgres "$bin/pg_ctl" -D "$DATA/db" -l "$DATA/server.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $DATA -c max_connections=300" start >/dev/null
  PORT=$port
}

stop_mariadb() {
  kill "$(cat "$DATA/mysqld.pid")"
  for _ in $(seq 1 100); do port_open "$1" || return 0; sleep 0.2; done
}

start_mariadb() {
  local port=${MYSQLPORT_WEBHOOK:-33069}
  if ! command -v mariadbd >/dev/null 2>&1; then apt_install mariadb-server; fi
  DATA=$(mktemp -d /tmp/webhook-mariadb-XXXXXX)
  chmod 755 "$DATA"
  [ "$(id -u)" = 0 ] && chown mysql "$DATA"
  as_user mysql mariadb-install-db --datadir="$DATA/db" --auth-root-authentication-method=normal \
    --skip-test-db >/dev/null
  # A throw-away server on loopback only: no grant tables, so root connects without a password.
  as_user mysql mariadbd --datadir="$DATA/db" --port="$port" --bind-address=127.0.0.1 \
    --socket="$DATA/mysqld.sock" --pid-file="$DATA/mysqld.pid" --skip-grant-tables \
    --max-connections=300 --log-error="$DATA/server.log" 2>>"$DATA/server.log" &
  STOP_SERVER="stop_mariadb $port"
  wait_for_port "$port" || { cat "$DATA/server.log" >&2; exit 1; }
  PORT=$port
}

if [ -z "${DB_HOST:-}" ]; then
  case "$DIALECT" in
    postgres)
      if [ -z "${WEBHOOK_THROWAWAY_DB:-}" ] && port_open 5432; then PORT=5432; else start_postgres; fi
      export DB_DIALECT=postgres DB_HOST=127.0.0.1 DB_PORT=$PORT DB_DATABASE=postgres DB_USER=postgres DB_PASSWORD=
      ;;
    mysql | mariadb)
      if [ -z "${WEBHOOK_THROWAWAY_DB:-}" ] && port_open 3306; then PORT=3306; else start_mariadb; fi
      export DB_DIALECT=mysql DB_HOST=127.0.0.1 DB_PORT=$PORT DB_DATABASE=mysql DB_USER=root DB_PASSWORD=
      ;;
    *)
      echo "with-database.sh: unknown dialect $DIALECT (postgres or mysql)" >&2
      exit 2
      ;;
  esac
fi
"$@"
