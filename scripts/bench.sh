#!/usr/bin/env bash
# Shop's benchmark suite (bench/README.md): gateway overhead against direct and nginx, the order pipeline at stepped
# rates, PostgreSQL's own bound and one order's transaction count, start-up, memory, and a broker outage under load.
#
#   scripts/bench.sh           full run, Release build, about 7 minutes on 2 cores: bench/results/latest.{md,json}
#   scripts/bench.sh --quick   harness check for CI (under 90 s after the build): bench/results/quick/, fails if an
#                              order is lost, stuck or confirmed twice; its numbers say nothing about speed
#
# Stop a running Shop first: start-up is measured with scripts/run.sh, which uses the dashboard's fixed ports.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prerequisites.sh

quick=false
case "${1:-}" in
  --quick) quick=true ;;
  "") ;;
  *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
esac

# The benchmark runs local mode only (its figures are local mode's), whatever engine the machine has.
shop_ensure_dotnet
shop_ensure_local_binaries

# The load tools and the reference proxy, from Debian like the servers.
missing=()
for tool in wrk nginx pgbench curl; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  packages=()
  for tool in "${missing[@]}"; do
    case "$tool" in
      pgbench) packages+=(postgresql-contrib) ;;
      *) packages+=("$tool") ;;
    esac
  done
  shop_apt_install "The benchmark needs its load tools" "${packages[@]}"
fi

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    ss -ltn "sport = :$port" | grep -q LISTEN || { echo "$port"; return; }
  done
}

seconds_since() { echo "scale=1; ($(date +%s%N) - $1) / 1000000000" | bc; }

# Start-up as a developer sees it: scripts/run.sh (local mode) on a warm build, until the gateway answers, then until every
# service answers through it. The gateway starts only after all five services report healthy (WaitFor). Until then
# DCP's proxy accepts connections on the gateway's port and never answers, hence curl's --max-time.
measure_startup() {
  local output=$1 port data log started pid gateway_ready all_ready service ready
  dotnet build Shop.AppHost --nologo -v quiet >/dev/null
  port=$(free_port)
  # A path the AppHost creates itself: mktemp's 0700 directory would shut out the postgres user.
  data="${TMPDIR:-/tmp}/shop-bench-startup-$$"
  log=$(mktemp)
  started=$(date +%s%N)
  Shop__Infrastructure=local Shop__GatewayPort=$port Shop__DataDirectory=$data Shop__EphemeralData=true scripts/run.sh >"$log" 2>&1 &
  pid=$!
  gateway_ready=""
  all_ready=""
  while [ $(( ($(date +%s%N) - started) / 1000000000 )) -lt 120 ]; do
    if [ -z "$gateway_ready" ] && curl -sf --max-time 2 -o /dev/null "http://127.0.0.1:$port/api/v1/products?page=1&pageSize=1"; then
      gateway_ready=$(seconds_since "$started")
    fi
    if [ -n "$gateway_ready" ]; then
      ready=true
      for service in users inventory orders payments notifications; do
        curl -sf --max-time 2 -o /dev/null "http://127.0.0.1:$port/openapi/$service.json" || { ready=false; break; }
      done
      if $ready; then
        all_ready=$(seconds_since "$started")
        break
      fi
    fi
    sleep 0.1
  done
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  if [ -z "$all_ready" ]; then
    echo "scripts/run.sh did not become ready within 2 minutes; its output:" >&2
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
  printf '{"gatewayReadySeconds": %s, "allServicesReadySeconds": %s}\n' "$gateway_ready" "$all_ready" >"$output"
  echo "Start-up: gateway ready after ${gateway_ready} s, every service through it after ${all_ready} s."
}

if $quick; then
  # Debug: the build the tests already made. Quick mode checks the harness and that no order is lost, not speed.
  exec dotnet run --project bench/Shop.Bench -c Debug -- --quick --output bench/results/quick
fi

startup=$(mktemp)
trap 'rm -f "$startup"' EXIT
measure_startup "$startup"
dotnet run --project bench/Shop.Bench -c Release -- --output bench/results --startup "$startup"
