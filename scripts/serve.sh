#!/usr/bin/env bash
# Fresh machine → Ladder serving the embedded content/ on http://127.0.0.1:${PORT:-3000}
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci
fi
npm run --silent db:migrate
npm run --silent import
npm run build
exec npm run start -- -p "${PORT:-3000}"
