# Sourced by run.sh, test.sh and bench.sh: makes sure Shop can start its infrastructure on this machine.
# run.sh needs one mode: with a container runtime that answers, Aspire runs PostgreSQL and RabbitMQ as containers and
# nothing is needed here; otherwise the AppHost runs the machine's own packages (local mode), which this installs
# when it can. test.sh needs both modes: the packages, and a Docker engine with the two images.
. "$(dirname "${BASH_SOURCE[0]}")/apt.sh"
. "$(dirname "${BASH_SOURCE[0]}")/container-images.sh"

shop_runtime_answers() {
  local runtime
  for runtime in ${ASPIRE_CONTAINER_RUNTIME:-docker podman}; do
    if command -v "$runtime" >/dev/null 2>&1 && timeout 3 "$runtime" info >/dev/null 2>&1; then
      return 0
    fi
  done
  return 1
}

shop_local_binaries_present() {
  compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null && [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]
}

shop_ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET SDK is missing: install the version in global.json from https://dot.net" >&2
    return 1
  fi
}

shop_ensure_local_binaries() {
  shop_local_binaries_present && return 0
  shop_apt_install "Local mode runs PostgreSQL and RabbitMQ from this machine's packages" postgresql rabbitmq-server || return 1
  if ! shop_local_binaries_present; then
    echo "Installed postgresql and rabbitmq-server but the servers are still missing (/usr/lib/postgresql/*/bin/postgres, /usr/lib/rabbitmq/bin/rabbitmq-server)." >&2
    return 1
  fi
}

# What run.sh needs: containers mode when a runtime answers (or is asked for), local mode's packages otherwise.
shop_ensure_prerequisites() {
  shop_ensure_dotnet || return 1
  local mode="${Shop__Infrastructure:-auto}"
  mode="${mode,,}"
  if [ "$mode" = containers ] || { [ "$mode" = auto ] && shop_runtime_answers; }; then
    return 0
  fi
  shop_ensure_local_binaries
}

# The dockerd this script started, if any: only that one is stopped at the end.
SHOP_STARTED_DOCKERD_PID=""

# A Docker engine that answers: installed from Debian's docker.io when missing, started in the background when not
# running and no service manager looks after it (log: $TMPDIR/shop-dockerd.log). Stop it with shop_stop_started_engine.
shop_ensure_container_engine() {
  if command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1; then
    return 0
  fi
  if ! command -v dockerd >/dev/null 2>&1; then
    shop_apt_install "The containers-mode tests need a Docker engine" docker.io || return 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "No Docker engine answers and starting one needs root: start it (sudo systemctl start docker), or run as root." >&2
    return 1
  fi
  if [ -d /run/systemd/system ]; then
    systemctl start docker
  else
    local log="${TMPDIR:-/tmp}/shop-dockerd.log"
    echo "Starting dockerd in the background (log: $log)"
    dockerd >"$log" 2>&1 &
    SHOP_STARTED_DOCKERD_PID=$!
  fi
  local waited=0
  until docker info >/dev/null 2>&1; do
    if [ "$waited" -ge 60 ]; then
      echo "The Docker engine did not answer within 30 s." >&2
      [ -n "$SHOP_STARTED_DOCKERD_PID" ] && tail -n 20 "${TMPDIR:-/tmp}/shop-dockerd.log" >&2
      return 1
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
}

shop_stop_started_engine() {
  [ -n "$SHOP_STARTED_DOCKERD_PID" ] || return 0
  kill -TERM "$SHOP_STARTED_DOCKERD_PID" 2>/dev/null || true
  local waited=0
  while kill -0 "$SHOP_STARTED_DOCKERD_PID" 2>/dev/null && [ "$waited" -lt 60 ]; do
    sleep 0.5
    waited=$((waited + 1))
  done
  SHOP_STARTED_DOCKERD_PID=""
}

# What test.sh needs: both modes, since the suite pins each of its apps to one of them, and what the deployment tests
# run; test.sh then provides the images (shop_ensure_container_images). What a fresh machine lacks is installed in one apt transaction.
shop_ensure_test_prerequisites() {
  shop_ensure_dotnet || return 1
  local packages=()
  shop_local_binaries_present || packages+=(postgresql rabbitmq-server)
  command -v dockerd >/dev/null 2>&1 || packages+=(docker.io)
  command -v debootstrap >/dev/null 2>&1 || packages+=(debootstrap)
  # The deployment tests run Shop's own images under deploy/compose (ComposeDeploymentTests); scripts/app-images.sh
  # serves their stand-in base from a local registry where mcr.microsoft.com cannot be reached.
  command -v docker-compose >/dev/null 2>&1 || packages+=(docker-compose)
  command -v docker-registry >/dev/null 2>&1 || packages+=(docker-registry)
  # The OpenAPI lint (OpenApiLintTests) runs Spectral, an npm package.
  { command -v node && command -v npm; } >/dev/null 2>&1 || packages+=(nodejs npm)
  # ReadmeTryItTests runs the README's "Try it" block as written, with curl and jq.
  command -v curl >/dev/null 2>&1 || packages+=(curl)
  command -v jq >/dev/null 2>&1 || packages+=(jq)
  if [ ${#packages[@]} -gt 0 ]; then
    shop_apt_install "The tests run both infrastructure modes" "${packages[@]}" || return 1
  fi
  shop_ensure_local_binaries && shop_ensure_container_engine
}
