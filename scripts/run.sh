#!/usr/bin/env bash
# Starts the whole Shop (infrastructure, five services, gateway on http://localhost:8000, dashboard on
# http://localhost:15888) after making sure its prerequisites exist. Ctrl+C or SIGTERM stops everything, and the script
# returns only once every process it started has exited, so a new start never races the old one for ports or data.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prerequisites.sh

shop_ensure_prerequisites

# The AppHost's orchestrator (DCP) runs detached from it and exits last, after every process it runs (services,
# PostgreSQL, RabbitMQ, the dashboard). Its processes carry their session's kubeconfig path on the command line, which
# is how this script knows what to wait for. Prints that path once DCP runs (nothing before).
dcp_session_of() {
  local apphost apiserver
  apphost=$(pgrep -P "$1" | head -n 1) || return 0
  apiserver=$(pgrep -f -- "start-apiserver --monitor $apphost " | head -n 1) || return 0
  ps -o args= -p "$apiserver" | sed -n 's/.*--kubeconfig \([^ ]*\).*/\1/p'
}

dotnet run --project Shop.AppHost --launch-profile http "$@" &
apphost_run=$!
trap 'kill -TERM "$apphost_run" 2>/dev/null || true' INT TERM

dcp_session=""
while kill -0 "$apphost_run" 2>/dev/null; do
  [ -n "$dcp_session" ] || dcp_session=$(dcp_session_of "$apphost_run")
  # A background sleep, because `wait` returns as soon as a signal arrives and a foreground sleep would delay the stop.
  sleep 0.5 &
  wait $! || true
done
status=0
wait "$apphost_run" || status=$?

if [ -n "$dcp_session" ]; then
  waited=0
  # pgrep -c prints the count and fails when it is 0.
  while remaining=$(pgrep -c -f -- "$dcp_session"); do
    # The AppHost waited for its resources' cleanup (DcpPublisher:WaitForResourceCleanup), so once DCP's controller is
    # all that is left it has nothing more to stop; on its own it lingers about 2 s before it notices its AppHost is gone.
    if [ "$remaining" -eq 1 ]; then
      pkill -TERM -f -- "dcp run-controllers --kubeconfig $dcp_session" || true
    fi
    if [ "$waited" -ge 300 ]; then
      echo "Still running 30 s after the AppHost exited:" >&2
      pgrep -a -f -- "$dcp_session" >&2
      exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
fi
exit "$status"
