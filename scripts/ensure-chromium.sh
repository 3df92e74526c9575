#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for the e2e tests; Playwright never downloads a browser here.
set -euo pipefail
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM_PATH" ]; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Chromium not found at $CHROMIUM_PATH: installing Debian's chromium package…" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x "$CHROMIUM_PATH" ] && exit 0
fi
cat >&2 <<MSG
The end-to-end tests need Chromium at $CHROMIUM_PATH and it could not be installed automatically.
Install it with:   sudo apt-get update && sudo apt-get install -y chromium
or point CHROMIUM_PATH at an existing Chromium/Chrome binary, then run the tests again.
MSG
exit 1
