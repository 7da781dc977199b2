#!/usr/bin/env bash
# How close do Machi's reads come to what the stack itself answers on this machine? (issue 15)
#
#   scripts/bench/read-throughput.sh   (env: ROUNDS=2 DURATION=10 CONNECTIONS="8 32" BENCH_DB=h2|postgresql
#                                            WARMUP=15 TENANTS=1741)
#
# Boots, side by side on free ports, the baseline — a bare JAX-RS "hello" WAR (scripts/bench/hello, built here)
# on plain Payara Micro 6.2025.10 with the same 512 MiB heap — and Machi (app/target/machi.jar as a user starts
# it: `java -jar`, so the launcher's default heap, with MACHI_DEMO=true on a fresh database). It times both
# boots, then in each round runs wrk (2 threads, each connection count, DURATION seconds) first against the
# baseline and then against each of Machi's reads, one at a time, so that only one server is under load:
#   indicators      GET …/municipalities/202070/indicators (須坂市's 24 indicators, evaluated; API token)
#   indicators.csv  the same as CSV
#   progress        GET …/planning/plans/{id}/progress?fiscalYear=2023 (須坂市's plan; API token)
#   public-progress GET …/planning/public/plans/{id}/progress?fiscalYear=2023 (what the portal reads)
#   portal          GET /p/202070/ (the portal's page shell)
# It prints requests/s, p50 and p99 latency, and each read's requests/s as a ratio of the baseline's in the
# same round (target ≥ 0.60), the boot ratio (target ≤ 1.5) and Machi's resident memory (the server JVM, the
# launcher's child) before and after the load (target ≤ 1 GiB). Before the rounds each read is warmed WARMUP seconds
# (the JIT: a fresh node's reads rise severalfold over their first minute of load). Then, unless TENANTS=0, it
# registers municipalities up to TENANTS in all (Japan has 1,741; the demo has five), reads each again at each
# connection count and prints the ratio to the last round's figure (target ≤ 1.2 × the cost, i.e. ≥ 0.83 × the
# requests/s). Needs wrk (apt-get install wrk) and curl;
# psql for BENCH_DB=postgresql. Build first: ./mvnw -B -DskipTests package.
set -euo pipefail
rounds=${ROUNDS:-2}
duration=${DURATION:-10}
connections=${CONNECTIONS:-"8 32"}
warmup=${WARMUP:-15}
tenants=${TENANTS:-1741}
db=${BENCH_DB:-h2}
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/app/target/machi.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk" >&2; exit 1; }
source "$root/scripts/bench/lib.sh"
hello_baseline "$root"   # sets micro, hello_war, payara_version_used

work=$(mktemp -d)
pgdb="machi_bench_$$"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  [ "$db" = postgresql ] && psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $pgdb" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
wait_for() { # url pid log → milliseconds from now until the url answers 200
  local t0 url=$1 pid=$2 log=$3
  t0=$(now_ms)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "the server died; its log:" >&2; tail -40 "$log" >&2; exit 1; }
    sleep 0.1
  done
  echo $(( $(now_ms) - t0 ))
}
rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }

hello_port=$(free_port)
machi_port=$(free_port)
if [ "$db" = postgresql ]; then
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $pgdb" >/dev/null
  export MACHI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$pgdb" MACHI_DB_USER=postgres MACHI_DB_PASSWORD=
else
  unset MACHI_DB_URL MACHI_DB_USER MACHI_DB_PASSWORD
fi

echo "Booting the baseline (hello WAR on Payara Micro $payara_version_used, -Xmx512m) …" >&2
java -Xmx512m -jar "$micro" --deploy "$hello_war" --contextroot / --port "$hello_port" --nocluster \
  --disablephonehome > "$work/hello.log" 2>&1 &
pids+=($!)
hello_boot=$(wait_for "localhost:$hello_port/hello" "${pids[-1]}" "$work/hello.log")

echo "Booting Machi (java -jar machi.jar, demo data, $db) …" >&2
MACHI_DATA_DIR="$work/data" MACHI_DEMO=true java -jar "$jar" --port "$machi_port" --nocluster --disablephonehome \
  > "$work/machi.log" 2>&1 &
launcher=$!
pids+=($launcher)
machi_boot=$(wait_for "localhost:$machi_port/health/ready" "$launcher" "$work/machi.log")
server=$(pgrep -P "$launcher" java || echo "$launcher")   # the launcher runs the server in a child JVM

api="localhost:$machi_port/api/v1"
csrf=$(curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
  -d '{"login":"demo-admin","password":"machi-demo-2025"}' "$api/session" | sed 's/.*"csrfToken":"\([^"]*\)".*/\1/')
token=$(curl -sf -b "$work/cookies" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"name":"benchmark"}' "$api/api-tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
auth="Authorization: Bearer $token"
plan=$(curl -sf "$api/municipalities/202070/planning/public/plans" | sed 's/.*"id":"\([0-9a-f-]\{36\}\)".*/\1/')
[ -n "$plan" ] || { echo "須坂市's plan not found" >&2; exit 1; }

declare -A url hdr last
names=(indicators indicators.csv progress public-progress portal)
url[indicators]="http://$api/municipalities/202070/indicators"
url[indicators.csv]="http://$api/municipalities/202070/indicators?format=csv"
url[progress]="http://$api/municipalities/202070/planning/plans/$plan/progress?fiscalYear=2023"
url[public-progress]="http://$api/municipalities/202070/planning/public/plans/$plan/progress?fiscalYear=2023"
url[portal]="http://localhost:$machi_port/p/202070/"
hdr[indicators]=$auth; hdr[indicators.csv]=$auth; hdr[progress]=$auth; hdr[public-progress]=""; hdr[portal]=""
for n in "${names[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' ${hdr[$n]:+-H "${hdr[$n]}"} "${url[$n]}")
  [ "$code" = 200 ] || { echo "$n answers $code: ${url[$n]}" >&2; exit 1; }
done
rss_idle=$(rss_mb "$server")

ms() { # a wrk latency (850.00us, 12.34ms, 1.20s) in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}
run() { # url connections [header] → "rps p50 p99"
  local out
  out=$(wrk -t2 -c"$2" -d"${duration}s" --latency ${3:+-H "$3"} "$1")
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(ms "$(echo "$out" | awk '$1 == "50%" {print $2}')") $(ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")"
}

echo "Warming up ($warmup s for the baseline and for each read) …" >&2
wrk -t2 -c8 -d"${warmup}s" "http://localhost:$hello_port/hello" >/dev/null
for n in "${names[@]}"; do wrk -t2 -c8 -d"${warmup}s" ${hdr[$n]:+-H "${hdr[$n]}"} "${url[$n]}" >/dev/null; done

printf '%-6s %-16s %5s %10s %9s %9s %7s\n' round read conns 'req/s' 'p50 ms' 'p99 ms' ratio
for r in $(seq 1 "$rounds"); do
  for c in $connections; do
    read -r base_rps base_p50 base_p99 <<< "$(run "http://localhost:$hello_port/hello" "$c")"
    printf '%-6s %-16s %5s %10.0f %9s %9s %7s\n' "$r" hello "$c" "$base_rps" "$base_p50" "$base_p99" 1.00
    for n in "${names[@]}"; do
      read -r rps p50 p99 <<< "$(run "${url[$n]}" "$c" "${hdr[$n]}")"
      last["$n/$c"]=$rps
      printf '%-6s %-16s %5s %10.0f %9s %9s %7.2f\n' "$r" "$n" "$c" "$rps" "$p50" "$p99" \
        "$(awk -v a="$rps" -v b="$base_rps" 'BEGIN { printf "%.2f", a / b }')"
    done
  done
done
rss_after=$(rss_mb "$server")

if [ "$tenants" -gt 0 ]; then
  have=$(curl -sf -H "$auth" "$api/municipalities?size=1" | sed 's/.*"totalItems":\([0-9]*\).*/\1/')
  echo "Registering municipalities up to $tenants (there are $have) …" >&2
  # Valid local government codes (the check digit: (11 - Σ dᵢ·wᵢ mod 11) mod 10, weights 6..2) in the
  # prefectures' range, skipping the ones that exist.
  curl -sf -H "$auth" "$api/municipalities?size=100" | grep -o '"code":"[0-9]\{6\}"' | cut -d'"' -f4 > "$work/taken"
  python3 - "$tenants" "$have" "$work/taken" <<'PY' > "$work/codes"
import sys
want = int(sys.argv[1]) - int(sys.argv[2])
taken = set(open(sys.argv[3]).read().split())
n = 0
for five in range(1100, 47999):
    digits = f"{five:05d}"
    code = digits + str((11 - sum(int(d) * w for d, w in zip(digits, (6, 5, 4, 3, 2))) % 11) % 10)
    if code in taken or five % 1000 == 0:
        continue
    print(code)
    n += 1
    if n >= want:
        break
PY
  xargs -P4 -I{} curl -s -o /dev/null -w '%{http_code}\n' -H "$auth" -H 'Content-Type: application/json' \
    -d '{"code":"{}","nameJa":"計測市{}","nameKana":"けいそくし","nameEn":"Bench City {}"}' \
    "$api/municipalities" < "$work/codes" | sort | uniq -c >&2
  have=$(curl -sf -H "$auth" "$api/municipalities?size=1" | sed 's/.*"totalItems":\([0-9]*\).*/\1/')
  for n in "${names[@]}"; do wrk -t2 -c8 -d5s ${hdr[$n]:+-H "${hdr[$n]}"} "${url[$n]}" >/dev/null; done
  echo
  printf '%-16s %5s %14s %14s %9s\n' read conns "req/s (five)" "req/s ($have)" ratio
  for c in $connections; do
    for n in "${names[@]}"; do
      read -r rps p50 p99 <<< "$(run "${url[$n]}" "$c" "${hdr[$n]}")"
      printf '%-16s %5s %14.0f %14.0f %9.2f\n' "$n" "$c" "${last[$n/$c]}" "$rps" \
        "$(awk -v a="$rps" -v b="${last[$n/$c]}" 'BEGIN { printf "%.2f", a / b }')"
    done
  done
  echo "(ratio: requests/s with $have municipalities ÷ with the demo's; target ≥ 0.83, i.e. at most 1.2 × the cost)"
fi
heap=$(curl -s -H 'Accept: text/plain' "localhost:$machi_port/metrics" | awk '/^memory_maxHeap_bytes/ && !done {printf "%d", $2/1048576; done = 1}')  # read to the end: an early exit fails curl (23) under pipefail
echo
printf 'boot to ready: hello %d ms, Machi %d ms, ratio %.2f (target ≤ 1.5)\n' "$hello_boot" "$machi_boot" \
  "$(awk -v a="$machi_boot" -v b="$hello_boot" 'BEGIN { print a / b }')"
echo "Machi server JVM: max heap ${heap:-?} MiB, resident ${rss_idle} MiB after boot, ${rss_after} MiB after the load (target ≤ 1024)"
echo "database: $db; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
