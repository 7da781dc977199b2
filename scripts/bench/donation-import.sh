#!/usr/bin/env bash
# How fast does a portal site's donation export import? Target: 100,000 rows in at most 30 s on
# PostgreSQL (issue 12).
#
#   scripts/bench/donation-import.sh [port]      (default port 18241)
#
# Boots app/target/machi.jar on a fresh PostgreSQL database (created on 127.0.0.1:5432 as user
# postgres, dropped at the end; BENCH_DB=h2 for a fresh embedded H2 database instead), signs in as
# its first administrator, registers a municipality with the promotion module, a staff API token,
# a donation use and a portal site with its column mapping. It generates two CSV files in the
# site's layout (UTF-8; invented donors, 計測 …): 1,000 rows and 100,000 rows (about 70,000
# distinct donors, the rest donating again), and POSTs each to
# …/promotion/donations/bulk-imports: the 1,000 rows, then the 100,000 as a dry run, then for
# real, then the same 100,000 again (every row a duplicate by order id, nothing written). It
# prints the time of each (curl's time_total: upload, parse, checks, inserts, audit, commit) and
# rows per second, and checks that the donations' count is 101,000.
# Build first: ./mvnw -B -DskipTests package. Needs curl, awk, and psql for PostgreSQL.
set -euo pipefail
port=${1:-18241}
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
else
  unset MACHI_DB_URL MACHI_DB_USER MACHI_DB_PASSWORD
fi

MACHI_DATA_DIR="$work/data" MACHI_DEMO=false MACHI_ADMIN_USER=$admin MACHI_ADMIN_PASSWORD=$password \
  java -jar "$jar" --port "$port" --nocluster --disablephonehome >> "$work/server.log" 2>&1 &
server=$!
echo "Booting machi.jar on $db …" >&2
until [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/health/ready")" = 200 ]; do
  kill -0 "$server" 2>/dev/null || { echo "the server died; its log:" >&2; tail -40 "$work/server.log" >&2; exit 1; }
  sleep 0.5
done

fresh_code() { # a valid local government code (check digit) not likely used before
  local five sum i w=(6 5 4 3 2)
  five=$(printf '%02d%03d' $((RANDOM % 47 + 1)) $((RANDOM % 900 + 100)))
  sum=0
  for i in 0 1 2 3 4; do sum=$((sum + ${five:$i:1} * ${w[$i]})); done
  echo "$five$(( (11 - sum % 11) % 10 ))"
}
field() { sed 's/.*"'"$1"'":"\([^"]*\)".*/\1/'; }
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
  "$api/municipalities/$code/modules/promotion" >/dev/null
staff=$(curl -sf -H "$auth" -H 'Content-Type: application/json' -d '{"name":"bench-staff","role":"STAFF"}' \
  "$api/municipalities/$code/api-tokens" | field token)
base="$api/municipalities/$code/promotion"
curl -sf -H "Authorization: Bearer $staff" -H 'Content-Type: application/json' "$base/donation-uses" \
  -d '{"name":"子育て支援"}' >/dev/null
site=$(curl -sf -H "Authorization: Bearer $staff" -H 'Content-Type: application/json' "$base/import-sites" -d '{
  "name":"計測ポータル","defaultPaymentMethod":"CREDIT_CARD","columns":{"orderId":"受付番号","receivedOn":"入金日",
  "amount":"寄附金額","name":"寄附者氏名","kana":"寄附者氏名（カナ）","postalCode":"郵便番号","address":"住所",
  "phone":"電話番号","email":"メールアドレス","payment":"決済方法","use":"寄附金の使い道","publishName":"氏名公表"}}' | field id)

generate() { # $1 first order number, $2 rows, $3 file
  awk -v first="$1" -v rows="$2" 'BEGIN {
    print "受付番号,入金日,寄附金額,寄附者氏名,寄附者氏名（カナ）,郵便番号,住所,電話番号,メールアドレス,決済方法,寄附金の使い道,氏名公表"
    for (i = 0; i < rows; i++) {
      n = first + i; donor = int(n * 0.7)
      printf "B-%08d,2024/%02d/%02d,%d,計測 寄附者%d,ケイソク キフシャ,745-%04d,山口県計測市本町%d番地,08%02d-%02d-%04d,bench%d@example.jp,クレジットカード,子育て支援,希望しない\n",
        n, 10 + n % 3, 1 + n % 28, 5000 + (n % 20) * 1000, donor, donor % 10000, donor % 500, int(donor / 1000000) % 100, int(donor / 10000) % 100, donor % 10000, donor
    }
  }' > "$3"
}
generate 1 1000 "$work/small.csv"
generate 100001 100000 "$work/large.csv"

post() { # $1 file, $2 extra query: prints "http_code seconds"
  curl -s -o "$work/reply.json" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $staff" \
    -H 'Content-Type: text/csv; charset=UTF-8' --data-binary "@$1" "$base/donations/bulk-imports?site=$site&preview=0$2"
}
report() { # $1 label, $2 rows, $3 code, $4 seconds
  [ "$3" = 200 ] || [ "$3" = 201 ] || { echo "$1: HTTP $3: $(head -c 600 "$work/reply.json")" >&2; exit 1; }
  printf '%-52s %8s rows %8.2f s %10.0f rows/s   %s\n' "$1" "$2" "$4" "$(echo "$2 / $4" | bc -l)" \
    "$(sed 's/.*"imported":\([0-9]*\).*"duplicateOrders":\([0-9]*\).*"donorsCreated":\([0-9]*\).*/imported \1, duplicates \2, donors created \3/' "$work/reply.json")"
}
printf '\nPOST …/promotion/donations/bulk-imports (%s, %s MB and %s MB files)\n' "$db" \
  "$(echo "scale=2; $(wc -c < "$work/small.csv") / 1048576" | bc)" "$(echo "scale=2; $(wc -c < "$work/large.csv") / 1048576" | bc)"
read -r c s < <(post "$work/small.csv" ""); report "1,000 rows" 1000 "$c" "$s"
read -r c s < <(post "$work/large.csv" "&dryRun=true"); report "100,000 rows, dry run" 100000 "$c" "$s"
read -r c s < <(post "$work/large.csv" ""); report "100,000 rows" 100000 "$c" "$s"
read -r c s < <(post "$work/large.csv" ""); report "the same 100,000 rows again (all duplicates)" 100000 "$c" "$s"
# Counted in the database: the API's list counts only up to MACHI_API_COUNT_LIMIT (10,000; ADR 31).
if [ "$db" = postgresql ]; then
  total=$(psql -qtA -h 127.0.0.1 -U postgres -d "$pgdb" -c "SELECT count(*) FROM promotion_donation WHERE municipality_code = '$code'")
  echo "donations now: $total (expected 101000)"
else
  total=$(curl -sf -H "Authorization: Bearer $staff" "$base/donations?size=1" | sed 's/.*"totalItems":\([0-9]*\).*/\1/')
  echo "donations now: at least $total (the list counts up to 10,000; expected 101000, count it in the database)"
fi
[ "$db" != postgresql ] || [ "$total" = 101000 ] || exit 1
