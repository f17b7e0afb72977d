#!/usr/bin/env bash
# Builds Shop's six images into the local Docker engine: shop-gateway, shop-users, shop-inventory, shop-orders,
# shop-payments and shop-notifications, each tagged TAG (default: latest). They are what deploy/compose/compose.yaml
# runs; for a cluster, push them as docs/deployment-guide.md (step 3) says. Needs a running Docker engine.
#
#   scripts/app-images.sh [--tag TAG]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/app-images.sh

tag=latest
while [ $# -gt 0 ]; do
  case "$1" in
    --tag) tag="$2"; shift ;;
    *) echo "usage: $0 [--tag TAG]" >&2; exit 2 ;;
  esac
  shift
done

if ! docker info >/dev/null 2>&1; then
  echo "No Docker engine answers (docker info failed): start it first." >&2
  exit 1
fi
trap shop_stop_base_registry EXIT
started=$SECONDS
shop_publish_app_images "$tag"
echo "Built shop-{gateway,users,inventory,orders,payments,notifications}:$tag in $((SECONDS - started)) s:"
docker image ls --format '  {{.Repository}}:{{.Tag}}  {{.Size}}' | grep -E "^  shop-[a-z]+:$tag " || true
