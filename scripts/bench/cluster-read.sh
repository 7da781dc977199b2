#!/usr/bin/env bash
# Read throughput of the plan dashboard with one Machi node and with two behind a load balancer (issue 14).
#
#   scripts/bench/cluster-read.sh            (env: ROUNDS=2 DURATION=15 CONNECTIONS=16 WARMUP=60)
#
# On a fresh PostgreSQL database (127.0.0.1:5432, user postgres) it boots node 1 (`java -jar machi.jar`, the
# launcher's default 512 MiB heap, MACHI_DEMO=true, MACHI_CLUSTER=<a name of this run>), then node 2 of the same
# cluster on the same database, and HAProxy (Debian's package) in front: two frontends, one sending to node 1
# only and one round-robin over both (health-checked on /health/ready), so that both measurements pay for the
# same proxy hop. In each round wrk (2 threads, CONNECTIONS connections, DURATION seconds) reads
#   progress   GET …/municipalities/202070/planning/plans/{id}/progress?fiscalYear=2023 (須坂市's plan
#              dashboard, evaluated on each request; an API token)
# first directly from node 1, then through the balancer from node 1 alone, then from both nodes; it prints
# requests/s, p50 and p99 latency, the requests each node served, and the ratio two nodes / one node.
# Needs wrk, haproxy, curl and psql (apt-get install -y wrk haproxy postgresql-client). Build first:
# ./mvnw -B -DskipTests package.
set -euo pipefail
rounds=${ROUNDS:-2}
duration=${DURATION:-15}
conns=${CONNECTIONS:-16}
warmup=${WARMUP:-60}
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/app/target/machi.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
for tool in wrk haproxy curl psql; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install -y wrk haproxy curl postgresql-client" >&2; exit 1; }
done

work=$(mktemp -d)
pgdb="machi_bench_cluster_$$"
cluster="machi-bench-$$"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $pgdb" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_ready() { # port pid log
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$1/health/ready")" = 200 ]; do
    kill -0 "$2" 2>/dev/null || { echo "a node died; its log:" >&2; tail -40 "$3" >&2; exit 1; }
    sleep 0.5
  done
}

psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $pgdb" >/dev/null
export MACHI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$pgdb" MACHI_DB_USER=postgres MACHI_DB_PASSWORD=
export MACHI_CLUSTER="$cluster"
p1=$(free_port); p2=$(free_port); lb1=$(free_port); lb2=$(free_port); stats=$(free_port)

echo "Booting node 1 (demo data, cluster $cluster) …" >&2
MACHI_DEMO=true java -jar "$jar" --port "$p1" > "$work/node1.log" 2>&1 &
pids+=($!)
wait_ready "$p1" "${pids[-1]}" "$work/node1.log"
echo "Booting node 2 (same cluster, same database) …" >&2
java -jar "$jar" --port "$p2" > "$work/node2.log" 2>&1 &
pids+=($!)
wait_ready "$p2" "${pids[-1]}" "$work/node2.log"
grep -ho "DG Name: $cluster DG Size: [0-9]*" "$work/node1.log" "$work/node2.log" | tail -1 >&2 || true

cat > "$work/haproxy.cfg" <<CFG
global
  maxconn 4000
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  option http-keep-alive
frontend one
  bind 127.0.0.1:$lb1
  default_backend one
frontend two
  bind 127.0.0.1:$lb2
  default_backend two
backend one
  server n1 127.0.0.1:$p1 check inter 1s
backend two
  balance roundrobin
  option httpchk GET /health/ready
  server n1 127.0.0.1:$p1 check inter 1s
  server n2 127.0.0.1:$p2 check inter 1s
listen stats
  bind 127.0.0.1:$stats
  stats enable
  stats uri /stats
CFG
haproxy -db -f "$work/haproxy.cfg" > "$work/haproxy.log" 2>&1 &
pids+=($!)
sleep 3

api="localhost:$p1/api/v1"
csrf=$(curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
  -d '{"login":"demo-admin","password":"machi-demo-2025"}' "$api/session" | sed 's/.*"csrfToken":"\([^"]*\)".*/\1/')
token=$(curl -sf -b "$work/cookies" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"name":"benchmark"}' "$api/api-tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
auth="Authorization: Bearer $token"
plan=$(curl -sf "$api/municipalities/202070/planning/public/plans" | sed 's/.*"id":"\([0-9a-f-]\{36\}\)".*/\1/')
[ -n "$plan" ] || { echo "須坂市's plan not found" >&2; exit 1; }
path="/api/v1/municipalities/202070/planning/plans/$plan/progress?fiscalYear=2023"
for port in "$p1" "$p2" "$lb1" "$lb2"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "localhost:$port$path")
  [ "$code" = 200 ] || { echo "port $port answers $code for $path" >&2; exit 1; }
done

ms() { # a wrk latency (850.00us, 12.34ms, 1.20s) in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}
run() { # port → "rps p50 p99"
  local out
  out=$(wrk -t2 -c"$conns" -d"${duration}s" --timeout 30s --latency -H "$auth" "http://localhost:$1$path")
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(ms "$(echo "$out" | awk '$1 == "50%" {print $2}')") $(ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")"
}
served() { # the requests each server of backend "two" got so far
  curl -s "localhost:$stats/stats;csv" | awk -F, '$1 == "two" && $2 != "BACKEND" && $2 != "FRONTEND" {printf "%s=%s ", $2, $8}'
}

# The JIT needs about a minute of this load before the figures settle (measured: 97, 153, 177, 228 requests/s in
# four successive 20 s runs on one fresh node), so each node is warmed on its own first.
echo "Warming up node 1 and node 2 (${warmup} s each) …" >&2
wrk -t2 -c8 -d"${warmup}s" -H "$auth" "http://localhost:$p1$path" >/dev/null
wrk -t2 -c8 -d"${warmup}s" -H "$auth" "http://localhost:$p2$path" >/dev/null

printf '%-6s %-26s %5s %10s %9s %9s\n' round setup conns 'req/s' 'p50 ms' 'p99 ms'
for r in $(seq 1 "$rounds"); do
  read -r d_rps d_p50 d_p99 <<< "$(run "$p1")"
  printf '%-6s %-26s %5s %10.0f %9s %9s\n' "$r" "node 1 directly" "$conns" "$d_rps" "$d_p50" "$d_p99"
  read -r o_rps o_p50 o_p99 <<< "$(run "$lb1")"
  printf '%-6s %-26s %5s %10.0f %9s %9s\n' "$r" "HAProxy → node 1" "$conns" "$o_rps" "$o_p50" "$o_p99"
  before=$(served)
  read -r t_rps t_p50 t_p99 <<< "$(run "$lb2")"
  printf '%-6s %-26s %5s %10.0f %9s %9s\n' "$r" "HAProxy → nodes 1 and 2" "$conns" "$t_rps" "$t_p50" "$t_p99"
  printf '       ratio two nodes / one node (both behind HAProxy): %.2f; served so far: %s(before the run: %s)\n' \
    "$(awk -v a="$t_rps" -v b="$o_rps" 'BEGIN { printf "%.2f", a / b }')" "$(served)" "$before"
done
echo
echo "database: PostgreSQL (one for both nodes); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
echo "Both nodes, HAProxy, PostgreSQL and wrk share these cores: a second node adds no CPU here, so the ratio shows"
echo "what clustering costs or gains on one machine, not what two machines would give."
