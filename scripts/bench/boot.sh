#!/usr/bin/env bash
# How long until Machi answers, against a bare JAX-RS "hello" WAR on the same Payara Micro, and where the time
# goes (issue 15: ready within 1.5 × the hello WAR's boot; say where the time goes and what was cut).
#
#   scripts/bench/boot.sh            (ROUNDS=3 BENCH_DB=h2|postgresql)
#
# In one run, one server at a time so that they do not share the CPU: boots the hello WAR ROUNDS times
# (java -Xmx512m -jar payara-micro.jar --deploy hello.war, until GET /hello answers 200), then Machi
# (java -jar machi.jar with demo data) once on a fresh database (the first start: Liquibase creates the schema,
# the demo data is loaded) and ROUNDS times more on that database (a restart), each until /health/ready answers
# 200. Prints the median of each, the ratios to hello (target ≤ 1.5), and for Machi's first start and its last
# restart the time from launch to each of these lines of the server's log, with the time between them:
#   Payara runtime up      "startup time : Embedded": Payara's own services, as for hello (both JVMs: machi.jar's
#                          launcher starts the server in a child JVM with the default heap)
#   WAR scanned, JPA ready "WELD-000900": the WAR unpacked, its classes scanned for annotations, the persistence
#                          unit's entities read (EclipseLink reads every class of the jars persistence.xml lists)
#   CDI deployed           "was successfully deployed": Weld's beans, with the subclasses and proxies it
#                          generates for every intercepted (@Transactional…) and normal-scoped bean, EJBs, Jersey
#   migrated, demo loaded  the last "Module … started": Liquibase (skipped on a restart whose changelogs did not
#                          change: core changeset 022), then the demo data on a first start
#   web app started        "ready in": the servlet context (Krazo, Soteria, the filters) started
#   ready                  /health/ready answered 200
# Build first: ./mvnw -B -DskipTests package. Needs curl and python3; psql for BENCH_DB=postgresql.
set -euo pipefail
rounds=${ROUNDS:-3}
db=${BENCH_DB:-h2}
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/app/target/machi.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
source "$root/scripts/bench/lib.sh"
hello_baseline "$root"   # sets micro, hello_war

work=$(mktemp -d)
pgdb="machi_boot_$$"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  [ "$db" = postgresql ] && psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $pgdb" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; sleep 1; }
wait_for() { # url log → milliseconds from $t0 until the url answers 200
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "the server died; its log:" >&2; tail -40 "$2" >&2; exit 1; }
    sleep 0.05
  done
  echo $(( $(now_ms) - t0 ))
}
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
phases() { # log t0 ready-ms → the time of each marker line from launch, and the time since the one before
  python3 - "$1" "$2" "$3" <<'EOF'
import re, sys
log, t0, ready = open(sys.argv[1], encoding="utf-8", errors="replace").read(), int(sys.argv[2]), int(sys.argv[3])
marks = [("Payara runtime up", r"startup time : Embedded"), ("WAR scanned, JPA ready", r"WELD-000900"),
         ("CDI deployed", r"was successfully deployed"), ("migrated, demo loaded", r"Module \S+ \S+ started"),
         ("web app started", r"ready in [\d,]+ \(ms\)")]
prev = 0
for name, pattern in marks:
    times = [int(m.group(1)) for m in re.finditer(r"timeMillis: (\d+)\][^\n]*?" + pattern, log)]
    if not times:
        print(f"  {name:24} (not in the log)"); continue
    at = times[-1] - t0
    print(f"  {name:24} {at / 1000:6.1f} s  (+{(at - prev) / 1000:.1f})"); prev = at
print(f"  {'ready (/health/ready)':24} {ready / 1000:6.1f} s  (+{(ready - prev) / 1000:.1f})")
EOF
}

port=$(free_port)
hello=()
for i in $(seq "$rounds"); do
  t0=$(now_ms)
  java -Xmx512m -jar "$micro" --deploy "$hello_war" --contextroot / --port "$port" --nocluster \
    --disablephonehome > "$work/hello.log" 2>&1 &
  pid=$!
  hello+=("$(wait_for "localhost:$port/hello" "$work/hello.log")")
  stop
done

if [ "$db" = postgresql ]; then
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $pgdb" >/dev/null
  export MACHI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$pgdb" MACHI_DB_USER=postgres MACHI_DB_PASSWORD=
else
  unset MACHI_DB_URL MACHI_DB_USER MACHI_DB_PASSWORD
fi
machi() { # log → sets ms (until ready) and t0; not in a subshell, so that stop finds the server
  t0=$(now_ms)
  MACHI_DATA_DIR="$work/data" MACHI_DEMO=true java -jar "$jar" --port "$port" --nocluster --disablephonehome \
    > "$1" 2>&1 &
  pid=$!
  ms=$(wait_for "localhost:$port/health/ready" "$1")
}
machi "$work/first.log"; first=$ms; first_t0=$t0
stop
restarts=()
for i in $(seq "$rounds"); do
  machi "$work/restart.log"; restarts+=("$ms"); restart_t0=$t0
  stop
done

h=$(median "${hello[@]}")
r=$(median "${restarts[@]}")
echo "boot to ready ($db, $(nproc) cores), median of $rounds:"
printf '  hello WAR              %6d ms   (%s)\n' "$h" "${hello[*]}"
printf '  Machi, first start     %6d ms   ratio %.2f   (fresh database: schema and demo data)\n' "$first" \
  "$(awk -v a="$first" -v b="$h" 'BEGIN { print a / b }')"
printf '  Machi, restart         %6d ms   ratio %.2f   (target ≤ 1.5)   (%s)\n' "$r" \
  "$(awk -v a="$r" -v b="$h" 'BEGIN { print a / b }')" "${restarts[*]}"
echo "where the first start's time goes (from launch):"
phases "$work/first.log" "$first_t0" "$first"
echo "where the last restart's time goes (from launch):"
phases "$work/restart.log" "$restart_t0" "${restarts[-1]}"
