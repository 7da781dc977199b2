#!/usr/bin/env bash
# Public submissions per second on PostgreSQL with fsync on, and none lost (issue 15: ≥ 500/s sustained).
#
#   scripts/bench/public-writes.sh      (env: DURATION=20 CONNECTIONS="8 32" WARMUP=10 BENCH_DB=postgresql|h2)
#
# Boots machi.jar (as a user starts it, `java -jar`, the default heap) with the demo data on a fresh database
# (PostgreSQL 15 on 127.0.0.1:5432, user postgres, unless BENCH_DB=h2), then has wrk send citizen voices to
# 取手市's public intake (POST …/082171/engagement/voices), each a new resident: its own Idempotency-Key and
# address (X-Forwarded-For from 127.0.0.1, named a trusted proxy here, so the rate limit counts residents).
# Every voice takes a receipt number from the municipality's counter, its audit row, its change-log row and
# its deadline, in one transaction. For each connection count it prints submissions/s, p50 and p99, how many
# were acknowledged (201) and how many voices the database holds afterwards (counted with psql; on H2 through
# the staff API): every acknowledged one must be there. Prints the PostgreSQL settings that decide
# durability (fsync, synchronous_commit). Needs wrk, curl, psql. Build first: ./mvnw -B -DskipTests package.
set -euo pipefail
duration=${DURATION:-20}
connections=${CONNECTIONS:-"8 32"}
warmup=${WARMUP:-10}
db=${BENCH_DB:-postgresql}
lg=082171
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/app/target/machi.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk" >&2; exit 1; }

work=$(mktemp -d)
pgdb="machi_writes_$$"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  [ "$db" = postgresql ] && psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $pgdb" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
if [ "$db" = postgresql ]; then
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $pgdb" >/dev/null
  export MACHI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$pgdb" MACHI_DB_USER=postgres MACHI_DB_PASSWORD=
  echo "PostgreSQL: fsync=$(psql -h 127.0.0.1 -U postgres -Atc 'show fsync'),"\
    "synchronous_commit=$(psql -h 127.0.0.1 -U postgres -Atc 'show synchronous_commit')"
else
  unset MACHI_DB_URL MACHI_DB_USER MACHI_DB_PASSWORD
fi
echo "Booting Machi (java -jar machi.jar, demo data, $db) …" >&2
MACHI_DATA_DIR="$work/data" MACHI_DEMO=true MACHI_INTAKE_TRUSTED_PROXIES=127.0.0.1 \
  java -jar "$jar" --port "$port" --nocluster --disablephonehome > "$work/machi.log" 2>&1 &
pids+=($!)
until [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/health/ready")" = 200 ]; do
  kill -0 "${pids[-1]}" 2>/dev/null || { echo "the server died; its log:" >&2; tail -40 "$work/machi.log" >&2; exit 1; }
  sleep 0.5
done
api="localhost:$port/api/v1"
csrf=$(curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
  -d '{"login":"demo-admin","password":"machi-demo-2025"}' "$api/session" | sed 's/.*"csrfToken":"\([^"]*\)".*/\1/')
token=$(curl -sf -b "$work/cookies" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"name":"benchmark"}' "$api/api-tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
voices="http://$api/municipalities/$lg/engagement/voices"
count() { # voices of the municipality in the database (spam included: none is expected)
  if [ "$db" = postgresql ]; then
    psql -h 127.0.0.1 -U postgres -d "$pgdb" -Atc "SELECT count(*) FROM engagement_voice WHERE municipality_code = '$lg'"
  else
    curl -sf -H "Authorization: Bearer $token" "$voices?size=1" | sed 's/.*"totalItems":\([0-9]*\).*/\1/'
  fi
}
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'; }

echo "Warming up ($warmup s) …" >&2
wrk -t2 -c8 -d"${warmup}s" -s "$root/scripts/bench/lua/voice.lua" "$voices" >/dev/null 2>&1
printf '%5s %12s %9s %9s %13s %10s %8s\n' conns 'writes/s' 'p50 ms' 'p99 ms' acknowledged 'in the db' lost
for c in $connections; do
  before=$(count)
  out=$(wrk -t2 -c"$c" -d"${duration}s" --latency -s "$root/scripts/bench/lua/voice.lua" "$voices" 2>"$work/wrk.err")
  sleep 1
  after=$(count)
  acked=$(echo "$out" | awk '/^ACKNOWLEDGED/ {print $2}')
  other=$(echo "$out" | awk '/^ACKNOWLEDGED/ {print $4}')
  rows=$((after - before))
  printf '%5s %12.0f %9s %9s %13s %10s %8s\n' "$c" "$(awk -v a="$acked" -v d="$duration" 'BEGIN { print a / d }')" \
    "$(ms "$(echo "$out" | awk '$1 == "50%" {print $2}')")" "$(ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")" \
    "$acked" "$rows" "$(( acked > rows ? acked - rows : 0 ))"
  [ "${other:-0}" = 0 ] || { echo "  $other answers other than 201:" >&2; head -5 "$work/wrk.err" >&2; }
done
echo "(writes/s: acknowledged voices ÷ seconds, target ≥ 500; in the db: voices added, at least every acknowledged one;"
echo " load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc))"
