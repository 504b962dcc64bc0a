#!/usr/bin/env bash
# A throwaway PostgreSQL server for fogofwar's tests and benchmarks.
#
#   scripts/postgres.sh start [DIR]     install (Debian package) if missing, start, print the URL
#   scripts/postgres.sh url [DIR]       print the URL of a running server
#   scripts/postgres.sh stop [DIR]      stop the server and delete DIR
#   scripts/postgres.sh run CMD...      start, run CMD with FOGOFWAR_TEST_PG_URL set, stop
#
# DIR defaults to $FOGOFWAR_PG_DIR or /tmp/fogofwar-pg; the port to $FOGOFWAR_PG_PORT or 55432.
# PostgreSQL refuses to run as root, so as root the server runs as the OS user `postgres`
# (created by the Debian package). Data is throwaway: fsync is off.
set -euo pipefail

cmd=${1:-}
shift || true
PORT=${FOGOFWAR_PG_PORT:-55432}

find_bin() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return
  fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return; fi
  return 1
}

ensure_installed() {
  if find_bin >/dev/null; then return; fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "postgres.sh: PostgreSQL is not installed and we are not root to apt-get it" >&2; exit 1
  fi
  echo "postgres.sh: installing the Debian postgresql package" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 \
    || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; }
}

as_owner() {  # run a command as the cluster owner
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

url() { echo "postgresql://fogofwar@127.0.0.1:${PORT}/fogofwar"; }

start() {
  local dir=$1
  ensure_installed
  local bin; bin=$(find_bin)
  if [ -f "$dir/port" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    PORT=$(cat "$dir/port"); url; return
  fi
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$dir" postgres
    chown postgres "$dir"; chmod 700 "$dir"
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$dir/data" -U fogofwar -A trust -E UTF8 --no-locale >"$dir.initdb.log" 2>&1 \
      || { cat "$dir.initdb.log" >&2; exit 1; }
  fi
  echo "$PORT" | as_owner tee "$dir/port" >/dev/null
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $PORT -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
  "$bin/psql" -h 127.0.0.1 -p "$PORT" -U fogofwar -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname='fogofwar'" | grep -q 1 \
    || "$bin/createdb" -h 127.0.0.1 -p "$PORT" -U fogofwar fogofwar
  url
}

stop() {
  local dir=$1
  local bin; bin=$(find_bin) || return 0
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir" "$dir.initdb.log"
}

case "$cmd" in
  start) start "${1:-${FOGOFWAR_PG_DIR:-/tmp/fogofwar-pg}}" ;;
  url) dir=${1:-${FOGOFWAR_PG_DIR:-/tmp/fogofwar-pg}}; PORT=$(cat "$dir/port"); url ;;
  stop) stop "${1:-${FOGOFWAR_PG_DIR:-/tmp/fogofwar-pg}}" ;;
  run)
    [ -n "${FOGOFWAR_PG_PORT:-}" ] || PORT=$((55433 + RANDOM % 2000))
    dir=${FOGOFWAR_PG_DIR:-$(mktemp -u /tmp/fogofwar-pg-XXXXXX)}
    trap 'stop "$dir"' EXIT
    FOGOFWAR_TEST_PG_URL=$(start "$dir")
    export FOGOFWAR_TEST_PG_URL
    echo "postgres.sh: FOGOFWAR_TEST_PG_URL=$FOGOFWAR_TEST_PG_URL" >&2
    "$@"
    ;;
  *) sed -n '2,12p' "$0" >&2; exit 2 ;;
esac
