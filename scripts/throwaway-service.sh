# Sourced by with-database.sh and with-redis.sh: what both need to use the machine's own server
# or start a throw-away one and remove it when the command ends.

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Polls up to 20 s for a server to listen on the port.
wait_for_port() { for _ in $(seq 1 100); do port_open "$1" && return 0; sleep 0.2; done; return 1; }

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "$@" >/dev/null
}

# A started server's stop command and its data folder, both undone however the command ends.
DATA=""
STOP_SERVER=""
cleanup() {
  if [ -n "$STOP_SERVER" ]; then eval "$STOP_SERVER" >/dev/null 2>&1 || true; fi
  if [ -n "$DATA" ]; then rm -rf "$DATA"; fi
}
trap cleanup EXIT
