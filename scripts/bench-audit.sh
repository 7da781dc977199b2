#!/usr/bin/env bash
# Measures what the audit trail costs: the time of N indicator updates (PUT with If-Match, each
# changing the name and one yearly target) against machi.jar as built, and against the same jar
# with the audit trail switched off (its eclipselink.session.customizer removed from the WAR's
# persistence.xml). Everything else is identical.
#
#   scripts/bench-audit.sh [updates] [rounds] [port] [warm-up]
#                          (defaults: 200 updates, 5 rounds, ports 18230/18231, 200 warm-up updates)
#
# Both variants run side by side, each on a fresh H2 data directory with a municipality and an
# indicator of its own, and are warmed up (the JIT) with some updates. Then, round after round,
# each times a batch of `updates` updates sent over one keep-alive connection (one curl
# process), taking turns (which goes first alternates), so that whatever else loads the machine
# weighs on both alike. It prints every batch, each variant's fastest and median, and the median
# of the per-round ratios. On a shared machine single batches vary by tens of percent: believe
# the ratio, and only after two runs agree.
# Set MACHI_DB_URL (and MACHI_DB_USER/MACHI_DB_PASSWORD) to measure against PostgreSQL instead;
# both variants then use that database, each with a municipality of its own.
# Build first: ./mvnw -B -DskipTests package
set -euo pipefail
updates=${1:-200}
rounds=${2:-5}
port=${3:-18230}
warmup=${4:-200}
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/app/target/machi.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
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

declare -A url version times pid
start_server() { # $1 label, $2 jar, $3 port
  MACHI_DATA_DIR="$work/data-$1" MACHI_DEMO=false java -jar "$2" --port "$3" --nocluster --disablephonehome \
    > "$work/server-$1.log" 2>&1 &
  pids+=($!)
  pid[$1]=$!
}

prepare() { # $1 label, $2 port: wait until ready, then a municipality, an indicator and the warm-up
  local base code id ok
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$2/health/ready")" = 200 ]; do
    kill -0 "${pid[$1]}" 2>/dev/null || { echo "$1 died; see its log:" >&2; tail -40 "$work/server-$1.log" >&2; exit 1; }
    sleep 0.5
  done
  base="localhost:$2/api/v1/municipalities"
  code=$(fresh_code)
  curl -sf -X POST "$base" -H 'Content-Type: application/json' \
    -d "{\"code\":\"$code\",\"nameJa\":\"計測市\",\"nameKana\":\"けいそくし\",\"nameEn\":\"Bench City\"}" > /dev/null
  id=$(curl -sf -X POST "$base/$code/indicators" -H 'Content-Type: application/json' --data-binary "@$work/b.json" \
    | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  url[$1]="$base/$code/indicators/$id"
  version[$1]=$(curl -sfI "${url[$1]}" | tr -d '\r' | awk -F'"' 'tolower($0) ~ /^etag/ {print $2}')
  updates_config "${url[$1]}" "${version[$1]}" "$warmup" > "$work/warm-$1.cfg"
  ok=$(curl -s -K "$work/warm-$1.cfg" | grep -c '^200$' || true)
  [ "$ok" = "$warmup" ] || { echo "$1 warm-up: only $ok of $warmup updates answered 200" >&2; exit 1; }
  version[$1]=$((version[$1] + warmup))
}

batch() { # $1 label, $2 round: times one batch of updates
  local t0 t1 ok s
  updates_config "${url[$1]}" "${version[$1]}" "$updates" > "$work/run-$1.cfg"
  t0=$(date +%s%N)
  ok=$(curl -s -K "$work/run-$1.cfg" | grep -c '^200$' || true)
  t1=$(date +%s%N)
  [ "$ok" = "$updates" ] || { echo "$1: only $ok of $updates updates answered 200" >&2; exit 1; }
  version[$1]=$((version[$1] + updates))
  s=$(echo "scale=3; ($t1 - $t0) / 1000000000" | bc)
  times[$1]="${times[$1]:-} $s"
  echo "  round $2, $1: $updates updates in ${s}s" >&2
  last=$s
}

echo "$updates indicator updates per batch, $rounds rounds, both variants side by side (${MACHI_DB_URL:-H2 file databases}):"
start_server without-audit "$work/noaudit.jar" "$port"
start_server with-audit "$jar" $((port + 1))
prepare without-audit "$port"
prepare with-audit $((port + 1))
ratios=()
for ((r = 1; r <= rounds; r++)); do
  if ((r % 2)); then
    batch without-audit "$r"; a=$last; batch with-audit "$r"; b=$last
  else
    batch with-audit "$r"; b=$last; batch without-audit "$r"; a=$last
  fi
  ratios+=("$(echo "scale=4; $b / $a" | bc)")
done
for label in without-audit with-audit; do
  n=$(curl -sf "${url[$label]%/indicators/*}/audit-events?entityId=${url[$label]##*/}&size=1" \
    | grep -o '"totalItems":[0-9]*' | cut -d: -f2)
  echo "  $label: audit events recorded for its indicator: $n" >&2
done
per() { echo "scale=2; $1 * 1000 / $updates" | bc; }
for label in without-audit with-audit; do
  fastest=$(printf '%s\n' ${times[$label]} | sort -n | head -1)
  med=$(printf '%s\n' ${times[$label]} | median)
  echo "$label: fastest ${fastest}s, median ${med}s ($(per "$med") ms per update)"
done
ratio=$(printf '%s\n' "${ratios[@]}" | median)
echo "median per-round ratio with/without: $ratio (overhead $(echo "scale=1; ($ratio - 1) * 100 / 1" | bc) %)"
