#!/usr/bin/env bash
# Runs a command with CACHE_REDIS_URL set, for NocoBase's cache (and so the webhook rate limit's
# counter) on Redis:  scripts/with-redis.sh npm run test:cluster
# CACHE_REDIS_URL already set: used as it is. Otherwise the machine's Redis on 127.0.0.1:6379 is
# used (database 7, emptied first) when it answers; when it does not (or WEBHOOK_THROWAWAY_REDIS=1),
# a throw-away server is installed from Debian's packages if needed, started on another port with
# nothing kept on disk, and stopped afterwards.
set -euo pipefail

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# FLUSHDB on one database, spoken in Redis's own protocol so that no client needs installing.
flush_database() {
  local port=$1 db=$2
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf '*2\r\n$6\r\nSELECT\r\n$%s\r\n%s\r\n*1\r\n$7\r\nFLUSHDB\r\n' "${#db}" "$db" >&3
  head -c 10 <&3 >/dev/null || true
  exec 3>&-
}

STOP_SERVER=""
DATA=""
cleanup() {
  if [ -n "$STOP_SERVER" ]; then eval "$STOP_SERVER" >/dev/null 2>&1 || true; fi
  if [ -n "$DATA" ]; then rm -rf "$DATA"; fi
}
trap cleanup EXIT

if [ -z "${CACHE_REDIS_URL:-}" ]; then
  if [ "${WEBHOOK_THROWAWAY_REDIS:-}" != 1 ] && port_open 6379; then
    flush_database 6379 7
    export CACHE_REDIS_URL=redis://127.0.0.1:6379/7
  else
    port=${REDISPORT_WEBHOOK:-63799}
    if ! command -v redis-server >/dev/null 2>&1; then
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq && apt-get install -y -qq redis-server >/dev/null
    fi
    DATA=$(mktemp -d /tmp/webhook-redis-XXXXXX)
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$DATA" \
      --daemonize yes --pidfile "$DATA/redis.pid" --logfile "$DATA/redis.log"
    STOP_SERVER="kill \$(cat '$DATA/redis.pid')"
    for _ in $(seq 1 50); do port_open "$port" && break; sleep 0.2; done
    export CACHE_REDIS_URL=redis://127.0.0.1:$port/0
  fi
fi
echo "[with-redis] CACHE_REDIS_URL=$CACHE_REDIS_URL"
"$@"
