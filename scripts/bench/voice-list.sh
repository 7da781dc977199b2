#!/usr/bin/env bash
# Does the staff list of citizen voices stay as fast with 100,000 voices as with 1,000? Lists page
# in the database (ADR 0012), so it should: this measures it.
#
#   scripts/bench/voice-list.sh [requests] [port]      (defaults: 200 timed requests, port 18240)
#
# Boots app/target/machi.jar on a fresh PostgreSQL database (created on 127.0.0.1:5432 as user
# postgres, dropped at the end; set BENCH_DB=h2 for a fresh embedded H2 database instead), signs
# in as its first administrator, registers a municipality with the engagement module and a staff
# API token, and sends 20 voices through the API. It then fills the municipality with 1,000
# voices and times `GET …/engagement/voices?page=0&size=20` (and the overdue filter) `requests`
# times over one keep-alive connection, after a warm-up, reporting median and p95; then fills to
# 100,000 voices, times again and prints the ratios (target ≤ 1.5), and the time, size and the
# server's resident memory of a CSV export of all 100,000.
#
# The bulk of the voices is seeded with SQL straight into engagement_voice (INSERT … SELECT over a
# number series: a voice every 7 minutes back from now, statuses in turn, due 40 days after
# receipt, and every fourth one (open) received 60 days earlier, so overdue — at 100,000 every open
# voice older than 40 days is overdue too), not through the API:
# 100,000 POSTs would take far longer than the measurement. On H2 the server is stopped for the
# seeding (the file is locked while it runs) and started again.
# Build first: ./mvnw -B -DskipTests package. Needs curl, and psql for PostgreSQL.
set -euo pipefail
requests=${1:-200}
port=${2:-18240}
db=${BENCH_DB:-postgresql}
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/app/target/machi.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
work=$(mktemp -d)
pgdb="machi_bench_$$"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  [ "$db" = postgresql ] && psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $pgdb" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

admin=bench-admin
password="Bench-Passw0rd-$$"
if [ "$db" = postgresql ]; then
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $pgdb" >/dev/null
  export MACHI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$pgdb" MACHI_DB_USER=postgres MACHI_DB_PASSWORD=
  sql() { psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d "$pgdb" -c "$1" >/dev/null; }
  series() { echo "generate_series($1, $2) AS s(n)"; }
  uuid=gen_random_uuid
else
  unset MACHI_DB_URL MACHI_DB_USER MACHI_DB_PASSWORD
  h2v=$(sed -n 's#.*<h2.version>\(.*\)</h2.version>.*#\1#p' "$root/pom.xml")   # the H2 the WAR bundles
  h2="$HOME/.m2/repository/com/h2database/h2/$h2v/h2-$h2v.jar"
  sql() { java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$work/data/machi" -user machi -password machi -sql "$1" >/dev/null; }
  series() { echo "(SELECT X AS n FROM SYSTEM_RANGE($1, $2)) s"; }
  uuid=RANDOM_UUID
fi

start() {
  MACHI_DATA_DIR="$work/data" MACHI_DEMO=false MACHI_ADMIN_USER=$admin MACHI_ADMIN_PASSWORD=$password \
    java -jar "$jar" --port "$port" --nocluster --disablephonehome >> "$work/server.log" 2>&1 &
  server=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/health/ready")" = 200 ]; do
    kill -0 "$server" 2>/dev/null || { echo "the server died; its log:" >&2; tail -40 "$work/server.log" >&2; exit 1; }
    sleep 0.5
  done
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

fresh_code() { # a valid local government code (check digit) not likely used before
  local five sum i w=(6 5 4 3 2)
  five=$(printf '%02d%03d' $((RANDOM % 47 + 1)) $((RANDOM % 900 + 100)))
  sum=0
  for i in 0 1 2 3 4; do sum=$((sum + ${five:$i:1} * ${w[$i]})); done
  echo "$five$(( (11 - sum % 11) % 10 ))"
}
field() { sed 's/.*"'"$1"'":"\([^"]*\)".*/\1/'; }

echo "Booting machi.jar on $db …" >&2
start
api="localhost:$port/api/v1"
csrf=$(curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
  -d "{\"login\":\"$admin\",\"password\":\"$password\"}" "$api/session" | field csrfToken)
token=$(curl -sf -b "$work/cookies" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"name":"bench"}' "$api/api-tokens" | field token)
auth="Authorization: Bearer $token"
code=$(fresh_code)
curl -sf -H "$auth" -H 'Content-Type: application/json' "$api/municipalities" \
  -d "{\"code\":\"$code\",\"nameJa\":\"計測市\",\"nameKana\":\"けいそくし\",\"nameEn\":\"Bench City\"}" >/dev/null
curl -sf -X PUT -H "$auth" -H 'Content-Type: application/json' -d '{"enabled":true}' \
  "$api/municipalities/$code/modules/engagement" >/dev/null
staff=$(curl -sf -H "$auth" -H 'Content-Type: application/json' -d '{"name":"bench-staff","role":"STAFF"}' \
  "$api/municipalities/$code/api-tokens" | field token)
voices="$api/municipalities/$code/engagement/voices"
for i in $(seq 1 20); do
  curl -sf -H "Authorization: Bearer $staff" -H 'Content-Type: application/json' "$voices" \
    -d "{\"subject\":\"計測用の声 $i\",\"body\":\"本文 $i\",\"name\":\"計測 太郎\",\"email\":\"bench$i@example.jp\"}" >/dev/null
done

fill() { # $1 first, $2 last: seed voices number $1..$2 with SQL
  [ "$db" = h2 ] && stop
  sql "INSERT INTO engagement_voice (id, municipality_code, receipt_number, received_at, channel, category, subject,
         body, sender_name, wants_reply, status, answer_due, published, version)
       SELECT $uuid(), '$code', CONCAT('B-', CAST(n AS VARCHAR(10))), received, 'WEB_FORM', '計測',
         CONCAT('計測用の声 ', CAST(n AS VARCHAR(10))), '本文', '計測 太郎', FALSE,
         CASE MOD(n, 4) WHEN 0 THEN 'RECEIVED' WHEN 1 THEN 'IN_PROGRESS' WHEN 2 THEN 'ANSWERED' ELSE 'CLOSED' END,
         CAST(received AS DATE) + 40, FALSE, 0
       FROM (SELECT n, CURRENT_TIMESTAMP - (n * INTERVAL '7' MINUTE)
               - (CASE WHEN MOD(n, 8) < 2 THEN 60 ELSE 0 END) * INTERVAL '1' DAY AS received
             FROM $(series "$1" "$2")) v"
  [ "$db" = postgresql ] && sql "ANALYZE engagement_voice"
  [ "$db" = h2 ] && start
  return 0
}

timed() { # $1 url: median and p95 (ms) of $requests GETs after 30 warm-up ones, one keep-alive connection
  local cfg="$work/req.cfg" i
  : > "$cfg"
  for ((i = 0; i < requests + 30; i++)); do
    [ "$i" -gt 0 ] && echo next >> "$cfg"
    printf 'url = "%s"\nheader = "Authorization: Bearer %s"\noutput = "/dev/null"\nwrite-out = "%%{http_code} %%{time_total}\\n"\n' \
      "$1" "$staff" >> "$cfg"
  done
  curl -s -K "$cfg" > "$work/times"
  if grep -qv '^200 ' "$work/times"; then echo "not every request answered 200: $(sort -u "$work/times" | head -3)" >&2; exit 1; fi
  tail -n "$requests" "$work/times" | awk '{print $2 * 1000}' | sort -n \
    | awk '{a[NR]=$1} END {printf "%.1f %.1f\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), a[int(NR*0.95+0.5)]}'
}
total() { # the list's total as it says it: "more than N" past the count limit (ADR 31)
  curl -sf -H "Authorization: Bearer $staff" "$voices?size=1$1" \
    | sed 's/.*"totalItems":\([0-9]*\),"totalItemsExact":\([a-z]*\).*/\1 \2/' \
    | awk '{print ($2 == "false" ? "more than " $1 : $1)}'
}

fill 21 1000
echo "$(total '') voices ($(total '&overdue=true') overdue); $requests timed requests each" >&2
read -r small small95 < <(timed "$voices?page=0&size=20")
read -r osmall osmall95 < <(timed "$voices?page=0&size=20&overdue=true")
fill 1001 100000
echo "$(total '') voices ($(total '&overdue=true') overdue)" >&2
read -r big big95 < <(timed "$voices?page=0&size=20")
read -r obig obig95 < <(timed "$voices?page=0&size=20&overdue=true")
read -r deep deep95 < <(timed "$voices?page=4000&size=20")
t0=$(date +%s%N)
bytes=$(curl -sf -H "Authorization: Bearer $staff" "$voices?format=csv" | wc -c)
t1=$(date +%s%N)
# machi.jar's launcher (ADR 36) runs the server in a child JVM: count both.
rss=$(ps -o rss= -p "$server" --ppid "$server" | awk '{s += $1} END {print s + 0}')

ratio() { echo "scale=2; $1 / $2" | bc; }
printf '\n%-44s %12s %12s %8s\n' "GET …/engagement/voices ($db)" "1,000" "100,000" "ratio"
printf '%-44s %9s ms %9s ms %8s\n' "page=0&size=20, median" "$small" "$big" "$(ratio "$big" "$small")"
printf '%-44s %9s ms %9s ms %8s\n' "page=0&size=20, p95" "$small95" "$big95" "$(ratio "$big95" "$small95")"
printf '%-44s %9s ms %9s ms %8s\n' "overdue=true&page=0&size=20, median" "$osmall" "$obig" "$(ratio "$obig" "$osmall")"
printf '%-44s %9s ms %9s ms %8s\n' "overdue=true&page=0&size=20, p95" "$osmall95" "$obig95" "$(ratio "$obig95" "$osmall95")"
printf '%-44s %12s %9s ms\n' "page=4000&size=20 (offset 80,000), median" "" "$deep"
printf 'CSV export of 100,020 voices: %s bytes in %s s; server resident memory after it: %s MB\n' \
  "$bytes" "$(echo "scale=1; ($t1 - $t0) / 1000000000" | bc)" "$((rss / 1024))"
