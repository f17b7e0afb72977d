#!/usr/bin/env bash
# Mutation testing of Shop's pure logic with only the fast unit tests (Shop.UnitTests), by Stryker.NET (pinned in
# .config/dotnet-tools.json). Stryker puts small bugs (mutants) into the code one at a time; a test must fail for each.
# The files it mutates are the "mutate" list of scripts/mutation/stryker-config.json: the domain folders of the five
# services, the messaging machinery's pure files and the AppHost's infrastructure-mode selector.
#
# Prints "<target>: <score> %" per target (killed / (killed + survived + not covered)) and fails when a target is
# under 80 %. A mutant no test can kill (an equivalent mutant) is excluded where it is, with
# "// Stryker disable once <mutator> : <reason>", never by lowering the threshold.
#
#   scripts/mutation.sh            about 3 minutes on 2 cores; HTML report in TestResults/mutation/reports/
#   scripts/mutation.sh --record   also appends the scores to docs/mutation-scores.md (commit it)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prerequisites.sh

threshold=80
# Each target is a name and the path prefixes of its files. Every target must be reported: one that disappears (a
# moved folder, a mistyped pattern) fails the run.
targets=(
  "Shop.Orders/Domain"
  "Shop.Inventory/Domain"
  "Shop.Payments/Domain"
  "Shop.Users/Domain"
  "Shop.Notifications/Domain"
  "Shop.EventBus Shop.IntegrationEvents"
  "Shop.AppHost/Infrastructure"
)
record=false
[ "${1:-}" = --record ] && record=true

shop_ensure_dotnet
command -v jq >/dev/null 2>&1 || shop_apt_install "The scores are read from Stryker's JSON report" jq

started=$SECONDS
output="$PWD/TestResults/mutation"
rm -rf "$output"
mkdir -p "$output"
dotnet tool restore >/dev/null
(cd scripts/mutation && dotnet stryker --output "$output" --skip-version-check) >"$output.log" 2>&1 || {
  tail -n 40 "$output.log" >&2
  echo "Stryker failed; its whole log is in $output.log" >&2
  exit 1
}

# One row per mutant: the file (relative to the repository) and its status.
mutants=$(jq -r --arg root "$PWD/" \
  '.files | to_entries[] | (.key | ltrimstr($root)) as $file | .value.mutants[] | [$file, .status] | @tsv' \
  "$output/reports/mutation-report.json")

failed=0
row="| $(date -u +%F) | $(git rev-parse --short HEAD 2>/dev/null || echo -) |"
for target in "${targets[@]}"; do
  # Killed (timeouts count as killed), survived and not covered, over the files under the target's prefixes.
  read -r killed survived uncovered < <(awk -F'\t' -v prefixes="$target" '
    BEGIN { n = split(prefixes, prefix, " ") }
    { for (i = 1; i <= n; i++) if (index($1, prefix[i] "/") == 1) { count[$2]++; break } }
    END { print count["Killed"] + count["Timeout"], count["Survived"] + 0, count["NoCoverage"] + 0 }' <<<"$mutants")
  name=${target// / + }
  tested=$((killed + survived + uncovered))
  if [ "$tested" -eq 0 ]; then
    echo "$name: no mutant tested (did its files move?)"
    failed=1
    row+=" - |"
    continue
  fi
  score=$(awk -v k="$killed" -v t="$tested" 'BEGIN { printf "%.1f", 100 * k / t }')
  verdict=""
  if [ $((killed * 100)) -lt $((threshold * tested)) ]; then
    verdict="  (under $threshold %)"
    failed=1
  fi
  echo "$name: $score %$verdict  [$killed killed, $survived survived, $uncovered not covered]"
  row+=" $score |"
done

# What survived, so a failing target says where to look.
jq -r --arg root "$PWD/" '
  .files | to_entries[] | (.key | ltrimstr($root)) as $file | .value.mutants[]
  | select(.status == "Survived" or .status == "NoCoverage")
  | "  \(.status): \($file):\(.location.start.line) \(.mutatorName)"' "$output/reports/mutation-report.json"
elapsed=$((SECONDS - started))
echo "Mutation testing took ${elapsed} s; report: $output/reports/mutation-report.html"

if $record; then
  echo "$row ${elapsed} s |" >>docs/mutation-scores.md
  echo "Recorded in docs/mutation-scores.md"
fi
exit "$failed"
