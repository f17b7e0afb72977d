#!/usr/bin/env bash
# Gives each Shop service its own PostgreSQL login and database, as the superuser, in a deployment (compose's
# postgres-provision service, Kubernetes' postgres-provision Job): the statements of the AppHost's PostgresRoleSql,
# which run mode runs itself. Idempotent, so it runs at every deployment: a role is created or reset to exactly its
# attributes and its current password (a new password rotates it), a missing database is created, each database is
# closed to everyone but its owner, and its public schema and existing objects are handed to the owner.
#
# Environment:
#   PGHOST (required), PGPORT (5432), PGUSER (postgres), PGPASSWORD (required): the superuser's connection.
#   USERS_DB_PASSWORD, INVENTORY_DB_PASSWORD, ORDERS_DB_PASSWORD, PAYMENTS_DB_PASSWORD, NOTIFICATIONS_DB_PASSWORD
#     (all required): the password of each service's role, which its connection string uses.
#   SHOP_PROVISION_WAIT_SECONDS (120): how long to wait for the server to accept the superuser.
set -euo pipefail

services=(users inventory orders payments notifications)

: "${PGHOST:?PGHOST names the PostgreSQL server}" "${PGPASSWORD:?PGPASSWORD is the superuser password}"
export PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGDATABASE=postgres
# Every password is checked before anything changes, so a deployment missing one changes nothing.
for service in "${services[@]}"; do
  variable="${service^^}_DB_PASSWORD"
  : "${!variable:?$variable is the password of the $service role}"
done

deadline=$((SECONDS + ${SHOP_PROVISION_WAIT_SECONDS:-120}))
until psql -X -q -A -t -c 'SELECT 1' >/dev/null 2>&1; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "PostgreSQL at $PGHOST:$PGPORT did not accept $PGUSER in time:" >&2
    psql -X -q -c 'SELECT 1' >&2 || true
    exit 1
  fi
  sleep 1
done

for service in "${services[@]}"; do
  variable="${service^^}_DB_PASSWORD"
  # psql reads the password from its environment (\getenv) and quotes every value itself (:'x' literal, :"x"
  # identifier): nothing is spliced into SQL by the shell, and no password shows in a process list.
  SHOP_ROLE_PASSWORD="${!variable}" psql -X -q -v ON_ERROR_STOP=1 -v role="$service" -v database="${service}db" <<'SQL'
\getenv password SHOP_ROLE_PASSWORD
SELECT NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') AS role_missing \gset
\if :role_missing
CREATE ROLE :"role";
\endif
ALTER ROLE :"role" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD :'password';
\unset password
SELECT NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') AS database_missing \gset
\if :database_missing
CREATE DATABASE :"database" OWNER :"role";
\endif
ALTER DATABASE :"database" OWNER TO :"role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"database" TO :"role";
\connect :"database"
ALTER SCHEMA public OWNER TO :"role";
SELECT format('ALTER %s public.%I OWNER TO %I',
         CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
         c.relname, :'role')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
  AND pg_get_userbyid(c.relowner) <> :'role'
  AND NOT (c.relkind = 'S' AND EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
\gexec
SQL
  echo "Provisioned role $service and database ${service}db"
done
