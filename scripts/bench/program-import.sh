#!/usr/bin/env bash
# How fast does a program list (事務事業一覧) import? Target: 100,000 rows in at most 15 s on H2 and
# 30 s on PostgreSQL, all or nothing (issue 15, ADR 56).
#
#   scripts/bench/program-import.sh [port]      (default port 18242)
#
# Generates three files in seed 000's shape (a title line naming the fiscal year, the header, then
# tab-separated rows of 通し番号・事業番号・事務事業名・課名・事業の目的・事業の概要・成果 in UTF-8, about
# 570 bytes a row, 60 % of seed 000's, so that 100,000 rows (55 MiB) stay under the 64 MiB import limit):
# 1,000 rows for 令和4年度, 10,000 for 令和5年度 and 100,000 for 令和6年度; half the rows name a
# division in the organisational tree (matched), half one that is not (proposed, not created).
# Then, for H2 and for PostgreSQL in turn (BENCH_DB=h2 or BENCH_DB=postgresql for one only), boots
# app/target/machi.jar on a fresh database (H2 in a temporary directory; PostgreSQL created on
# 127.0.0.1:5432 as user postgres and dropped at the end), signs in as its first administrator,
# registers a municipality with the planning module, its 市長公室 and 広報戦略課, and a staff API
# token, and POSTs each file to …/planning/programs/bulk-imports: as a dry run, then for real. It
# prints the time of each (curl's time_total: upload, parse, checks, unit matching, inserts, audit,
# commit) and rows per second, counts the programs in the database afterwards (the API's count,
# its limit raised for the run, and psql's on PostgreSQL), and compares the 100,000-row import with
# its target. Build first: ./mvnw -B -DskipTests package. Needs curl, awk, bc, and psql for PostgreSQL.
set -euo pipefail
port=${1:-18242}
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/app/target/machi.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
work=$(mktemp -d)
server=""
pgdb=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; fi
  if [ -n "$pgdb" ]; then psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $pgdb" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

generate() { # $1 rows, $2 era year (令和N), $3 file
  awk -v rows="$1" -v era="$2" 'BEGIN {
    printf "令和%d年度事務事業一覧（計測用）\n\n通し番号\t事業番号\t事務事業名\t課名\t事業の目的\t事業の概要\t成果\n", era
    for (i = 1; i <= rows; i++) {
      printf "%d\tP-%06d\t計測事業%d（地域の情報発信と交流の促進）\t%s\t", i, i, i, (i % 2 ? "市長公室広報戦略課" : "市長公室計測推進課")
      printf "市民が市政の情報を必要なときに得られ、地域の活動に参加しやすくする。対象は市民と市内の団体%d。\t", i % 97
      printf "広報紙を毎月発行し、ウェブサイトと SNS で情報を発信する。地域の交流会を年%d回開き、意見を集めて施策に反映する。\t", 4 + i % 9
      printf "広報紙の発行12回、ウェブサイトの閲覧数%d件、交流会の参加者%d人。参加者の満足度は%d.%d%%で、前年度より向上した。\n", i * 37 % 100000, 100 + i % 400, 70 + i % 25, i % 10
    }
  }' > "$3"
}
generate 1000 4 "$work/p1k.tsv"
generate 10000 5 "$work/p10k.tsv"
generate 100000 6 "$work/p100k.tsv"
size() { echo "scale=1; $(wc -c < "$1") / 1048576" | bc; }
printf 'Files: 1,000 rows %s MB, 10,000 rows %s MB, 100,000 rows %s MB (UTF-8, tab separated)\n' \
  "$(size "$work/p1k.tsv")" "$(size "$work/p10k.tsv")" "$(size "$work/p100k.tsv")"

fresh_code() { # a valid local government code (check digit) not likely used before
  local five sum i w=(6 5 4 3 2)
  five=$(printf '%02d%03d' $((RANDOM % 47 + 1)) $((RANDOM % 900 + 100)))
  sum=0
  for i in 0 1 2 3 4; do sum=$((sum + ${five:$i:1} * ${w[$i]})); done
  echo "$five$(( (11 - sum % 11) % 10 ))"
}
field() { sed 's/.*"'"$1"'":"\([^"]*\)".*/\1/'; }

run() { # $1 h2 | postgresql
  local db=$1 admin=bench-admin password="Bench-Passw0rd-$$" api="localhost:$port/api/v1"
  if [ "$db" = postgresql ]; then
    pgdb="machi_bench_progimport_$$"
    psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $pgdb" >/dev/null
    export MACHI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$pgdb" MACHI_DB_USER=postgres MACHI_DB_PASSWORD=
  else
    unset MACHI_DB_URL MACHI_DB_USER MACHI_DB_PASSWORD
  fi
  rm -rf "$work/data"
  MACHI_DATA_DIR="$work/data" MACHI_DEMO=false MACHI_ADMIN_USER=$admin MACHI_ADMIN_PASSWORD=$password \
    MACHI_API_COUNT_LIMIT=1000000 java -jar "$jar" --port "$port" --nocluster --disablephonehome > "$work/server-$db.log" 2>&1 &
  server=$!
  echo "Booting machi.jar on $db …" >&2
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/health/ready")" = 200 ]; do
    kill -0 "$server" 2>/dev/null || { echo "the server died; its log:" >&2; tail -40 "$work/server-$db.log" >&2; exit 1; }
    sleep 0.5
  done
  local csrf token auth code staff base office
  csrf=$(curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
    -d "{\"login\":\"$admin\",\"password\":\"$password\"}" "$api/session" | field csrfToken)
  token=$(curl -sf -b "$work/cookies" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d '{"name":"bench"}' "$api/api-tokens" | field token)
  auth="Authorization: Bearer $token"
  code=$(fresh_code)
  curl -sf -H "$auth" -H 'Content-Type: application/json' "$api/municipalities" \
    -d "{\"code\":\"$code\",\"nameJa\":\"計測市\",\"nameKana\":\"けいそくし\",\"nameEn\":\"Bench City\"}" >/dev/null
  curl -sf -X PUT -H "$auth" -H 'Content-Type: application/json' -d '{"enabled":true}' \
    "$api/municipalities/$code/modules/planning" >/dev/null
  staff="Authorization: Bearer $(curl -sf -H "$auth" -H 'Content-Type: application/json' \
    -d '{"name":"bench-staff","role":"STAFF"}' "$api/municipalities/$code/api-tokens" | field token)"
  base="$api/municipalities/$code"
  office=$(curl -sf -H "$staff" -H 'Content-Type: application/json' "$base/organization-units" \
    -d '{"code":"10","nameJa":"市長公室","kind":"OFFICE","validFrom":"2020-04-01"}' | field id)
  curl -sf -H "$staff" -H 'Content-Type: application/json' "$base/organization-units" \
    -d "{\"code\":\"1020\",\"nameJa\":\"広報戦略課\",\"kind\":\"DIVISION\",\"parentId\":\"$office\",\"validFrom\":\"2020-04-01\"}" >/dev/null

  post() { # $1 file, $2 extra query: prints "http_code seconds"
    curl -s -o "$work/reply.json" -w '%{http_code} %{time_total}\n' -H "$staff" \
      -H 'Content-Type: text/tab-separated-values; charset=UTF-8' --data-binary "@$1" \
      "$base/planning/programs/bulk-imports?preview=0$2"
  }
  report() { # $1 label, $2 rows, $3 code, $4 seconds
    [ "$3" = 200 ] || [ "$3" = 201 ] || { echo "$1: HTTP $3: $(head -c 600 "$work/reply.json")" >&2; exit 1; }
    printf '%-36s %8s rows %8.2f s %10.0f rows/s   %s\n' "$1" "$2" "$4" "$(echo "$2 / $4" | bc -l)" \
      "$(sed 's/.*"rowCount":\([0-9]*\),"imported":\([0-9]*\),"millis":\([0-9]*\).*/rows \1, imported \2, server \3 ms/' "$work/reply.json")"
  }
  printf '\nPOST …/planning/programs/bulk-imports on %s\n' "$db"
  local c s n f label big=""
  for n in 1000 10000 100000; do
    case $n in 1000) f=p1k label=1,000;; 10000) f=p10k label=10,000;; 100000) f=p100k label=100,000;; esac
    read -r c s < <(post "$work/$f.tsv" "&dryRun=true"); report "$label rows, dry run" "$n" "$c" "$s"
    read -r c s < <(post "$work/$f.tsv" ""); report "$label rows, import" "$n" "$c" "$s"
    big=$s
  done
  local total
  total=$(curl -sf -H "$staff" "$base/planning/programs?size=1" | sed 's/.*"totalItems":\([0-9]*\).*/\1/')
  echo "programs counted by the API: $total (expected 111000)"
  if [ "$db" = postgresql ]; then
    total=$(psql -qtA -h 127.0.0.1 -U postgres -d "$pgdb" -c "SELECT count(*) FROM planning_program WHERE municipality_code = '$code'")
    echo "programs counted by psql: $total (expected 111000)"
  fi
  local target=15
  [ "$db" = postgresql ] && target=30
  printf '100,000 rows on %s: %.2f s against the target of %d s: %s\n' "$db" "$big" "$target" \
    "$( [ "$(echo "$big <= $target" | bc)" = 1 ] && echo met || echo NOT met)"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  if [ "$db" = postgresql ]; then psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $pgdb" >/dev/null; pgdb=""; fi
  [ "$total" = 111000 ] || exit 1
}

if [ -n "${BENCH_DB:-}" ]; then run "$BENCH_DB"; else run h2; run postgresql; fi
