#!/usr/bin/env bash
# Runs Shop's private PostgreSQL for local infrastructure mode (docs/architecture.md). The AppHost starts this as an
# executable resource and stops it with SIGTERM, which becomes PostgreSQL's fast shutdown (SIGINT): the default
# "smart" shutdown would wait for every client to disconnect.
set -euo pipefail

: "${SHOP_PG_BIN:?}" "${SHOP_PG_DATA:?}" "${SHOP_PG_PORT:?}" "${POSTGRES_PASSWORD:?}"

as_owner=()
mkdir -p "$SHOP_PG_DATA"
chmod 700 "$SHOP_PG_DATA"
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root; Debian's postgresql package provides the postgres user.
  if ! id postgres >/dev/null 2>&1; then
    echo "No 'postgres' user to run PostgreSQL as. Install it with: sudo apt-get install -y postgresql" >&2
    exit 1
  fi
  as_owner=(setpriv --reuid=postgres --regid=postgres --init-groups)
  chown postgres:postgres "$SHOP_PG_DATA"
fi

# A server left by an AppHost that died without stopping it still holds this data directory.
if [ -f "$SHOP_PG_DATA/postmaster.pid" ]; then
  orphan=$(head -n 1 "$SHOP_PG_DATA/postmaster.pid")
  if [ -n "$orphan" ] && kill -0 "$orphan" 2>/dev/null && tr '\0' ' ' <"/proc/$orphan/cmdline" | grep -qF -- "$SHOP_PG_DATA"; then
    echo "Stopping PostgreSQL (pid $orphan) left running on $SHOP_PG_DATA"
    kill -INT "$orphan"
    while kill -0 "$orphan" 2>/dev/null; do sleep 0.2; done
  fi
fi

if [ ! -f "$SHOP_PG_DATA/PG_VERSION" ]; then
  pwfile=$(mktemp)
  trap 'rm -f "$pwfile"' EXIT
  printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
  if [ ${#as_owner[@]} -gt 0 ]; then chown postgres "$pwfile"; fi
  "${as_owner[@]}" "$SHOP_PG_BIN/initdb" --pgdata="$SHOP_PG_DATA" --username=postgres --pwfile="$pwfile" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-instructions
  rm -f "$pwfile"
  trap - EXIT
else
  # The data outlives the AppHost but the password is a parameter: make them agree (a no-op when they already do).
  # Single-user mode reads the statement from stdin, so the password never shows in a process list.
  printf "ALTER USER postgres WITH PASSWORD '%s';\n" "$POSTGRES_PASSWORD" |
    "${as_owner[@]}" "$SHOP_PG_BIN/postgres" --single -D "$SHOP_PG_DATA" -j postgres >/dev/null
fi

"${as_owner[@]}" "$SHOP_PG_BIN/postgres" -D "$SHOP_PG_DATA" -p "$SHOP_PG_PORT" \
  -c listen_addresses=127.0.0.1 -c unix_socket_directories= &
server=$!
trap 'kill -INT "$server" 2>/dev/null || true' TERM INT

set +e
wait "$server"
status=$?
# wait returns early when a trapped signal arrives; keep waiting until the server has really exited.
while kill -0 "$server" 2>/dev/null; do
  wait "$server"
  status=$?
done
exit "$status"
