#!/usr/bin/env bash
# Runs Shop's private RabbitMQ node for local infrastructure mode (docs/architecture.md). Everything the node writes
# (cookie, mnesia, config) lives in SHOP_RABBITMQ_HOME; it listens on loopback only, with its own epmd on an
# Aspire-allocated port, which this script stops when the node exits. The AppHost stops it with SIGTERM.
set -euo pipefail

: "${SHOP_RABBITMQ_SERVER:?}" "${SHOP_RABBITMQ_HOME:?}" "${SHOP_RABBITMQ_PORT:?}" "${SHOP_RABBITMQ_DIST_PORT:?}"
: "${SHOP_EPMD_PORT:?}" "${SHOP_RABBITMQ_DEFINITIONS:?}"

epmd=$(command -v epmd || true)
if [ -z "$epmd" ]; then
  echo "epmd (Erlang) not found. Install RabbitMQ with: sudo apt-get install -y rabbitmq-server" >&2
  exit 1
fi

export HOME="$SHOP_RABBITMQ_HOME"
mkdir -p "$HOME/mnesia" "$HOME/log"
umask 077
if [ ! -s "$HOME/.erlang.cookie" ]; then
  head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$HOME/.erlang.cookie"
fi
chmod 400 "$HOME/.erlang.cookie"

# The AppHost's definitions (the administrator, one user per service, the shop.events exchange) are imported at every
# boot, so changed passwords apply; a node with definitions to load creates no guest user.
printf '%s\n' "$SHOP_RABBITMQ_DEFINITIONS" >"$HOME/definitions.json"
cat >"$HOME/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$SHOP_RABBITMQ_PORT
load_definitions = $HOME/definitions.json
log.console = true
log.console.level = info
log.file = false
CONF
echo '[].' >"$HOME/enabled_plugins"

export RABBITMQ_NODENAME=shop@localhost
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$SHOP_RABBITMQ_PORT"
export RABBITMQ_DIST_PORT="$SHOP_RABBITMQ_DIST_PORT"
export RABBITMQ_CONFIG_FILE="$HOME/rabbitmq.conf"
export RABBITMQ_ENABLED_PLUGINS_FILE="$HOME/enabled_plugins"
export RABBITMQ_MNESIA_BASE="$HOME/mnesia"
export RABBITMQ_LOG_BASE="$HOME/log"
export RABBITMQ_PID_FILE="$HOME/rabbitmq.pid"
export ERL_EPMD_PORT="$SHOP_EPMD_PORT"
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"

"$epmd" -port "$SHOP_EPMD_PORT" -address 127.0.0.1 &
epmd_pid=$!

"$SHOP_RABBITMQ_SERVER" &
server=$!
trap 'kill -TERM "$server" 2>/dev/null || true' TERM INT

set +e
wait "$server"
status=$?
while kill -0 "$server" 2>/dev/null; do
  wait "$server"
  status=$?
done
kill "$epmd_pid" 2>/dev/null
wait "$epmd_pid" 2>/dev/null
exit "$status"
