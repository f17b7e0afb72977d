#!/usr/bin/env bash
# Starts the whole Shop (infrastructure, five services, gateway on http://localhost:8000, dashboard on
# http://localhost:15888) after making sure its prerequisites exist. Ctrl+C or SIGTERM stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prerequisites.sh

shop_ensure_prerequisites

# exec: signals reach the AppHost directly, which stops every resource it started.
exec dotnet run --project Shop.AppHost --launch-profile http "$@"
