#!/usr/bin/env bash
# Lints the committed OpenAPI documents (docs/openapi/*.json) with Spectral and Shop's ruleset
# (tools/openapi-lint/.spectral.yaml), installing the pinned Spectral (tools/openapi-lint/package-lock.json) first when
# it is missing or stale. Exits non-zero on any error-severity finding; warnings are printed but pass.
# Usage: scripts/lint-openapi.sh [FORMAT]   FORMAT is a Spectral format: json (default, what
# Shop.Tests/Contract/OpenApiLintTests.cs parses) or stylish to read. Findings go to stdout, everything else to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."

format=${1:-json}
tool=tools/openapi-lint
documents=(docs/openapi/{users,inventory,orders,payments,notifications}.json)

for command in node npm; do
  if ! command -v "$command" >/dev/null 2>&1; then
    echo "$command is missing: Spectral needs Node.js 18.18 or later and npm. On Debian: apt-get install -y nodejs npm" >&2
    exit 1
  fi
done

# npm ci installs exactly the locked tree; the lockfile's hash, kept beside it, tells whether node_modules is current.
# --ignore-scripts: no package needs a build step, and the one install script is a telemetry ping (@scarf/scarf).
lock_hash=$(sha256sum "$tool/package-lock.json" | cut -d' ' -f1)
installed_hash=$(cat "$tool/node_modules/.shop-lock-sha256" 2>/dev/null || true)
if [ "$lock_hash" != "$installed_hash" ] || [ ! -x "$tool/node_modules/.bin/spectral" ]; then
  echo "Installing Spectral in $tool (npm ci)." >&2
  (cd "$tool" && npm ci --no-audit --no-fund --ignore-scripts >&2)
  echo "$lock_hash" >"$tool/node_modules/.shop-lock-sha256"
fi

for document in "${documents[@]}"; do
  [ -f "$document" ] || { echo "$document is missing." >&2; exit 1; }
done

"$tool/node_modules/.bin/spectral" lint --ruleset "$tool/.spectral.yaml" --format "$format" --fail-severity error --quiet \
  "${documents[@]}"
