#!/usr/bin/env bash
# Start-up benchmark: (1) first start on an empty data folder, including the demo data load, and
# (2) a restart with the data already there; each measured from process start to readiness UP.
# Usage: ./siyu bench startup [runs]   (called by ./siyu, which has found the JDK and built the jar)
set -euo pipefail
jar=$1
runs=${2:-3}
port=${SIYU_BENCH_PORT:-18099}
customers=${SIYU_DEMO_CUSTOMERS:-100000}

now_ms() { date +%s%3N; }

start_and_wait() { # prints milliseconds until ready
  local dir=$1 started pid
  started=$(now_ms)
  SERVER_PORT=$port SIYU_DATA_DIR=$dir SIYU_DEMO_DATA=true SIYU_DEMO_CUSTOMERS=$customers \
    SIYU_ADMIN_PASSWORD=bench-password-123 "$JAVA_HOME/bin/java" -Xmx2g -jar "$jar" >"$dir.log" 2>&1 &
  pid=$!
  until curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { echo "server died; see $dir.log" >&2; exit 1; }
    sleep 0.1
  done
  echo $(( $(now_ms) - started ))
  kill $pid; wait $pid 2>/dev/null || true
}

echo "Siyu start-up, demo data of $customers customers and $((customers * 10)) events, $(nproc) cores"
printf '%-5s %22s %22s\n' run "first start + demo (ms)" "restart (ms)"
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d /tmp/siyu-bench-XXXX)
  first=$(start_and_wait "$dir")
  again=$(start_and_wait "$dir")
  printf '%-5s %22s %22s\n' "$i" "$first" "$again"
  rm -rf "$dir" "$dir.log"
done
