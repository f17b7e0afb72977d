# Sourced by container-images.sh and prerequisites.sh: makes sure the images Aspire asks for in containers mode are on
# this machine. A pull comes first; only where no registry can be reached are stand-ins built from Debian packages
# (scripts/stand-in-images/README.md). Once an image is present nothing is done again.
. "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

# The exact references Aspire 13.6.5's AddPostgres and AddRabbitMQ use; Shop.Tests checks them against Aspire's own.
SHOP_POSTGRES_IMAGE=docker.io/library/postgres:18.3
SHOP_RABBITMQ_IMAGE=docker.io/library/rabbitmq:4.3
SHOP_STAND_IN_BASE_IMAGE=shop-stand-in/debian:trixie
SHOP_IMAGE_PULL_TIMEOUT_SECONDS=${SHOP_IMAGE_PULL_TIMEOUT_SECONDS:-120}

shop_image_present() { docker image inspect "$1" >/dev/null 2>&1; }

# The Debian mirror this machine's apt uses (the stand-ins are built from it), unless SHOP_DEBIAN_MIRROR says otherwise.
shop_debian_mirror() {
  if [ -n "${SHOP_DEBIAN_MIRROR:-}" ]; then
    echo "$SHOP_DEBIAN_MIRROR"
    return
  fi
  local mirror
  mirror=$(grep -hoE 'https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
    /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1 | tr -d ' ')
  echo "${mirror:-http://deb.debian.org/debian}"
}

shop_build_stand_in_base() {
  shop_image_present "$SHOP_STAND_IN_BASE_IMAGE" && return 0
  if ! command -v debootstrap >/dev/null 2>&1; then
    shop_apt_install "The stand-in images are built from a Debian base" debootstrap || return 1
  fi
  local rootfs mirror
  rootfs=$(mktemp -d)
  mirror=$(shop_debian_mirror)
  echo "Building the stand-ins' base $SHOP_STAND_IN_BASE_IMAGE: Debian trixie from $mirror"
  if ! debootstrap --variant=minbase trixie "$rootfs" "$mirror" >"$rootfs.log" 2>&1; then
    echo "debootstrap failed; its log:" >&2
    tail -n 20 "$rootfs.log" >&2
    rm -rf "$rootfs" "$rootfs.log"
    return 1
  fi
  tar -C "$rootfs" -c . | docker import - "$SHOP_STAND_IN_BASE_IMAGE" >/dev/null
  rm -rf "$rootfs" "$rootfs.log"
}

# $1: image reference, $2: folder under scripts/stand-in-images.
shop_ensure_image() {
  local image=$1 stand_in=$2
  shop_image_present "$image" && return 0
  echo "Pulling $image (at most ${SHOP_IMAGE_PULL_TIMEOUT_SECONDS} s)"
  if timeout "$SHOP_IMAGE_PULL_TIMEOUT_SECONDS" docker pull -q "$image" >/dev/null 2>&1; then
    return 0
  fi
  echo "No registry answers for $image: building a stand-in from Debian packages (scripts/stand-in-images/$stand_in)"
  shop_build_stand_in_base || return 1
  local folder log
  folder="$(dirname "${BASH_SOURCE[0]}")/../stand-in-images/$stand_in"
  log=$(mktemp)
  if ! docker build --build-arg "BASE_IMAGE=$SHOP_STAND_IN_BASE_IMAGE" --label org.opencontainers.image.description="Shop stand-in for $image" \
      -t "$image" "$folder" >"$log" 2>&1; then
    echo "Building the stand-in for $image failed; its log:" >&2
    tail -n 30 "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

shop_ensure_container_images() {
  shop_ensure_image "$SHOP_POSTGRES_IMAGE" postgres && shop_ensure_image "$SHOP_RABBITMQ_IMAGE" rabbitmq
}
