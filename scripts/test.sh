#!/usr/bin/env bash
# Install fogofwar with its test tools, then run every check: ruff, mypy (strict) and the test
# suite against real SQLite files and a real PostgreSQL server, which scripts/postgres.sh
# installs (Debian package) if missing, starts for the run and stops afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev
.venv/bin/ruff check src tests benchmarks
.venv/bin/ruff format --check src tests benchmarks
.venv/bin/mypy
# Chromium for the web page's browser tests (Debian's package; scripts/chromium.sh installs it).
if FOGOFWAR_CHROMIUM=$(scripts/chromium.sh); then
  export FOGOFWAR_CHROMIUM
else
  echo "test.sh: no Chromium: the browser tests will skip (and fail under CI)" >&2
fi
scripts/postgres.sh run .venv/bin/pytest -q -n 2 "$@"
