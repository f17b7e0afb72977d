#!/usr/bin/env bash
# Makes the PostgreSQL and RabbitMQ images that containers mode needs available on this machine: pulled where a
# registry answers, otherwise built as stand-ins from Debian packages (scripts/stand-in-images/README.md).
# Needs a running Docker engine. Safe to run again: images already present are left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/container-images.sh

if ! docker info >/dev/null 2>&1; then
  echo "No Docker engine answers (docker info failed). Start it first, or use local mode: Shop__Infrastructure=local" >&2
  exit 1
fi
shop_ensure_container_images
echo "Ready: $SHOP_POSTGRES_IMAGE and $SHOP_RABBITMQ_IMAGE"
