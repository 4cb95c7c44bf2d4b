#!/usr/bin/env bash
# Runs a command with CACHE_REDIS_URL set, for NocoBase's cache (and so the webhook rate limit's
# counter) on Redis:  scripts/with-redis.sh npm run test:cluster
# CACHE_REDIS_URL already set: used as it is. Otherwise the machine's Redis on 127.0.0.1:6379 is
# used (database 7, emptied first) when it answers; when it does not (or WEBHOOK_THROWAWAY_REDIS=1),
# a throw-away server is installed from Debian's packages if needed, started on another port with
# nothing kept on disk, and stopped afterwards.
set -euo pipefail

# shellcheck source=throwaway-service.sh
source "$(dirname "$0")/throwaway-service.sh"

# FLUSHDB on one database, spoken in Redis's own protocol so that no client needs installing.
flush_database() {
  local port=$1 db=$2
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf '*2\r\n$6\r\nSELECT\r\n$%s\r\n%s\r\n*1\r\n$7\r\nFLUSHDB\r\n' "${#db}" "$db" >&3
  head -c 10 <&3 >/dev/null || true
  exec 3>&-
}

if [ -z "${CACHE_REDIS_URL:-}" ]; then
  if [ "${WEBHOOK_THROWAWAY_REDIS:-}" != 1 ] && port_open 6379; then
    flush_database 6379 7
    export CACHE_REDIS_URL=redis://127.0.0.1:6379/7
  else
    port=${REDISPORT_WEBHOOK:-63799}
    if ! command -v redis-server >/dev/null 2>&1; then apt_install redis-server; fi
    DATA=$(mktemp -d /tmp/webhook-redis-XXXXXX)
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$DATA" \
      --daemonize yes --pidfile "$DATA/redis.pid" --logfile "$DATA/redis.log"
    STOP_SERVER="kill \$(cat '$DATA/redis.pid')"
    wait_for_port "$port"
    export CACHE_REDIS_URL=redis://127.0.0.1:$port/0
  fi
fi
echo "[with-redis] CACHE_REDIS_URL=$CACHE_REDIS_URL"
"$@"
