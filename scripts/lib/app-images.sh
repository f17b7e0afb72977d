# Sourced by app-images.sh: builds Shop's own images (shop-gateway, shop-users, ...) into the local Docker engine with
# the .NET SDK's container support, `dotnet publish -t:PublishContainer` (no Dockerfile; each project's container
# settings are in Directory.Build.props and its .csproj). The base is mcr.microsoft.com/dotnet/aspnet:10.0 where that
# registry answers. Elsewhere it is a stand-in built from Debian plus the ASP.NET Core runtime this SDK carries
# (scripts/stand-in-images/aspnet), served by a registry on loopback (Debian's docker-registry package), because the
# SDK reads a base image only from a registry, never from the engine.
. "$(dirname "${BASH_SOURCE[0]}")/container-images.sh"

SHOP_ASPNET_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
SHOP_BASE_REGISTRY="localhost:${SHOP_BASE_REGISTRY_PORT:-5000}"
SHOP_STAND_IN_ASPNET_IMAGE="$SHOP_BASE_REGISTRY/dotnet/aspnet:10.0"
SHOP_BASE_REGISTRY_PID=""

shop_aspnet_registry_answers() {
  local status
  status=$(curl -s -o /dev/null -m 15 -w '%{http_code}' https://mcr.microsoft.com/v2/ 2>/dev/null || true)
  [ "$status" = 200 ] || [ "$status" = 401 ]
}

# The SDK's own runtime: its dotnet host and the newest Microsoft.NETCore.App and Microsoft.AspNetCore.App it carries.
shop_runtime_context() {
  local context=$1 root framework version
  root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  mkdir -p "$context/dotnet/shared"
  cp -a "$root/dotnet" "$root/host" "$context/dotnet/"
  for framework in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
    version=$(ls "$root/shared/$framework" | sort -V | tail -n 1)
    mkdir -p "$context/dotnet/shared/$framework"
    cp -a "$root/shared/$framework/$version" "$context/dotnet/shared/$framework/"
  done
}

shop_build_stand_in_aspnet() {
  shop_image_present "$SHOP_STAND_IN_ASPNET_IMAGE" && return 0
  shop_build_stand_in_base || return 1
  local context log
  context=$(mktemp -d)
  log=$(mktemp)
  cp "$(dirname "${BASH_SOURCE[0]}")/../stand-in-images/aspnet/Dockerfile" "$context/"
  shop_runtime_context "$context"
  echo "Building the stand-in for $SHOP_ASPNET_IMAGE: Debian trixie and this SDK's ASP.NET Core runtime"
  if ! docker build --build-arg "BASE_IMAGE=$SHOP_STAND_IN_BASE_IMAGE" \
      --label org.opencontainers.image.description="Shop stand-in for $SHOP_ASPNET_IMAGE" \
      -t "$SHOP_STAND_IN_ASPNET_IMAGE" "$context" >"$log" 2>&1; then
    echo "Building the stand-in for $SHOP_ASPNET_IMAGE failed; its log:" >&2
    tail -n 30 "$log" >&2
    rm -rf "$context" "$log"
    return 1
  fi
  rm -rf "$context" "$log"
}

# Serves the stand-in base to the SDK from a registry on loopback; its storage is a cache that outlives the run.
shop_start_base_registry() {
  command -v docker-registry >/dev/null 2>&1 ||
    shop_apt_install "The SDK reads the stand-in base image from a local registry" docker-registry || return 1
  local state="${XDG_CACHE_HOME:-$HOME/.cache}/shop/base-registry"
  mkdir -p "$state"
  printf 'version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: %s\n' \
    "$state/data" "$SHOP_BASE_REGISTRY" >"$state/config.yml"
  docker-registry serve "$state/config.yml" >"$state/registry.log" 2>&1 &
  SHOP_BASE_REGISTRY_PID=$!
  local waited=0
  until curl -sf -o /dev/null "http://$SHOP_BASE_REGISTRY/v2/"; do
    if [ "$waited" -ge 40 ] || ! kill -0 "$SHOP_BASE_REGISTRY_PID" 2>/dev/null; then
      echo "The local registry on $SHOP_BASE_REGISTRY did not start (port taken? set SHOP_BASE_REGISTRY_PORT); its log:" >&2
      tail -n 20 "$state/registry.log" >&2
      return 1
    fi
    sleep 0.25
    waited=$((waited + 1))
  done
  docker push -q "$SHOP_STAND_IN_ASPNET_IMAGE" >/dev/null
}

shop_stop_base_registry() {
  [ -n "$SHOP_BASE_REGISTRY_PID" ] || return 0
  kill "$SHOP_BASE_REGISTRY_PID" 2>/dev/null || true
  wait "$SHOP_BASE_REGISTRY_PID" 2>/dev/null || true
  SHOP_BASE_REGISTRY_PID=""
}

# $1: the tag of every image. One MSBuild run over deploy/Shop.Images.slnf builds and publishes all six.
shop_publish_app_images() {
  local tag=$1 base=()
  if ! shop_aspnet_registry_answers; then
    echo "$SHOP_ASPNET_IMAGE cannot be reached: the images get a stand-in base (scripts/stand-in-images/README.md)"
    shop_build_stand_in_aspnet && shop_start_base_registry || return 1
    base=("-p:ContainerBaseImage=$SHOP_STAND_IN_ASPNET_IMAGE")
  fi
  local status=0
  dotnet publish "$(dirname "${BASH_SOURCE[0]}")/../../deploy/Shop.Images.slnf" -t:PublishContainer -c Release -nologo \
    -p:ContainerImageTag="$tag" "${base[@]}" || status=$?
  shop_stop_base_registry
  return "$status"
}
