#!/usr/bin/env bash
# Measures what the audit trail costs: the time of N indicator updates (PUT with If-Match, each
# changing the name and one yearly target) against machi.jar as built, and against the same jar
# with the audit trail switched off (its eclipselink.session.customizer removed from the WAR's
# persistence.xml). Everything else is identical.
#
#   scripts/bench-audit.sh [updates] [rounds] [port]     (defaults: 200 updates, 3 rounds, port 18230)
#
# Each variant boots on a fresh H2 data directory, registers a municipality, creates an
# indicator, warms up with 50 updates, then times `rounds` batches of `updates` updates sent over
# one keep-alive connection (one curl process), and prints each batch and the median.
# Set MACHI_DB_URL (and MACHI_DB_USER/MACHI_DB_PASSWORD) to measure against PostgreSQL instead;
# both variants then use that database, each with a municipality of its own.
# Build first: ./mvnw -B -DskipTests package
set -euo pipefail
updates=${1:-200}
rounds=${2:-3}
port=${3:-18230}
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/app/target/machi.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# The same jar without the audit trail.
mkdir -p "$work/x/MICRO-INF/deploy" "$work/w/WEB-INF/classes/META-INF"
cp "$jar" "$work/noaudit.jar"
unzip -p "$jar" MICRO-INF/deploy/ROOT.war > "$work/x/MICRO-INF/deploy/ROOT.war"
unzip -p "$work/x/MICRO-INF/deploy/ROOT.war" WEB-INF/classes/META-INF/persistence.xml \
  | grep -v 'eclipselink.session.customizer' > "$work/w/WEB-INF/classes/META-INF/persistence.xml"
(cd "$work/w" && zip -q "$work/x/MICRO-INF/deploy/ROOT.war" WEB-INF/classes/META-INF/persistence.xml)
(cd "$work/x" && zip -q "$work/noaudit.jar" MICRO-INF/deploy/ROOT.war)

fresh_code() { # a valid local government code (check digit) not likely used before
  local five sum i w=(6 5 4 3 2)
  five=$(printf '%02d%03d' $((RANDOM % 47 + 1)) $((RANDOM % 900 + 100)))
  sum=0
  for i in 0 1 2 3 4; do sum=$((sum + ${five:$i:1} * ${w[$i]})); done
  echo "$five$(( (11 - sum % 11) % 10 ))"
}

body() { # $1 name, $2 target of FY2022
  printf '{"nameJa":"%s","kind":"OUTCOME","unit":"件","direction":"HIGHER_IS_BETTER","years":[%s]}' "$1" \
    "{\"fiscalYear\":2020,\"target\":55,\"actual\":48},{\"fiscalYear\":2021,\"target\":100},{\"fiscalYear\":2022,\"target\":$2},{\"fiscalYear\":2023,\"target\":110},{\"fiscalYear\":2024,\"target\":115}"
}
body "計測用指標A" 105 > "$work/a.json"
body "計測用指標B" 106 > "$work/b.json"

updates_config() { # $1 url, $2 first version, $3 count -> curl config for that many updates
  local v=$2 i
  for ((i = 0; i < $3; i++)); do
    [ "$i" -gt 0 ] && echo next
    echo "url = \"$1\""
    echo 'request = "PUT"'
    echo 'header = "Content-Type: application/json"'
    echo "header = \"If-Match: \\\"$v\\\"\""
    if ((i % 2)); then echo "data-binary = \"@$work/b.json\""; else echo "data-binary = \"@$work/a.json\""; fi
    echo 'output = "/dev/null"'
    echo 'write-out = "%{http_code}\n"'
    v=$((v + 1))
  done
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # $1 jar, $2 label
  local dir="$work/data-$2" base code id version t0 t1 ok times=() s
  MACHI_DATA_DIR="$dir" MACHI_DEMO=false java -jar "$1" --port "$port" --nocluster --disablephonehome \
    > "$work/server-$2.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/health/ready")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "server died; see log:" >&2; tail -40 "$work/server-$2.log" >&2; exit 1; }
    sleep 0.5
  done
  base="localhost:$port/api/v1/municipalities"
  code=$(fresh_code)
  curl -sf -X POST "$base" -H 'Content-Type: application/json' \
    -d "{\"code\":\"$code\",\"nameJa\":\"計測市\",\"nameKana\":\"けいそくし\",\"nameEn\":\"Bench City\"}" > /dev/null
  id=$(curl -sf -X POST "$base/$code/indicators" -H 'Content-Type: application/json' --data-binary "@$work/b.json" \
    | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  version=$(curl -sfI "$base/$code/indicators/$id" | tr -d '\r' | awk -F'"' 'tolower($0) ~ /^etag/ {print $2}')
  updates_config "$base/$code/indicators/$id" "$version" 50 > "$work/warm.cfg"
  ok=$(curl -s -K "$work/warm.cfg" | grep -c '^200$' || true)
  [ "$ok" = 50 ] || { echo "warm-up: only $ok of 50 updates answered 200" >&2; exit 1; }
  version=$((version + 50))
  for ((r = 1; r <= rounds; r++)); do
    updates_config "$base/$code/indicators/$id" "$version" "$updates" > "$work/run.cfg"
    t0=$(date +%s%N)
    ok=$(curl -s -K "$work/run.cfg" | grep -c '^200$' || true)
    t1=$(date +%s%N)
    [ "$ok" = "$updates" ] || { echo "only $ok of $updates updates answered 200" >&2; exit 1; }
    version=$((version + updates))
    s=$(echo "scale=3; ($t1 - $t0) / 1000000000" | bc)
    times+=("$s")
    echo "  $2 round $r: $updates updates in ${s}s" >&2
  done
  events=$(curl -sf "$base/$code/audit-events?entityId=$id&size=1" | grep -o '"totalItems":[0-9]*' | cut -d: -f2)
  echo "  $2: audit events for the indicator: $events" >&2
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  printf '%s\n' "${times[@]}" | median
}

echo "$updates indicator updates, $rounds rounds each (${MACHI_DB_URL:-H2 file database}):"
without=$(measure "$work/noaudit.jar" without-audit)
with=$(measure "$jar" with-audit)
echo "median without the audit trail: ${without}s ($(echo "scale=2; $without * 1000 / $updates" | bc) ms per update)"
echo "median with the audit trail:    ${with}s ($(echo "scale=2; $with * 1000 / $updates" | bc) ms per update)"
echo "overhead: $(echo "scale=1; ($with - $without) * 100 / $without" | bc) %"
