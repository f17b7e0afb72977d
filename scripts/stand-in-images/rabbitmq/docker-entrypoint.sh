#!/usr/bin/env bash
# The part of the official rabbitmq image's contract that Aspire and Shop rely on: RABBITMQ_DEFAULT_USER and
# RABBITMQ_DEFAULT_PASS seed a fresh node, RABBITMQ_NODENAME names it, and the server runs as the rabbitmq user.
set -euo pipefail

if [ "$1" != rabbitmq-server ]; then
  exec "$@"
fi

# Like the official image: the default user goes into the configuration, which only a fresh node reads.
{
  [ -n "${RABBITMQ_DEFAULT_USER:-}" ] && echo "default_user = $RABBITMQ_DEFAULT_USER"
  [ -n "${RABBITMQ_DEFAULT_PASS:-}" ] && echo "default_pass = $RABBITMQ_DEFAULT_PASS"
  true
} >/etc/rabbitmq/conf.d/20-default-user.conf
chown rabbitmq:rabbitmq /etc/rabbitmq/conf.d/20-default-user.conf
chmod 600 /etc/rabbitmq/conf.d/20-default-user.conf

if [ "$(id -u)" -eq 0 ]; then
  chown -R rabbitmq:rabbitmq /var/lib/rabbitmq
  exec setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups "$@"
fi
exec "$@"
