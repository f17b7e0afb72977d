#!/usr/bin/env bash
# Writes the secrets of one Shop deployment into deploy/kubernetes/secrets (gitignored), each file holding only what
# its reader needs (docs/deployment-guide.md, "Secrets"):
#   <service>.env             the service's own connection strings: PostgreSQL as its role <service> to <service>db,
#                             RabbitMQ as its user <service>; users.env also the token-signing key (2048-bit RSA,
#                             base64 PKCS#8) and the admin password
#   postgres.env              the superuser's password, which seeds a fresh data volume
#   postgres-provision.env    the superuser's connection and every service role's password, for
#                             deploy/provision/postgres-roles.sh: the only other file with the superuser's password
#   messaging-broker.env      the password of the broker's administrator, shop-admin
#   messaging-definitions.json  the broker's users (shop-admin and one per service, passwords hashed), their
#                             permissions and the shop.events exchange, as the AppHost's BrokerDefinitions makes them
# The overlay turns each .env file into the Secret <name>-secrets, the definitions into messaging-broker-definitions.
# Existing files are kept unless --force is given: the superuser's password only seeds a fresh data volume, so a new
# one locks the provisioning out of an existing server. (Role and broker passwords are applied at every provisioning
# run and broker boot; the guide shows how to rotate one.)
#
#   deploy/kubernetes/new-secrets.sh [--force] [--output DIR]
#
# Environment overrides, for managed servers: SHOP_POSTGRES_HOST (postgres), SHOP_POSTGRES_PORT (5432),
# SHOP_POSTGRES_USER (the superuser, postgres), SHOP_POSTGRES_PASSWORD, SHOP_MESSAGING_HOST (messaging-broker),
# SHOP_MESSAGING_PORT (5672), SHOP_MESSAGING_PASSWORD (shop-admin's), SHOP_ADMIN_PASSWORD, and per service
# SHOP_<SERVICE>_DB_PASSWORD and SHOP_<SERVICE>_MESSAGING_PASSWORD (e.g. SHOP_ORDERS_DB_PASSWORD).
set -euo pipefail

services=(users inventory orders payments notifications)
output="$(cd "$(dirname "$0")" && pwd)/secrets"
force=false
while [ $# -gt 0 ]; do
  case "$1" in
    --force) force=true ;;
    --output) output="$2"; shift ;;
    *) echo "usage: $0 [--force] [--output DIR]" >&2; exit 2 ;;
  esac
  shift
done

if [ "$force" = false ] && compgen -G "$output/*.env" >/dev/null; then
  echo "$output already holds secrets; pass --force to replace them (and reset the data volumes)." >&2
  exit 1
fi

# Letters and digits only: a RabbitMQ password goes into an AMQP URI unencoded, a PostgreSQL one into a key=value
# connection string, and both into the definitions' JSON.
password() { openssl rand -base64 48 | tr -dc 'A-Za-z0-9' | head -c 32; }

# RabbitMQ's rabbit_password_hashing_sha256: base64(salt ‖ SHA-256(salt ‖ password)) with a random 4-byte salt.
# The salt stays bytes in a pipe: a shell variable cannot hold a NUL.
password_hash() {
  local salt
  salt=$(openssl rand 4 | base64 -w0)
  { base64 -d <<<"$salt"; printf '%s' "$1"; } | openssl dgst -sha256 -binary | { base64 -d <<<"$salt"; cat; } | base64 -w0
}

pg_host="${SHOP_POSTGRES_HOST:-postgres}" pg_port="${SHOP_POSTGRES_PORT:-5432}" pg_superuser="${SHOP_POSTGRES_USER:-postgres}"
pg_password="${SHOP_POSTGRES_PASSWORD:-$(password)}"
mq_host="${SHOP_MESSAGING_HOST:-messaging-broker}" mq_port="${SHOP_MESSAGING_PORT:-5672}"
mq_password="${SHOP_MESSAGING_PASSWORD:-$(password)}"
admin_password="${SHOP_ADMIN_PASSWORD:-$(password)}"
signing_key="$(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null | openssl pkcs8 -topk8 -nocrypt -outform DER | base64 -w0)"

declare -A db_password mq_user_password
for service in "${services[@]}"; do
  db_override="SHOP_${service^^}_DB_PASSWORD" mq_override="SHOP_${service^^}_MESSAGING_PASSWORD"
  db_password[$service]="${!db_override:-$(password)}"
  mq_user_password[$service]="${!mq_override:-$(password)}"
done

# The JSON of one user and its permissions, as BrokerDefinitions.Create writes them.
user_json() { printf '    {"name": "%s", "password_hash": "%s", "hashing_algorithm": "rabbit_password_hashing_sha256", "tags": [%s]}' "$1" "$(password_hash "$2")" "$3"; }
permission_json() { printf '    {"user": "%s", "vhost": "/", "configure": "%s", "write": "%s", "read": "%s"}' "$1" "$2" "$3" "$3"; }
definitions() {
  local users=() permissions=() service own
  users+=("$(user_json shop-admin "$mq_password" '"administrator"')")
  permissions+=("$(permission_json shop-admin '.*' '.*')")
  for service in "${services[@]}"; do
    # BrokerPermissions.For: configure its queue and dead-letter queue; write and read those and shop.events.
    own="shop\\\\.$service|shop\\\\.$service\\\\.dead-letters"
    users+=("$(user_json "$service" "${mq_user_password[$service]}" '')")
    permissions+=("$(permission_json "$service" "^($own)\$" "^(shop\\\\.events|$own)\$")")
  done
  local IFS=$'\n'
  printf '{\n  "users": [\n%s\n  ],\n' "$(printf '%s,\n' "${users[@]}" | sed '$ s/,$//')"
  printf '  "vhosts": [{"name": "/"}],\n'
  printf '  "permissions": [\n%s\n  ],\n' "$(printf '%s,\n' "${permissions[@]}" | sed '$ s/,$//')"
  printf '  "exchanges": [\n    {"name": "shop.events", "vhost": "/", "type": "topic", "durable": true, "auto_delete": false, "internal": false, "arguments": {}}\n  ]\n}\n'
}

umask 077
mkdir -p "$output"
printf 'POSTGRES_PASSWORD=%s\n' "$pg_password" >"$output/postgres.env"
{
  printf 'PGHOST=%s\nPGPORT=%s\nPGUSER=%s\nPGPASSWORD=%s\n' "$pg_host" "$pg_port" "$pg_superuser" "$pg_password"
  for service in "${services[@]}"; do
    printf '%s_DB_PASSWORD=%s\n' "${service^^}" "${db_password[$service]}"
  done
} >"$output/postgres-provision.env"
printf 'RABBITMQ_DEFAULT_PASS=%s\n' "$mq_password" >"$output/messaging-broker.env"
definitions >"$output/messaging-definitions.json"
# The broker reads the definitions as its own unprivileged user from a bind mount (compose) of this root-owned file;
# the directory stays private to its owner.
chmod 0644 "$output/messaging-definitions.json"
for service in "${services[@]}"; do
  {
    printf 'ConnectionStrings__%sdb=Host=%s;Port=%s;Username=%s;Password=%s;Database=%sdb\n' \
      "$service" "$pg_host" "$pg_port" "$service" "${db_password[$service]}" "$service"
    printf 'ConnectionStrings__messaging=amqp://%s:%s@%s:%s\n' "$service" "${mq_user_password[$service]}" "$mq_host" "$mq_port"
  } >"$output/$service.env"
done
printf 'Jwt__SigningKey=%s\nAdmin__Password=%s\n' "$signing_key" "$admin_password" >>"$output/users.env"

echo "Wrote $(ls "$output"/*.env | wc -l) secret files and the broker's definitions to $output. The admin password is in users.env (Admin__Password)."
