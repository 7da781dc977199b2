#!/usr/bin/env bash
# Measures how long machi.jar takes from process start to GET /health/ready = 200.
#
#   scripts/bench-boot.sh [runs] [port]       (defaults: 5 runs, port 18999)
#
# Each run starts on a fresh H2 data directory (first start: migrations and demo data) and then
# once more on the same directory (a restart: nothing to migrate). Build first:
#   ./mvnw -B -DskipTests package
# Set MACHI_DB_URL etc. to measure against PostgreSQL instead (the database is reused across runs).
set -euo pipefail
runs=${1:-5}
port=${2:-18999}
jar="$(cd "$(dirname "$0")/.." && pwd)/app/target/machi.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
work=$(mktemp -d)
trap 'pkill -f "machi.jar --port $port" 2>/dev/null || true; rm -rf "$work"' EXIT

boot() { # $1 data dir; prints seconds to ready
  local start end pid
  start=$(date +%s%N)
  MACHI_DATA_DIR="$1" MACHI_DEMO=true java -jar "$jar" --port "$port" > "$work/server.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/health/ready")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "server died; see log:" >&2; tail -40 "$work/server.log" >&2; exit 1; }
    sleep 0.2
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "scale=2; ($end - $start) / 1000000000" | bc
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

first=(); again=()
for i in $(seq 1 "$runs"); do
  dir="$work/data-$i"
  f=$(boot "$dir"); a=$(boot "$dir")
  first+=("$f"); again+=("$a")
  echo "run $i: first start ${f}s, restart ${a}s"
done
echo "median first start (migrate + demo data): $(printf '%s\n' "${first[@]}" | median)s"
echo "median restart:                           $(printf '%s\n' "${again[@]}" | median)s"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
