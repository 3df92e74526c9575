#!/usr/bin/env bash
# Every test: types, lint, unit tests (parsers, importer, search on samples and the real corpus), then e2e in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci
fi
echo "== typecheck" && npx tsc --noEmit
echo "== lint" && npx eslint . --max-warnings=0
echo "== unit tests" && npx vitest run
echo "== end-to-end tests" && bash scripts/test-e2e.sh
