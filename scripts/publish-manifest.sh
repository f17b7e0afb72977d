#!/usr/bin/env bash
# Regenerates aspire-manifest.json from the AppHost in publish mode (always container infrastructure), the input of
# `aspirate generate`. Commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet run --project Shop.AppHost --launch-profile http -- --publisher manifest --output-path ../aspire-manifest.json
