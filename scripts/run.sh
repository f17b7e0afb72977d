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

# DCP's controller (`dcp run-controllers`) works through DCP's API server. Once that has exited, in a stop, every
# resource is gone and the controller has nothing left to do, but on its own it takes seconds to notice; signalled, it
# exits in about 0.5 s, while the AppHost finishes its own stop.
stop_orphaned_controller() {
  if ! pgrep -f -- "start-apiserver .*--kubeconfig $1" >/dev/null; then
    pkill -TERM -f -- "dcp run-controllers --kubeconfig $1" || true
  fi
}

dotnet run --project Shop.AppHost --launch-profile http "$@" &
apphost_run=$!
stopping=false
trap 'stopping=true; kill -TERM "$apphost_run" 2>/dev/null || true' INT TERM

dcp_session=""
controller=""
while kill -0 "$apphost_run" 2>/dev/null; do
  [ -n "$dcp_session" ] || dcp_session=$(dcp_session_of "$apphost_run")
  if [ -n "$dcp_session" ] && [ -z "$controller" ]; then
    controller=$(pgrep -f -- "dcp run-controllers --kubeconfig $dcp_session" | head -n 1) || true
  fi
  if $stopping && [ -n "$dcp_session" ]; then
    stop_orphaned_controller "$dcp_session"
  fi
  # A background sleep, because `wait` returns as soon as a signal arrives and a foreground sleep would delay the stop.
  if $stopping; then sleep 0.1 & else sleep 0.5 & fi
  wait $! || true
done
status=0
wait "$apphost_run" || status=$?

# What is left of the session: the processes that carry its kubeconfig path, and the watchdogs (`dcp monitor-process`)
# the controller ran beside each resource, which name the controller's pid instead.
session_processes() {
  pgrep -f -- "$dcp_session"
  if [ -n "$controller" ]; then pgrep -f -- "monitor-process .*--monitor $controller " || true; fi
}

if [ -n "$dcp_session" ]; then
  waited=0
  while [ -n "$(session_processes)" ]; do
    # The AppHost waited for its resources' cleanup (DcpPublisher:WaitForResourceCleanup) and DCP's API server exits
    # before it, so this also covers an AppHost that stopped by itself, without a signal to this script.
    stop_orphaned_controller "$dcp_session"
    # A watchdog outlives its controller by up to 0.3 s, though its resource is long gone.
    if [ -n "$controller" ] && ! kill -0 "$controller" 2>/dev/null; then
      pkill -TERM -f -- "monitor-process .*--monitor $controller " || true
    fi
    if [ "$waited" -ge 300 ]; then
      echo "Still running 30 s after the AppHost exited:" >&2
      ps -o pid=,args= -p "$(session_processes | paste -sd,)" >&2
      exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
fi
exit "$status"
