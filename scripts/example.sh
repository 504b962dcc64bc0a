#!/usr/bin/env bash
# Install fogofwar and run the main job on the embedded default: the worked example article,
# extracted, stored in the default SQLite ledger (or $FOGOFWAR_DB), reconciled into estimates.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
article=examples/battle-of-anefis-2014.txt
echo "== fogofwar extract $article --format table"
.venv/bin/fogofwar extract "$article" --format table
echo "== fogofwar ingest $article"
.venv/bin/fogofwar ingest "$article"
echo "== fogofwar estimates battle-of-anefis-2014"
.venv/bin/fogofwar estimates battle-of-anefis-2014
echo "== to browse it: .venv/bin/fogofwar serve   then open http://127.0.0.1:8000/events/battle-of-anefis-2014 (API: http://127.0.0.1:8000/docs; Ctrl-C stops)"
