#!/usr/bin/env bash
# Print the path of a Chromium executable for fogofwar's browser tests, installing Debian's
# `chromium` package with apt-get (as root) when none is there. Playwright drives this system
# browser through its executable path: Playwright's own browser download is not used.
#
#   scripts/chromium.sh          install if missing, print the executable's path
#
# $FOGOFWAR_CHROMIUM, when it names an executable, wins. Exit status 1 (with a message on
# stderr) when no Chromium is there and it cannot be installed.
set -euo pipefail

find_chromium() {
  if [ -n "${FOGOFWAR_CHROMIUM:-}" ] && [ -x "$FOGOFWAR_CHROMIUM" ]; then
    echo "$FOGOFWAR_CHROMIUM"; return
  fi
  local name
  for name in chromium chromium-browser; do
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  done
  return 1
}

if find_chromium; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium.sh: Chromium is not installed and we are not root to apt-get it" >&2; exit 1
fi
echo "chromium.sh: installing the Debian chromium package" >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2 \
  || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2; } \
  || { echo "chromium.sh: cannot install the chromium package" >&2; exit 1; }
find_chromium || { echo "chromium.sh: chromium installed but not on PATH" >&2; exit 1; }
