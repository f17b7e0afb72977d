#!/usr/bin/env bash
# Writes the Kubernetes secrets of one Shop deployment into deploy/kubernetes/secrets/<resource>.env (gitignored):
# fresh PostgreSQL and RabbitMQ passwords, a 2048-bit RSA token-signing key (base64 PKCS#8, as users reads it), an
# admin password, and the connection strings built from them, so every service agrees with the servers. The
# overlay turns each file into the Secret <resource>-secrets (docs/deployment-guide.md). Existing files are kept
# unless --force is given: the passwords only seed fresh data volumes, so changing them later locks the services out.
#
#   deploy/kubernetes/new-secrets.sh [--force] [--output DIR]
#
# Environment overrides, for managed servers: SHOP_POSTGRES_HOST (postgres), SHOP_POSTGRES_PORT (5432),
# SHOP_POSTGRES_USER (postgres), SHOP_POSTGRES_PASSWORD, SHOP_MESSAGING_HOST (messaging-broker),
# SHOP_MESSAGING_PORT (5672), SHOP_MESSAGING_USER (guest), SHOP_MESSAGING_PASSWORD, SHOP_ADMIN_PASSWORD.
set -euo pipefail

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

# Letters and digits only: the RabbitMQ password goes into an AMQP URI unencoded, the PostgreSQL one into a
# key=value connection string.
password() { openssl rand -base64 48 | tr -dc 'A-Za-z0-9' | head -c 32; }

pg_host="${SHOP_POSTGRES_HOST:-postgres}" pg_port="${SHOP_POSTGRES_PORT:-5432}" pg_user="${SHOP_POSTGRES_USER:-postgres}"
pg_password="${SHOP_POSTGRES_PASSWORD:-$(password)}"
mq_host="${SHOP_MESSAGING_HOST:-messaging-broker}" mq_port="${SHOP_MESSAGING_PORT:-5672}" mq_user="${SHOP_MESSAGING_USER:-guest}"
mq_password="${SHOP_MESSAGING_PASSWORD:-$(password)}"
admin_password="${SHOP_ADMIN_PASSWORD:-$(password)}"
signing_key="$(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null | openssl pkcs8 -topk8 -nocrypt -outform DER | base64 -w0)"

messaging="amqp://$mq_user:$mq_password@$mq_host:$mq_port"
database() { echo "Host=$pg_host;Port=$pg_port;Username=$pg_user;Password=$pg_password;Database=$1"; }

mkdir -p "$output"
umask 077
printf 'POSTGRES_PASSWORD=%s\n' "$pg_password" >"$output/postgres.env"
printf 'RABBITMQ_DEFAULT_PASS=%s\n' "$mq_password" >"$output/messaging-broker.env"
for service in users inventory orders payments notifications; do
  {
    printf 'ConnectionStrings__%sdb=%s\n' "$service" "$(database "${service}db")"
    printf 'ConnectionStrings__messaging=%s\n' "$messaging"
  } >"$output/$service.env"
done
printf 'Jwt__SigningKey=%s\nAdmin__Password=%s\n' "$signing_key" "$admin_password" >>"$output/users.env"

echo "Wrote $(ls "$output"/*.env | wc -l) secret files to $output. The admin password is in users.env (Admin__Password)."
