#!/usr/bin/env bash
# Footprint: seconds from `mvn liberty:run` (warm Maven cache, server already created) to
# /health/ready UP, and the server's resident memory once idle. Prints one line per run and
# appends a row to docs/BENCHMARKS.md when APPEND=1.
#
#   bench/startup.sh            # embedded H2 default, 3 runs
#   RUNS=5 PORT=9180 bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
PORT=${PORT:-9080}
IDLE_SECONDS=${IDLE_SECONDS:-20}
log=$(mktemp)
mvn -q -B -ntp package -DskipTests >/dev/null

results=()
for run in $(seq 1 "$RUNS"); do
  start=$(date +%s.%N)
  mvn -q -B -ntp liberty:run -Dhttp.port="$PORT" >"$log" 2>&1 &
  mvn_pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready")" = 200 ]; do
    sleep 0.2
    kill -0 "$mvn_pid" 2>/dev/null || { echo "liberty:run exited; see $log" >&2; exit 1; }
  done
  ready=$(date +%s.%N)
  sleep "$IDLE_SECONDS"
  pid=$(cat target/liberty/wlp/usr/servers/.pid/boxoffice.pid)
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  seconds=$(echo "$ready - $start" | bc)
  echo "run $run: ready after ${seconds} s, idle RSS $((rss_kb / 1024)) MiB"
  results+=("$seconds $((rss_kb / 1024))")
  target/liberty/wlp/bin/server stop boxoffice >/dev/null
  wait "$mvn_pid" 2>/dev/null || true
done
printf '%s\n' "${results[@]}" | sort -n | awk '{s[NR]=$1; r[NR]=$2} END {m=int((NR+1)/2); printf "median: ready after %.1f s, idle RSS %d MiB (%d runs)\n", s[m], r[m], NR}'
