# Sourced by run.sh and test.sh: makes sure Shop can start its infrastructure on this machine.
# With a container runtime that answers, Aspire runs PostgreSQL and RabbitMQ as containers and nothing is needed here;
# otherwise the AppHost runs the machine's own packages (local mode), which this installs when it can.

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

shop_ensure_prerequisites() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET SDK is missing: install the version in global.json from https://dot.net" >&2
    return 1
  fi

  local mode="${Shop__Infrastructure:-auto}"
  mode="${mode,,}"
  if [ "$mode" = containers ] || { [ "$mode" = auto ] && shop_runtime_answers; }; then
    return 0
  fi
  if shop_local_binaries_present; then
    return 0
  fi

  local packages=(postgresql rabbitmq-server)
  local install="apt-get install -y --no-install-recommends ${packages[*]}"
  echo "No container runtime answers, so Shop runs PostgreSQL and RabbitMQ from this machine's packages: installing ${packages[*]}."
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive $install -qq
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive $install -qq
  else
    echo "Cannot install them without root. Run:  sudo apt-get update && sudo $install" >&2
    return 1
  fi

  if ! shop_local_binaries_present; then
    echo "Installed ${packages[*]} but the servers are still missing (/usr/lib/postgresql/*/bin/postgres, /usr/lib/rabbitmq/bin/rabbitmq-server)." >&2
    return 1
  fi
}
