#!/usr/bin/env bash
# Shop's benchmark suite (bench/README.md): gateway overhead against direct and nginx, the order pipeline at stepped
# rates, PostgreSQL's own bound and one order's transaction count, start-up (first requests, stop), memory, and a broker
# outage under load. A soak instead runs steady load for minutes and watches what grows.
#
#   scripts/bench.sh                   full run, Release build, about 7 minutes on 2 cores: bench/results/latest.{md,json}
#   scripts/bench.sh --quick           harness check for CI (under 90 s after the build): bench/results/quick/, fails if
#                                      an order is lost, stuck or confirmed twice; its numbers say nothing about speed
#   scripts/bench.sh --soak [MINUTES]  soak (default 15 minutes, plus about 2 for start and drain), Release build:
#                                      bench/results/soak.{md,json}; fails on a lost, stuck or duplicated order, any
#                                      retry or dead letter, or growth of tables, memory or logs (bench/README.md, "Soak")
#
# Stop a running Shop first: start-up is measured with scripts/run.sh, which uses the dashboard's fixed ports.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prerequisites.sh

usage="usage: $0 [--quick | --soak [MINUTES]]"
quick=false
soak_minutes=""
case "${1:-}" in
  --quick) quick=true ;;
  --soak)
    soak_minutes=${2:-15}
    [[ "$soak_minutes" =~ ^[1-9][0-9]*$ ]] || { echo "$usage" >&2; exit 2; }
    ;;
  "") ;;
  *) echo "$usage" >&2; exit 2 ;;
esac

# The benchmark runs local mode only (its figures are local mode's), whatever engine the machine has.
shop_ensure_dotnet
shop_ensure_local_binaries

# The load tools and the reference proxy, from Debian like the servers.
missing=()
for tool in wrk nginx pgbench curl jq; do
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

# Seconds from $1 to $2 (date +%s%N) to a tenth, with the leading zero that JSON needs.
seconds_between() {
  local tenths=$(( ($2 - $1 + 50000000) / 100000000 ))
  printf '%d.%d\n' $((tenths / 10)) $((tenths % 10))
}

seconds_since() { seconds_between "$1" "$(date +%s%N)"; }

# The main routes in the order a new customer uses them (README.md, "Try it"); customer_journey follows this order.
startup_routes=("POST /api/v1/users" "POST /api/v1/auth/token" "GET /api/v1/products" "GET /api/v1/products/{id}"
  "POST /api/v1/orders" "GET /api/v1/orders/{id}")
startup_warm_customers=20

# One request of customer_journey: appends curl's time_total (s) to $samples/<route index> and leaves the answer in
# $body (both customer_journey's). Fails, printing the answer, on any other status than the expected one.
# $1 = route index, $2 = expected status, then curl's arguments.
timed_request() {
  local route=$1 expected=$2 result status seconds code=0
  shift 2
  result=$(curl -s --max-time 30 -o "$body" -w '%{http_code} %{time_total}' "$@") || code=$?
  if [ "$code" -ne 0 ]; then
    echo "${startup_routes[$route]}: no answer (curl exit status $code; 28 = none within 30 s)" >&2
    return 1
  fi
  read -r status seconds <<<"$result"
  if [ "$status" != "$expected" ]; then
    echo "${startup_routes[$route]} answered $status, not $expected: $(head -c 500 "$body")" >&2
    return 1
  fi
  echo "$seconds" >>"$samples/$route"
}

# A new customer through the gateway $1, as README.md's "Try it" block: registers as customer number $2, signs in,
# lists the catalog, opens its first product, orders one unit of it and reads the order back. Each request's time is
# appended to $3/<route index>; the ids and the token come from the previous answers, read outside the timing.
customer_journey() (
  gateway=$1
  samples=$3
  email="customer$2@bench.example.com"
  password="correct horse battery"
  body=$(mktemp)
  trap 'rm -f "$body"' EXIT
  timed_request 0 201 -X POST "$gateway/api/v1/users" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\",\"displayName\":\"Customer $2\"}" || exit 1
  timed_request 1 200 -X POST "$gateway/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}" || exit 1
  token=$(jq -r .accessToken "$body")
  timed_request 2 200 "$gateway/api/v1/products?page=1&pageSize=5" || exit 1
  product=$(jq -r '.items[0].id // empty' "$body")
  [ -n "$product" ] || { echo "GET /api/v1/products listed no product: $(head -c 500 "$body")" >&2; exit 1; }
  timed_request 3 200 "$gateway/api/v1/products/$product" || exit 1
  timed_request 4 202 -X POST "$gateway/api/v1/orders" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
    -d "{\"items\":[{\"productId\":\"$product\",\"quantity\":1}],\"paymentToken\":\"tok_visa\"}" || exit 1
  order=$(jq -r .id "$body")
  timed_request 5 200 "$gateway/api/v1/orders/$order" -H "Authorization: Bearer $token" || exit 1
)

# Waits (30 s at most) until every service's OpenAPI document answers through the gateway $1, then prints the seconds
# since $2 (date +%s%N).
all_services_answer() {
  local service ready waited=0
  while [ "$waited" -lt 300 ]; do
    ready=true
    for service in users inventory orders payments notifications; do
      curl -sf --max-time 2 -o /dev/null "$1/openapi/$service.json" || { ready=false; break; }
    done
    if $ready; then
      seconds_since "$2"
      return 0
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  echo "some service's OpenAPI document still did not answer through the gateway after 30 s" >&2
  return 1
}

# Each route's figures as a JSON array, from $1/<route index>: its first request, then the warm ones. Milliseconds; the
# warm figure is the median, and firstToWarm the first request over it.
route_figures() {
  local i
  for i in "${!startup_routes[@]}"; do
    jq -n --arg route "${startup_routes[$i]}" --slurpfile seconds "$1/$i" '
      ($seconds | map(. * 1000)) as $ms | ($ms[1:] | sort) as $warm
      | (($warm[($warm | length - 1) / 2 | floor] + $warm[($warm | length) / 2 | floor]) / 2) as $p50
      | {route: $route, firstMs: ($ms[0] * 10 | round / 10), warmP50Ms: ($p50 * 10 | round / 10),
         firstToWarm: ($ms[0] / $p50 * 10 | round / 10)}'
  done | jq -s .
}

# Pids of what a Shop run could leave behind, found by command line: anything naming the data directory $1 (postgres -D
# $1/postgres; the RabbitMQ node runs with -home $1/messaging), any program or `dotnet run` of a project of this checkout
# (the AppHost, the services, the local infrastructure scripts), Aspire's DCP, and the RabbitMQ script's own epmd.
# The strings reach awk through its environment, so that awk never matches its own command line.
shop_processes() {
  ps -eo pid=,args= | DATA="$1/" REPO="$PWD/Shop." DCP="/tools/dcp " EPMD="epmd -port " awk '
    index($0, ENVIRON["DATA"]) || index($0, ENVIRON["REPO"]) || index($0, ENVIRON["DCP"]) || index($0, ENVIRON["EPMD"]) { print $1 }'
}

# Ends the given pids (a failed stop's leftovers), so that nothing of this run outlives the benchmark: SIGTERM, and
# SIGKILL to whatever is still there 10 s later.
end_processes() {
  local waited=0 pids
  pids=$(IFS=,; echo "$*")
  kill -TERM "$@" 2>/dev/null || true
  while [ "$waited" -lt 100 ] && ps -p "$pids" >/dev/null; do
    sleep 0.1
    waited=$((waited + 1))
  done
  kill -KILL "$@" 2>/dev/null || true
}

# The core-seconds the machine's CPUs have been busy since boot (/proc/stat: everything but idle and iowait).
machine_busy_seconds() {
  awk '/^cpu / { printf "%.2f\n", ($2 + $3 + $4 + $7 + $8 + $9) / 100; exit }' /proc/stat
}

# CPU seconds spent so far by every process that was not running when $1 (a file of pids, one a line) was written,
# as a JSON array, largest first: Shop's projects by name (both instances of a replicated service together), `dotnet
# run` apart, everything else by executable (postgres, beam.smp for RabbitMQ, dcp). Processes that already exited,
# such as the build check's, are not in it.
cpu_by_new_process() {
  local dir pid stat args group
  local -a fields
  local -A before=()
  while read -r pid; do before[$pid]=1; done <"$1"
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [ -z "${before[$pid]:-}" ] || continue
    stat=$(cat "$dir/stat" 2>/dev/null) && args=$(tr '\0' ' ' <"$dir/cmdline" 2>/dev/null) || continue
    read -r -a fields <<<"${stat##*) }"
    case "$args" in
      "dotnet run "*) group="dotnet run" ;;
      *Shop.[A-Z]*) group=$(grep -o 'Shop\.[A-Za-z]*' <<<"$args" | head -n 1) ;;
      *) group=${stat#*(}; group=${group%%)*} ;;
    esac
    echo "$group $((fields[11] + fields[12]))"
  done | awk '{ ticks[$1] += $2 } END { for (group in ticks) if (ticks[group] > 0) printf "%s\t%.1f\n", group, ticks[group] / 100 }' |
    jq -R -s 'split("\n") | map(select(length > 0) | split("\t") | {process: .[0], seconds: (.[1] | tonumber)}) | sort_by(-.seconds)'
}

# The first five minutes, as a developer sees them (issue 17): scripts/run.sh (local mode) on a warm build, until the
# gateway forwards; then each main route's first request, as a new customer makes them; then until every service
# answers through the gateway; then the same routes warm; then SIGTERM to scripts/run.sh, which returns once every
# process it started has exited, so the time until it returns is the stop time. Any process of the run still there
# afterwards fails the benchmark: a stop that leaves processes behind is a bug.
measure_startup() {
  local output=$1 port gateway data log samples timeline before started pid ready_at watchdog stop_started stop_ms leftovers customer
  local gateway_ready="" all_ready="" stop_seconds failure="" pids_before busy_before busy_at_ready cpu_at_ready=""
  dotnet build Shop.AppHost --nologo -v quiet >/dev/null
  port=$(free_port)
  gateway="http://127.0.0.1:$port"
  # A path the AppHost creates itself: mktemp's 0700 directory would shut out the postgres user.
  data="${TMPDIR:-/tmp}/shop-bench-startup-$$"
  log=$(mktemp)
  samples=$(mktemp -d)
  timeline="$samples/timeline.json"
  # Whatever matches before the start is not this run's (another Shop): the leftover check leaves it out.
  before=$(mktemp)
  shop_processes "$data" >"$before"
  # Where the CPU went until ready: every process that starts from here on, and the machine in all.
  pids_before="$samples/pids-before"
  ps -e -o pid= | tr -d ' ' >"$pids_before"
  busy_before=$(machine_busy_seconds)
  started=$(date +%s%N)
  # The sign-in limit (10 a minute per client address) would refuse the warm customers; the limiter still runs.
  # The data directory is kept, as a developer's is (scripts/run.sh's default), so the stop measured is theirs: an
  # ephemeral one would add the AppHost's deleting it (0.3-0.5 s). The benchmark deletes it afterwards.
  # The AppHost writes where the seconds went (each resource's start, migrations, warm-ups, health) to $timeline.
  Shop__Infrastructure=local Shop__GatewayPort=$port Shop__DataDirectory=$data Shop__StartupTimelineFile=$timeline \
    Gateway__RateLimits__token__PermitLimit=1000000 scripts/run.sh >"$log" 2>&1 &
  pid=$!

  # Ready = what a developer waits for: the console's "Shop is ready." banner (the gateway turned healthy, which it does
  # once every service behind it is healthy and it has warmed up), and the gateway forwarding: GET
  # /openapi/notifications.json answers through it. The probe must not warm a measured route, as GET /api/v1/products
  # did: notifications serves none of them, so users, inventory and orders see their first client request from the
  # measurement. An unsigned GET /api/v1/orders/{id} would touch no service either, but its 401 comes from the gateway
  # alone and proves nothing about forwarding.
  while [ $(( ($(date +%s%N) - started) / 1000000000 )) -lt 120 ] && kill -0 "$pid" 2>/dev/null; do
    if grep -q "Shop is ready\." "$log" && curl -sf --max-time 2 -o /dev/null "$gateway/openapi/notifications.json"; then
      ready_at=$(date +%s%N)
      busy_at_ready=$(machine_busy_seconds)
      gateway_ready=$(seconds_between "$started" "$ready_at")
      cpu_at_ready=$(cpu_by_new_process "$pids_before")
      break
    fi
    sleep 0.1
  done

  if [ -z "$gateway_ready" ] && ! kill -0 "$pid" 2>/dev/null; then
    failure="scripts/run.sh exited before the gateway forwarded"
  elif [ -z "$gateway_ready" ]; then
    failure="the console did not say Shop is ready, with the gateway forwarding, within 2 minutes of scripts/run.sh's start"
  elif ! customer_journey "$gateway" 0 "$samples"; then
    failure="a new customer's first requests failed"
  else
    # The OpenAPI documents come from the measured services too, so they are asked only now. The first requests' own
    # time is left out of the figure, which keeps its meaning: when every service answered through the gateway.
    if ! all_ready=$(all_services_answer "$gateway" $((started + $(date +%s%N) - ready_at))); then
      failure="not every service answered through the gateway"
    fi
  fi
  if [ -z "$failure" ]; then
    for customer in $(seq 1 "$startup_warm_customers"); do
      customer_journey "$gateway" "$customer" "$samples" || { failure="a warm customer's requests failed"; break; }
    done
  fi

  # The stop. A watchdog ends scripts/run.sh if it has not returned 60 s after SIGTERM (a failure), so the benchmark
  # never hangs.
  stop_started=$(date +%s%N)
  kill -TERM "$pid" 2>/dev/null || true
  ( trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM; sleep 60 & sleeper=$!; wait "$sleeper"; kill -KILL "$pid" 2>/dev/null ) &
  watchdog=$!
  wait "$pid" 2>/dev/null || true
  stop_ms=$(( ($(date +%s%N) - stop_started) / 1000000 ))
  stop_seconds=$(seconds_since "$stop_started")
  kill "$watchdog" 2>/dev/null || true
  wait "$watchdog" 2>/dev/null || true
  [ "$stop_ms" -lt 60000 ] || failure="${failure:+$failure; }scripts/run.sh had not returned 60 s after SIGTERM"

  leftovers=$(shop_processes "$data" | grep -vxF -f "$before" || true)
  if [ -n "$leftovers" ]; then
    echo "Still running after scripts/run.sh returned (ended now by the benchmark):" >&2
    ps -o pid=,user=,args= -p "$(paste -sd, <<<"$leftovers")" >&2 || true
    # shellcheck disable=SC2086 # one pid a word
    end_processes $leftovers
    failure="${failure:+$failure; }processes of the run were left behind after its stop"
  fi

  if [ -n "$failure" ]; then
    echo "FAILED: start-up and stop: $failure. The end of scripts/run.sh's output:" >&2
    tail -n 60 "$log" >&2
    rm -rf "$data" "$samples" "$before" "$log"
    return 1
  fi

  if [ ! -s "$timeline" ]; then
    echo "FAILED: start-up: the AppHost wrote no start-up timeline to $timeline" >&2
    rm -rf "$data" "$samples" "$before" "$log"
    return 1
  fi

  # The timeline counts from the AppHost's own start; the seconds before it are dotnet run's (build check, launch).
  jq -n --argjson gateway "$gateway_ready" --argjson all "$all_ready" --argjson warm "$startup_warm_customers" \
    --argjson routes "$(route_figures "$samples")" --argjson stop "$stop_seconds" --argjson started_ms "$((started / 1000000))" \
    --slurpfile timeline "$timeline" --argjson cores "$(nproc)" --argjson busy "$(awk -v a="$busy_before" -v b="$busy_at_ready" 'BEGIN { printf "%.1f", b - a }')" \
    --argjson cpu "$cpu_at_ready" \
    '{gatewayReadySeconds: $gateway, allServicesReadySeconds: $all, warmRequests: $warm, routes: $routes, stopSeconds: $stop,
      appHostStartedSeconds: ((($timeline[0].appHostStartedAtUnixMs - $started_ms) / 100 | round) / 10),
      timeline: $timeline[0].resources,
      cores: $cores, busyCoreSecondsUntilReady: $busy, cpuSecondsUntilReady: $cpu}' >"$output"
  rm -rf "$data" "$samples" "$before" "$log"
  echo "Start-up: ready after ${gateway_ready} s, every service through it after ${all_ready} s. First request, then warm p50:"
  jq -r '.routes[] | "  \(.route): \(.firstMs) ms, \(.warmP50Ms) ms (\(.firstToWarm)x)"' "$output"
  echo "Stop: ${stop_seconds} s from SIGTERM to the last process gone."
}

if [ -n "$soak_minutes" ]; then
  # No start-up measurement: the soak is about what the minutes under load do, not the first ones.
  exec dotnet run --project bench/Shop.Bench -c Release -- --soak "$soak_minutes" --output bench/results
fi

if $quick; then
  # Debug: the build the tests already made. Quick mode checks the harness and that no order is lost, not speed.
  exec dotnet run --project bench/Shop.Bench -c Debug -- --quick --output bench/results/quick
fi

startup=$(mktemp)
trap 'rm -f "$startup"' EXIT
measure_startup "$startup"
dotnet run --project bench/Shop.Bench -c Release -- --output bench/results --startup "$startup"
