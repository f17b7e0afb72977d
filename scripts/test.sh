#!/usr/bin/env bash
# Runs Shop's whole test suite (unit and integration, against real PostgreSQL and RabbitMQ) after making sure its
# prerequisites exist. Extra arguments go to dotnet test, e.g. --filter FullyQualifiedName~Startup.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prerequisites.sh

shop_ensure_prerequisites

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Shop.sln "$@" 2>&1 | tee "$log" || status=$?

# One plain summary line for readers and CI, e.g. "Tests: 40 passed, 0 failed, 0 skipped".
summary=$(grep -E 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | tail -n 1 || true)
if [ -z "$summary" ]; then
  echo "Tests: no test summary found (build failure?)" >&2
  exit $((status == 0 ? 1 : status))
fi
failed=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$summary")
passed=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")
skipped=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$summary")
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
