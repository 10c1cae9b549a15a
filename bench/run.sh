#!/usr/bin/env bash
# The benchmark suite in one command (issue 9). Builds the server, starts a copy of it on a fresh
# PostgreSQL database with the rate limits lifted, and measures in ONE run, so that every figure
# is a ratio against a baseline taken on the same machine at the same time:
#   1. hot sale: POST /bookings on one event at 16 clients ÷ the best of pgbench running the same
#      SQL transaction on one row at 1, 16 and 64 clients; at 1,000 clients ÷ the 16-client rate
#      (and its p99); a 1,000-client stampede that sells an event out and goes on (errors other
#      than SOLD_OUT must be 0, seats sold = capacity, checked with SQL);
#   2. sold-out refusals/s and authenticated GET /api/v1/me req/s ÷ /health/live req/s;
#   3. browse: GET /events, GET /events?q=, GET /events/{id} over 10,000 events ÷ /health/live;
#   4. many events: bookings spread over 1,000 events ÷ pgbench's transaction on random events;
#   5. footprint: server start to ready, idle RSS, peak RSS under 1,000 clients;
# and the CPU share of the load generator, the server and PostgreSQL during each phase, from which
# the server's CPU per booking (ms) on the hot row and over many events, and hot ÷ many.
#
#   bench/run.sh                 # full run (~12 min): result file + a row in docs/BENCHMARKS.md
#   bench/run.sh --smoke         # 3-second phases, smaller data (< 2 min with a built server)
#   bench/run.sh --no-build      # reuse target/liberty as it is (--smoke implies it when built)
#   bench/run.sh --profile       # also records JFR during the hot sale (bench/results/<stamp>/)
#                                # and prints its top frames; the run is marked "+jfr" (sampling
#                                # costs the hot-sale phases a little throughput)
#   bench/run.sh --mail [...]    # instead: the hot sale with SMTP on (GreenMail), emails sent/s
#                                # ÷ confirmations/s and the backlog's drain time (bench/mail.sh)
# Needs python3 for --profile.
#
# Settings (environment): PORT (9600) and HTTPS_PORT (9610) of the bench server, BENCH_DB
# (boxoffice_bench) and SCRATCH_DB (boxoffice_bench_pgbench), both dropped and created afresh,
# PGHOST/PGUSER/PGPASSWORD, DURATION (20s), BENCH_ENV ("KEY=VALUE ..." added to the server's
# environment, e.g. "DB_POOL_MAX=20"), APPEND (1 for full runs: add a row to docs/BENCHMARKS.md).
# Needs: mvn, java (jcmd/jfr for --profile), wrk, pgbench, psql, curl, jq.
# Writes bench/results/<timestamp>.json, and bench/results/latest.json for full runs.
set -euo pipefail
shopt -s inherit_errexit

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MODE=full
BUILD=1
PROFILE=0
for arg in "$@"; do
  if [ "$arg" = --mail ]; then
    rest=()
    for other in "$@"; do [ "$other" = --mail ] || rest+=("$other"); done
    exec "$ROOT/bench/mail.sh" "${rest[@]}"
  fi
done
for arg in "$@"; do
  case $arg in
    --smoke) MODE=smoke ;;
    --no-build) BUILD=0 ;;
    --profile) PROFILE=1 ;;
    -h | --help) sed -n '2,31p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg (see --help)" >&2; exit 2 ;;
  esac
done

PORT=${PORT:-9600}
HTTPS_PORT=${HTTPS_PORT:-9610}
export PGHOST=${PGHOST:-127.0.0.1}
export PGUSER=${PGUSER:-postgres}
export PGPASSWORD=${PGPASSWORD:-postgres}
DB=${BENCH_DB:-boxoffice_bench}
SCRATCH_DB=${SCRATCH_DB:-boxoffice_bench_pgbench}
if [ "$MODE" = smoke ]; then
  DURATION=${DURATION:-3s}; WARMUP=2s; BOOK_WARMUP=2s; IDLE_SECONDS=3; USERS=${USERS:-10}
  WARM_ROUNDS_MIN=1; WARM_ROUNDS_MAX=1
  BROWSE_EVENTS=1000; MANY_EVENTS=100; APPEND=${APPEND:-0}
  [ -d "$ROOT/target/liberty/wlp/usr/servers/boxoffice/apps" ] && BUILD=0
else
  DURATION=${DURATION:-20s}; WARMUP=5s; BOOK_WARMUP=15s; IDLE_SECONDS=15; USERS=${USERS:-50}
  WARM_ROUNDS_MIN=${WARM_ROUNDS_MIN:-3}; WARM_ROUNDS_MAX=${WARM_ROUNDS_MAX:-12}
  BROWSE_EVENTS=10000; MANY_EVENTS=1000; APPEND=${APPEND:-1}
fi
HOT=16
MANY_CLIENTS=1000
SECONDS_EACH=${DURATION%s}

WLP=$ROOT/target/liberty/wlp
MAIN=$WLP/usr/servers/boxoffice
NAME=boxoffice-bench
COPY=$WLP/usr/servers/$NAME
BASE=http://127.0.0.1:$PORT
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$ROOT/bench/results
WORK=$RESULTS/$STAMP
mkdir -p "$WORK"
RESULT_FILE=$RESULTS/$STAMP.json
NPROC=$(nproc)
ulimit -n 65536 2>/dev/null || ulimit -n 4096

for tool in mvn wrk pgbench psql curl jq; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }
done
log() { printf '\n== %s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
psql_q() { psql -q -X -v ON_ERROR_STOP=1 "$@"; }
sql() { psql -X -At -v ON_ERROR_STOP=1 -d "$DB" -c "$1"; }

# ---------------------------------------------------------------- CPU accounting (from /proc)
clk=$(getconf CLK_TCK)
proc_ticks() { # pid... -> utime+stime ticks (children reaped by them included)
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(awk '{sub(/^.*\) /, ""); print $12 + $13 + $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
pg_pids() { pgrep -x postgres || pgrep -f 'postgres:' || true; }
jit_ticks() { # pid -> utime+stime ticks of its JIT compiler threads (part of the server's CPU)
  local total=0 task
  for task in /proc/"$1"/task/*; do
    case $(cat "$task/comm" 2>/dev/null) in
      C1\ Compiler* | C2\ Compiler*)
        total=$((total + $(awk '{sub(/^.*\) /, ""); print $12 + $13}' "$task/stat" 2>/dev/null || echo 0))) ;;
    esac
  done
  echo "$total"
}
machine_ticks() { awk '/^cpu / {busy = $2 + $3 + $4 + $7 + $8; print busy, busy + $5 + $6}' /proc/stat; }
SERVER_PID=

# measure NAME [--rss] -- wrk args...: runs wrk, keeps its RESULT line as NAME.json with the CPU
# shares of this phase (wrk, server, postgres, the whole machine) in core-seconds per second.
measure() {
  local name=$1; shift
  local sample_rss=0
  if [ "${1:-}" = --rss ]; then sample_rss=1; shift; fi
  [ "$1" = -- ] && shift
  local pg_before srv_before jit_before mach_before wall_before rss_peak=0 rss
  pg_before=$(proc_ticks $(pg_pids)); srv_before=$(proc_ticks "$SERVER_PID")
  jit_before=$(jit_ticks "$SERVER_PID")
  mach_before=$(machine_ticks); wall_before=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$WORK/$name.time" wrk --timeout 30s --latency "$@" \
    > "$WORK/$name.txt" 2>&1 &
  local wrk_pid=$!
  if [ "$sample_rss" = 1 ]; then
    while kill -0 "$wrk_pid" 2>/dev/null; do
      rss=$(awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0)
      [ "${rss:-0}" -gt "$rss_peak" ] && rss_peak=$rss
      sleep 0.5
    done
  fi
  wait "$wrk_pid"
  local wall mach_after pg_after srv_after jit_after
  wall=$(echo "$(date +%s.%N) - $wall_before" | bc)
  pg_after=$(proc_ticks $(pg_pids)); srv_after=$(proc_ticks "$SERVER_PID")
  jit_after=$(jit_ticks "$SERVER_PID")
  mach_after=$(machine_ticks)
  local result
  result=$(grep '^RESULT ' "$WORK/$name.txt" | tail -1 | cut -c8-)
  [ -n "$result" ] || { echo "wrk gave no result for $name:" >&2; cat "$WORK/$name.txt" >&2; exit 1; }
  read -r wrk_user wrk_sys < "$WORK/$name.time"
  read -r mb0 mt0 <<< "$mach_before"; read -r mb1 mt1 <<< "$mach_after"
  echo "$result" | jq --argjson wall "$wall" --argjson cores "$NPROC" \
    --argjson wrk "$(echo "$wrk_user + $wrk_sys" | bc)" \
    --argjson srv "$(((srv_after - srv_before)))" --argjson pg "$(((pg_after - pg_before)))" \
    --argjson jit "$(((jit_after - jit_before)))" \
    --argjson busy "$((mb1 - mb0))" --argjson all "$((mt1 - mt0))" --argjson clk "$clk" \
    --argjson rss "$rss_peak" '. + {cpu: {
        cores: $cores,
        wall_s: ($wall * 1000 | round / 1000),
        load_generator: (($wrk / $wall) * 100 | round / 100),
        server: (($srv / $clk / $wall) * 100 | round / 100),
        server_core_seconds: ($srv / $clk),
        server_jit_compiler: (($jit / $clk / $wall) * 100 | round / 100),
        server_ms_per_request: (if .requests > 0 then ($srv / $clk * 1000 / .requests) * 1000 | round / 1000 else null end),
        postgres_all: (($pg / $clk / $wall) * 100 | round / 100),
        machine_busy: (($busy / $all * $cores) * 100 | round / 100)}}
      + (if $rss > 0 then {server_rss_peak_mib: ($rss / 1024 | floor)} else {} end)' \
    > "$WORK/$name.json"
  jq -c '{req_per_s, booked_per_s, sold_out_per_s, ok, other, non_2xx, p50_ms, p99_ms, cpu}
         | with_entries(select(.value != null))' "$WORK/$name.json" | sed "s/^/  [$name] /"
}

# After 1,000 clients the server may still work through requests wrk gave up on: wait until it
# answers /health/live at once again (at most 120 s), so the next phase starts from a quiet server.
drain() {
  local i
  for i in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -m 5 -w '%{time_total}' "$BASE/health/live" | awk '{print ($1 < 0.2)}')" = 1 ] && return 0
    sleep 1
  done
  echo "  (the server was still busy after 120 s)"
}

# pgbench_run NAME CLIENTS EVENTS: the same SQL transaction as a booking, CPU measured as above.
pgbench_run() {
  local name=$1 clients=$2 events=$3
  local pg_before mach_before wall_before
  pg_before=$(proc_ticks $(pg_pids)); mach_before=$(machine_ticks); wall_before=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$WORK/$name.time" pgbench -n -c "$clients" -j $((clients < 2 ? clients : 2)) -T "$SECONDS_EACH" \
    -D events="$events" -r -f "$ROOT/bench/booking/book.sql" "$SCRATCH_DB" > "$WORK/$name.txt" 2>&1 || true
  local wall pg_after mach_after
  wall=$(echo "$(date +%s.%N) - $wall_before" | bc)
  pg_after=$(proc_ticks $(pg_pids)); mach_after=$(machine_ticks)
  read -r mb0 mt0 <<< "$mach_before"; read -r mb1 mt1 <<< "$mach_after"
  local tps p50 failed
  tps=$(grep -o 'tps = [0-9.]*' "$WORK/$name.txt" | head -1 | cut -d' ' -f3 || true)
  # pgbench's own latency is the mean; failed transactions must be 0 as for the app.
  p50=$(grep -o 'latency average = [0-9.]*' "$WORK/$name.txt" | cut -d' ' -f4 || true)
  failed=$(grep -o 'number of failed transactions: [0-9]*' "$WORK/$name.txt" | awk '{print $NF}' || true)
  read -r wrk_user wrk_sys < "$WORK/$name.time"
  jq -n --arg tps "$tps" --arg lat "$p50" --arg failed "$failed" --argjson clients "$clients" \
    --arg error "$(grep -m1 -i -E 'fatal|error' "$WORK/$name.txt" || true)" \
    --argjson wall "$wall" --argjson cores "$NPROC" --argjson clk "$clk" \
    --argjson gen "$(echo "$wrk_user + $wrk_sys" | bc)" --argjson pg "$((pg_after - pg_before))" \
    --argjson busy "$((mb1 - mb0))" --argjson all "$((mt1 - mt0))" '{
      clients: $clients,
      tps: (if $tps == "" then null else ($tps | tonumber) end),
      latency_avg_ms: (if $lat == "" then null else ($lat | tonumber) end),
      failed: (if $failed == "" then null else ($failed | tonumber) end),
      error: (if $tps == "" then $error else null end),
      cpu: {cores: $cores, load_generator: (($gen / $wall) * 100 | round / 100),
            postgres_all: (($pg / $clk / $wall) * 100 | round / 100),
            machine_busy: (($busy / $all * $cores) * 100 | round / 100)}}' > "$WORK/$name.json"
  jq -c . "$WORK/$name.json" | sed "s/^/  [$name] /"
}

# pgbench_skip NAME CLIENTS REASON: the record of a pgbench run that could not be made.
pgbench_skip() {
  jq -n --argjson clients "$2" --arg error "$3" '{clients: $clients, tps: null, error: $error}' > "$WORK/$1.json"
  jq -c . "$WORK/$1.json" | sed "s/^/  [$1] /"
}

# ---------------------------------------------------------------- build and start
if [ "$BUILD" = 1 ]; then
  log "build (mvn package -DskipTests)"
  (cd "$ROOT" && mvn -B -ntp -q package -DskipTests)
fi
[ -d "$MAIN/apps" ] || { echo "no built server at $MAIN: run without --no-build" >&2; exit 2; }

log "fresh databases $DB and $SCRATCH_DB"
psql_q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" \
  -c "DROP DATABASE IF EXISTS $SCRATCH_DB" -c "CREATE DATABASE $SCRATCH_DB"

log "server $NAME on port $PORT (a copy of the built server)"
"$WLP/bin/server" stop "$NAME" >/dev/null 2>&1 || true
rm -rf "$COPY"
mkdir -p "$COPY/apps"
cp "$MAIN/server.xml" "$MAIN/jvm.options" "$COPY/"
cp "$MAIN"/apps/* "$COPY/apps/"
printf 'http.port=%s\nhttps.port=%s\n' "$PORT" "$HTTPS_PORT" > "$COPY/bootstrap.properties"
{
  echo "DB_URL=jdbc:postgresql://$PGHOST:5432/$DB"
  echo "DB_USER=$PGUSER"
  echo "DB_PASSWORD=$PGPASSWORD"
  echo "BOXOFFICE_DATA_DIR=$COPY/data"
  # Liberty creates its default keystore only with a password, and MicroProfile JWT accepts no
  # token without that keystore (see LibertyServer.copyOfMain): a throwaway one per run.
  echo "keystore_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  # A benchmark from one address with 50 users would otherwise measure the limiter's 429s.
  echo "BOXOFFICE_RATE_LIMIT_PER_MINUTE=100000000"
  echo "BOXOFFICE_RATE_LIMIT_IP_PER_MINUTE=100000000"
  # Set-up only (sign-ups and sign-ins of the bench users): bcrypt is not what is measured here.
  echo "BOXOFFICE_PASSWORD_BCRYPT_COST=10"
  echo "BOXOFFICE_JWT_LIFETIME_SECONDS=7200"
  for kv in ${BENCH_ENV:-}; do echo "$kv"; done
} > "$COPY/server.env"
stop_server() { "$WLP/bin/server" stop "$NAME" >/dev/null 2>&1 || true; }
trap stop_server EXIT

start=$(date +%s.%N)
env -u DB_URL -u DB_USER -u DB_PASSWORD "$WLP/bin/server" start "$NAME" >/dev/null
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" = 200 ]; do
  sleep 0.2
  if [ "$(echo "$(date +%s.%N) - $start > 300" | bc)" = 1 ]; then
    echo "server not ready after 300 s; see $COPY/logs" >&2; exit 1
  fi
done
START_SECONDS=$(echo "$(date +%s.%N) - $start" | bc)
SERVER_PID=$(cat "$WLP/usr/servers/.pid/$NAME.pid")
echo "ready after $START_SECONDS s (pid $SERVER_PID); idle for $IDLE_SECONDS s"
sleep "$IDLE_SECONDS"
IDLE_RSS_KB=$(awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status")

# ---------------------------------------------------------------- data
api() { curl -sf -H 'Content-Type: application/json' "$@"; }
PASSWORD=correct-horse-battery-staple
register() { # email role -> access token
  api -X POST "$BASE/api/v1/auth/register" -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\",\"firstName\":\"Bench\",\"lastName\":\"User\",\"accountType\":\"$2\"}" >/dev/null
  api -X POST "$BASE/api/v1/auth/login" -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" | jq -er .data.accessToken
}
new_event() { # capacity -> id of a published event with one tier
  local start end id
  start=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ); end=$(date -u -d '+30 days 3 hours' +%Y-%m-%dT%H:%M:%SZ)
  id=$(api -X POST "$BASE/api/v1/events" -H "Authorization: Bearer $ORG" -d "{\"title\":\"Hot sale\",\"location\":\"Hall\",\"startDate\":\"$start\",\"endDate\":\"$end\",\"capacity\":$1,\"currency\":\"EUR\",\"ticketTypes\":[{\"name\":\"Standard\",\"price\":10,\"maxPerOrder\":10}]}" | jq -er .data.id)
  api -X POST "$BASE/api/v1/events/$id/publish" -H "Authorization: Bearer $ORG" -d '{}' >/dev/null
  echo "$id"
}
log "accounts: 1 organizer, $USERS attendees (signed in through the API)"
ORG=$(register "bench-org@bench.test" ORGANIZER)
export -f register api; export BASE PASSWORD
seq 1 "$USERS" | xargs -P 4 -I{} bash -c 'register "bench-{}@bench.test" ATTENDEE' > "$WORK/tokens.txt"
[ "$(wc -l < "$WORK/tokens.txt")" = "$USERS" ] || { echo "sign-up of the bench users failed" >&2; exit 1; }
export TOKENS_FILE=$WORK/tokens.txt
ORG_ID=$(sql "SELECT id FROM users WHERE email_lower = 'bench-org@bench.test'")

log "events: $BROWSE_EVENTS to browse (90 % published), $MANY_EVENTS to book at random, hot-sale events"
psql_q -d "$DB" <<SQL
INSERT INTO events (organizer_id, title, description, location, start_date, end_date, time_zone,
                    capacity, available_seats, currency, status, created_at, updated_at)
SELECT $ORG_ID,
       (array['Jazz','Rock','Opera','Meetup','Workshop','Comedy','Theatre','Festival'])[1 + g % 8]
         || ' night ' || g,
       'Generated event ' || g || ' for the browsing benchmark.',
       (array['Paris','Lyon','Bordeaux','Lille','Nantes','Marseille','Toulouse','Nice'])[1 + g % 8]
         || ', Hall ' || (g % 37),
       now() + interval '1 day' + g * interval '25 minutes',
       now() + interval '1 day 3 hours' + g * interval '25 minutes',
       'Europe/Paris', 500, 500 - (g % 500), 'EUR',
       CASE WHEN g % 10 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END, now(), now()
FROM generate_series(1, $BROWSE_EVENTS) g;
-- Events booked at random (no single hot row): far more seats than a run can sell.
INSERT INTO events (organizer_id, title, description, location, start_date, end_date, time_zone,
                    capacity, available_seats, currency, status, created_at, updated_at)
SELECT $ORG_ID, 'Spread ' || g, 'Booked at random by the many-events benchmark.', 'Hall ' || g,
       now() + interval '60 days', now() + interval '60 days 3 hours', 'Europe/Paris',
       1000000, 1000000, 'EUR', 'PUBLISHED', now(), now()
FROM generate_series(1, $MANY_EVENTS) g;
INSERT INTO ticket_types (event_id, name, price, quantity, available, max_per_order)
SELECT id, 'Standard', 25.00, NULL, NULL, 10 FROM events;
ANALYZE;
SQL
sql "SELECT id FROM events WHERE title LIKE 'Spread %' ORDER BY id" > "$WORK/many-events.txt"
sql "SELECT id FROM events WHERE status = 'PUBLISHED' AND title NOT LIKE 'Spread %' ORDER BY id" > "$WORK/browse-events.txt"
WARM_EVENT=$(new_event 1000000)
HOT16_EVENT=$(new_event 1000000)
HOT1000_EVENT=$(new_event 1000000)

log "warm-up: rounds of every request kind ($WARMUP each) until a booking's CPU settles"
export PATH_PREFIX=/api/v1/events/
# On 2 cores the JIT takes minutes of load to compile Liberty's deep request paths, and its
# compiler threads' CPU counts as the server's: a booking measured 1 minute after start cost 2-3
# times what it costs 3 minutes later. So the warm-up repeats rounds of all the request kinds
# measured below until the server's CPU per booking of a round is within 10 % of the round
# before (at least WARM_ROUNDS_MIN rounds, at most WARM_ROUNDS_MAX), and says what each cost.
WARM_SOLD_OUT=$(new_event 2)
EVENT_ID=$WARM_SOLD_OUT wrk -t1 -c2 -d1s -s "$ROOT/bench/booking/book.lua" "$BASE" >/dev/null
previous=
WARM_LOG=$WORK/warm-up.txt
for round in $(seq 1 "$WARM_ROUNDS_MAX"); do
  before=$(proc_ticks "$SERVER_PID")
  EVENT_ID=$WARM_EVENT wrk -t2 -c16 -d"$BOOK_WARMUP" -s "$ROOT/bench/booking/book.lua" "$BASE" > "$WARM_LOG"
  after=$(proc_ticks "$SERVER_PID")
  booked=$(grep '^RESULT ' "$WARM_LOG" | cut -c8- | jq .booked)
  [ "${booked:-0}" -gt 0 ] || { echo "warm-up round $round booked nothing:" >&2; cat "$WARM_LOG" >&2; exit 1; }
  per_booking=$(echo "scale=3; ($after - $before) * 1000 / $clk / $booked" | bc)
  echo "  round $round: $booked bookings, $per_booking ms of server CPU each (JIT included)"
  EVENT_ID=$WARM_SOLD_OUT wrk -t2 -c16 -d"$WARMUP" -s "$ROOT/bench/booking/book.lua" "$BASE" >/dev/null
  IDS_FILE=$WORK/browse-events.txt wrk -t2 -c16 -d"$WARMUP" -s "$ROOT/bench/lib/stats.lua" "$BASE" >/dev/null
  wrk -t2 -c16 -d"$WARMUP" "$BASE/api/v1/events" >/dev/null
  wrk -t2 -c16 -d"$WARMUP" -s "$ROOT/bench/me.lua" "$BASE" >/dev/null
  wrk -t2 -c16 -d"$WARMUP" "$BASE/health/live" >/dev/null
  if [ -n "$previous" ] && [ "$round" -ge "$WARM_ROUNDS_MIN" ] \
    && [ "$(echo "$per_booking <= $previous * 1.1 && $per_booking >= $previous * 0.9" | bc)" = 1 ]; then
    break
  fi
  previous=$per_booking
done
WARM_UP_ROUNDS=$round

# ---------------------------------------------------------------- the API
log "measuring the API, $DURATION a phase"
STATS=$ROOT/bench/lib/stats.lua
BOOK=$ROOT/bench/booking/book.lua
measure health_1 -- -t2 -c$HOT -d"$DURATION" -s "$STATS" "$BASE/health/live"
if [ "$PROFILE" = 1 ]; then
  jcmd "$SERVER_PID" JFR.start name=bench settings=profile filename="$WORK/hot-sale.jfr" >/dev/null
fi
EVENT_ID=$HOT16_EVENT measure hot_16 -- -t2 -c$HOT -d"$DURATION" -s "$BOOK" "$BASE"
EVENT_ID=$HOT1000_EVENT measure hot_1000 --rss -- -t2 -c$MANY_CLIENTS -d"$DURATION" -s "$BOOK" "$BASE"
if [ "$PROFILE" = 1 ]; then
  jcmd "$SERVER_PID" JFR.stop name=bench >/dev/null
fi
drain
# Sized from the 1,000-client rate just measured (1.5 seats a booking), so that the event sells
# out about a third into the phase whatever the machine: the rest of the phase is refusals.
STAMPEDE_SEATS=$(jq '[.booked_per_s * 1.5 * '"$SECONDS_EACH"' / 3 | floor, 50] | max' "$WORK/hot_1000.json")
STAMPEDE_EVENT=$(new_event "$STAMPEDE_SEATS")
EVENT_ID=$STAMPEDE_EVENT measure stampede_1000 --rss -- -t2 -c$MANY_CLIENTS -d"$DURATION" -s "$BOOK" "$BASE"
drain
EVENT_ID=$STAMPEDE_EVENT measure sold_out_16 -- -t2 -c$HOT -d"$DURATION" -s "$BOOK" "$BASE"
measure me_16 -- -t2 -c$HOT -d"$DURATION" -s "$ROOT/bench/me.lua" "$BASE"
measure catalog_16 -- -t2 -c$HOT -d"$DURATION" -s "$STATS" "$BASE/api/v1/events"
measure search_16 -- -t2 -c$HOT -d"$DURATION" -s "$STATS" "$BASE/api/v1/events?q=jazz&size=20"
IDS_FILE=$WORK/browse-events.txt measure event_16 -- -t2 -c$HOT -d"$DURATION" -s "$STATS" "$BASE"
EVENTS_FILE=$WORK/many-events.txt measure many_16 -- -t2 -c$HOT -d"$DURATION" -s "$BOOK" "$BASE"
measure health_2 -- -t2 -c$HOT -d"$DURATION" -s "$STATS" "$BASE/health/live"
stop_server
SERVER_PID=

# ---------------------------------------------------------------- invariants (SQL)
log "invariants"
sql "SELECT json_build_object(
  'oversold_events', (SELECT count(*) FROM events e WHERE e.available_seats < 0),
  'seat_count_mismatches', (SELECT count(*) FROM events e WHERE e.title NOT LIKE '%night%'
     AND e.capacity - e.available_seats <> (SELECT coalesce(sum(b.quantity), 0) FROM bookings b
        WHERE b.event_id = e.id AND b.status IN ('PENDING', 'CONFIRMED'))),
  'stampede_capacity', (SELECT capacity FROM events WHERE id = $STAMPEDE_EVENT),
  'stampede_sold_out', (SELECT available_seats = 0 FROM events WHERE id = $STAMPEDE_EVENT),
  'stampede_seats_held', (SELECT coalesce(sum(quantity), 0) FROM bookings
     WHERE event_id = $STAMPEDE_EVENT AND status IN ('PENDING', 'CONFIRMED')),
  'bookings', (SELECT count(*) FROM bookings))" > "$WORK/invariants.json"
jq -c . "$WORK/invariants.json"

# ---------------------------------------------------------------- the database's own ceiling
log "pgbench: the booking's SQL transaction alone (server stopped)"
psql_q -d "$SCRATCH_DB" <<'SQL'
CREATE TABLE events (id BIGINT PRIMARY KEY, available_seats INTEGER NOT NULL);
INSERT INTO events SELECT g, 10000000 FROM generate_series(1, 1000) g;
CREATE TABLE bookings (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  event_id BIGINT NOT NULL, quantity INTEGER NOT NULL, created_at TIMESTAMPTZ NOT NULL);
SQL
MAX_CONN=$(psql -X -At -d postgres -c "SHOW max_connections")
IN_USE=$(psql -X -At -d postgres -c "SELECT count(*) FROM pg_stat_activity")
# The hot row at 1, 16 and 64 clients: the app's 16-client rate is compared with the best of
# them (one client never waits for the lock; more clients overlap their round trips).
pgbench_run pgbench_hot_1 1 1
pgbench_run pgbench_hot_16 $HOT 1
if [ $((MAX_CONN - IN_USE - 5)) -ge 64 ]; then
  pgbench_run pgbench_hot_64 64 1
else
  pgbench_skip pgbench_hot_64 64 "max_connections $MAX_CONN with $IN_USE in use leaves no room for 64 clients"
fi
# PostgreSQL refuses more than max_connections: 1,000 clients are tried only when they fit;
# otherwise the app's own pool size (its most concurrent transactions) stands in for them.
POOL=$(grep -o '^DB_POOL_MAX=[0-9]*' "$COPY/server.env" | cut -d= -f2 || true)
POOL=${POOL:-50}
if [ $((MAX_CONN - IN_USE - 5)) -ge $MANY_CLIENTS ]; then BIG=$MANY_CLIENTS; else BIG=$POOL; fi
pgbench_run pgbench_hot_big "$BIG" 1
pgbench_run pgbench_many_16 $HOT 1000
psql_q -d postgres -c "DROP DATABASE IF EXISTS $SCRATCH_DB"

# ---------------------------------------------------------------- the result file
log "result"
if [ "$PROFILE" = 1 ]; then
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$WORK/hot-sale.jfr" > "$WORK/samples.txt"
  python3 "$ROOT/bench/lib/top_frames.py" "$WORK/samples.txt" > "$WORK/top-frames.txt"
  head -40 "$WORK/top-frames.txt"
fi
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src bench || echo "+changes")
MACHINE="$NPROC cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(. /etc/os-release && echo "$PRETTY_NAME"), PostgreSQL $(psql -X -At -d postgres -c 'SHOW server_version')"
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
[ "$PROFILE" = 1 ] && MODE=$MODE+jfr
jq -n --arg stamp "$STAMP" --arg commit "$COMMIT" --arg machine "$MACHINE" --arg mode "$MODE" \
  --arg duration "$DURATION" --arg load "$LOAD" --arg env "${BENCH_ENV:-}" \
  --argjson users "$USERS" --argjson browse_events "$BROWSE_EVENTS" --argjson many_events "$MANY_EVENTS" \
  --argjson start "$START_SECONDS" --argjson idle_rss "$IDLE_RSS_KB" \
  --argjson warm_rounds "$WARM_UP_ROUNDS" \
  --slurpfile health1 "$WORK/health_1.json" --slurpfile health2 "$WORK/health_2.json" \
  --slurpfile hot16 "$WORK/hot_16.json" --slurpfile hot1000 "$WORK/hot_1000.json" \
  --slurpfile stampede "$WORK/stampede_1000.json" --slurpfile soldout "$WORK/sold_out_16.json" \
  --slurpfile catalog "$WORK/catalog_16.json" --slurpfile search "$WORK/search_16.json" \
  --slurpfile event "$WORK/event_16.json" --slurpfile many "$WORK/many_16.json" \
  --slurpfile me "$WORK/me_16.json" \
  --slurpfile pg1 "$WORK/pgbench_hot_1.json" --slurpfile pg64 "$WORK/pgbench_hot_64.json" \
  --slurpfile pg16 "$WORK/pgbench_hot_16.json" --slurpfile pgbig "$WORK/pgbench_hot_big.json" \
  --slurpfile pgmany "$WORK/pgbench_many_16.json" --slurpfile inv "$WORK/invariants.json" '
  def r2: . * 100 | round / 100;
  def ratio(a; b): if (a == null or b == null or b == 0) then null else (a / b | r2) end;
  (($health1[0].req_per_s + $health2[0].req_per_s) / 2) as $health |
  ([$pg1[0], $pg16[0], $pg64[0]] | map(select(.tps != null)) | max_by(.tps)) as $pgbest |
  def ms_per_booking(p): if (p.booked // 0) == 0 then null
    else (p.cpu.server_core_seconds * 1000 / p.booked) * 1000 | round / 1000 end;
  ms_per_booking($hot16[0]) as $cpu_hot | ms_per_booking($many[0]) as $cpu_many |
  {
    run: {timestamp: $stamp, commit: $commit, machine: $machine, mode: $mode, duration: $duration,
          load_average_after: $load, users: $users, server_env: $env, warm_up_rounds: $warm_rounds,
          command: ("bench/run.sh" + (if ($mode | startswith("smoke")) then " --smoke" else "" end)
                     + (if ($mode | endswith("+jfr")) then " --profile" else "" end))},
    baseline: {health_live_req_per_s: ($health | r2), health_1: $health1[0], health_2: $health2[0],
               pgbench_hot_1: $pg1[0], pgbench_hot_16: $pg16[0], pgbench_hot_64: $pg64[0],
               pgbench_hot_best: (if $pgbest == null then null else {clients: $pgbest.clients, tps: $pgbest.tps} end),
               pgbench_hot_big: $pgbig[0], pgbench_many_16: $pgmany[0]},
    hot_sale: {clients_16: $hot16[0], clients_1000: $hot1000[0], stampede_1000: $stampede[0]},
    sold_out: $soldout[0],
    me: $me[0],
    browse: {events: $browse_events, catalog: $catalog[0], search: $search[0], event: $event[0]},
    many_events: ({events: $many_events} + $many[0]),
    cpu_per_booking: {hot_16_server_ms: $cpu_hot, many_16_server_ms: $cpu_many,
                      hot_vs_many: ratio($cpu_hot; $cpu_many)},
    footprint: {start_to_ready_s: ($start | r2), idle_rss_mib: ($idle_rss / 1024 | floor),
                rss_peak_1000_clients_mib: ([$hot1000[0].server_rss_peak_mib, $stampede[0].server_rss_peak_mib] | max)},
    invariants: ($inv[0] + {errors_other_than_sold_out:
       ($hot16[0].other + $hot1000[0].other + $stampede[0].other + $soldout[0].other + $many[0].other
        + $hot16[0].socket_errors + $hot1000[0].socket_errors + $stampede[0].socket_errors
        + $hot16[0].timeouts + $hot1000[0].timeouts + $stampede[0].timeouts),
       me_errors: ($me[0].other + $me[0].socket_errors + $me[0].timeouts)}),
    ratios: {
      hot_16_vs_pgbench_16: ratio($hot16[0].booked_per_s; $pg16[0].tps),
      hot_16_vs_pgbench_hot_best: ratio($hot16[0].booked_per_s; $pgbest.tps),
      pgbench_hot_best_clients: $pgbest.clients,
      hot_1000_vs_pgbench_big: ratio($hot1000[0].booked_per_s; $pgbig[0].tps),
      pgbench_big_clients: $pgbig[0].clients,
      hot_1000_vs_hot_16: ratio($hot1000[0].booked_per_s; $hot16[0].booked_per_s),
      hot_1000_p99_ms: $hot1000[0].p99_ms,
      sold_out_vs_health: ratio($soldout[0].sold_out_per_s; $health),
      me_vs_health: ratio($me[0].req_per_s; $health),
      catalog_vs_health: ratio($catalog[0].req_per_s; $health),
      search_vs_health: ratio($search[0].req_per_s; $health),
      event_vs_health: ratio($event[0].req_per_s; $health),
      many_16_vs_pgbench_many_16: ratio($many[0].booked_per_s; $pgmany[0].tps),
      cpu_per_booking_hot_vs_many: ratio($cpu_hot; $cpu_many),
      health_2_vs_health_1: ratio($health2[0].req_per_s; $health1[0].req_per_s)
    }
  }' > "$RESULT_FILE"
# latest.json (kept in git) is the last full run's: smoke runs only check that the suite works.
case $MODE in full*) cp "$RESULT_FILE" "$RESULTS/latest.json" ;; esac
jq '{ratios, cpu_per_booking,
     pgbench_hot_tps: {c1: .baseline.pgbench_hot_1.tps, c16: .baseline.pgbench_hot_16.tps,
                       c64: .baseline.pgbench_hot_64.tps, best: .baseline.pgbench_hot_best},
     footprint, invariants}' "$RESULT_FILE"
echo "result: $RESULT_FILE (raw outputs in $WORK)"

if [ "$APPEND" = 1 ]; then
  jq -r -f "$ROOT/bench/lib/suite-row.jq" \
    "$RESULT_FILE" >> "$ROOT/docs/BENCHMARKS.md"
  echo "row appended to docs/BENCHMARKS.md"
fi
