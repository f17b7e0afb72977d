# Sourced by the scripts that install Debian packages a fresh machine lacks.

# $1: why, $2...: Debian packages. Installs them as root or through passwordless sudo, otherwise says how.
shop_apt_install() {
  local why=$1
  shift
  local install="apt-get install -y --no-install-recommends $*"
  echo "$why: installing $*."
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive $install -qq
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive $install -qq
  else
    echo "Cannot install them without root. Run:  sudo apt-get update && sudo $install" >&2
    return 1
  fi
}
