#!/usr/bin/env bash
# Runs Shop's whole test suite (unit and integration, against real PostgreSQL and RabbitMQ, in local mode and in
# containers mode) after making sure both modes' prerequisites exist: the postgresql and rabbitmq-server packages, a
# Docker engine (installed and started here when missing, and then stopped again at the end) and the two images
# (pulled, or built as stand-ins: scripts/stand-in-images/). Extra arguments go to dotnet test (which runs the Debug
# build made here), e.g. --filter FullyQualifiedName~Startup.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prerequisites.sh

log=$(mktemp)
results=$(mktemp -d)
trap 'rm -rf "$log" "$results"; shop_stop_started_engine' EXIT
shop_ensure_test_prerequisites

# The images take minutes on a machine that must build stand-ins, mostly waiting on the network: prepare them while
# the solution builds.
shop_ensure_container_images >"$results/images.log" 2>&1 &
images=$!
build=0
dotnet build Shop.sln -nologo || build=$?
images_status=0
wait "$images" || images_status=$?
cat "$results/images.log"
if [ "$build" -ne 0 ] || [ "$images_status" -ne 0 ]; then
  echo "Tests: not run (the build or the container images failed)" >&2
  exit 1
fi

status=0
# One trx per test project (LogFilePrefix adds the framework and a timestamp to each name).
dotnet test Shop.sln --no-build --logger "trx;LogFilePrefix=results" --results-directory "$results" "$@" 2>&1 | tee "$log" || status=$?

# One plain summary line for readers and CI, e.g. "Tests: 560 passed, 0 failed, 0 skipped (containers mode: 25 passed)",
# summed over the test projects' own summary lines.
summaries=$(grep -E 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" || true)
if [ -z "$summaries" ]; then
  echo "Tests: no test summary found (build failure?)" >&2
  exit $((status == 0 ? 1 : status))
fi
count() { grep -oE "$1: +[0-9]+" <<<"$summaries" | awk '{ sum += $2 } END { print sum + 0 }'; }
failed=$(count Failed)
passed=$(count Passed)
skipped=$(count Skipped)
# The containers-mode share (Shop.Tests.Containers), so a run that lost its engine cannot pass unnoticed.
containers=$(cat "$results"/*.trx 2>/dev/null | grep -oE 'testName="Shop\.Tests\.Containers\.[^"]*"[^>]*outcome="Passed"' | wc -l || true)
echo "Tests: $passed passed, $failed failed, $skipped skipped (containers mode: $containers passed)"
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
