#!/usr/bin/env bash
# Fault drills: under a steady booking load (paid bookings through a Stripe stand-in confirmed by
# signed webhooks, free bookings, coupon bookings, a small event selling out), inject one fault at
# a time, recover, and check the invariants of bench/drills/invariants.sql plus the throughput
# after recovery against the throughput before the fault.
#
#   bench/drills/run.sh [--quick] [DRILL ...]
#
#   DRILL   pg-kill        kill -9 PostgreSQL's postmaster, 10 s down, restart
#           liberty-kill   kill -9 Liberty, restart
#           liberty-term   SIGTERM Liberty (graceful stop), restart
#           stripe         Stripe stand-in answers 500s, then hangs (timeouts), then recovers
#           smtp           SMTP server down for a minute (15 s with --quick), then back
#           security       bench/drills/security-sweep.sh (bad-input sweep + JWT attacks, as ITs)
#           default: every drill but security; "all": every drill.
#   --quick             short windows (10 s before/after instead of 60 s): a CI smoke.
#
# Everything runs on this machine and on throw-away parts only: its own PostgreSQL cluster
# (initdb into a temporary directory, port DRILL_PG_PORT=5440; never the shared server on 5432),
# WireMock standalone as Stripe (9721), GreenMail standalone as SMTP (9722, API 9723) and a Liberty
# server "boxoffice-drill" (9700/9701) made from the build's server, in a user directory of its
# own. Needs: a built server (mvn -B -ntp package -DskipTests), PostgreSQL 15 server binaries,
# java 17, curl, jq, psql. The WireMock and GreenMail jars are fetched with mvn dependency:copy.
#
# Exit status: 0 when every invariant of every drill passed, 1 when one failed, 2 on a setup error.
# The throughput ratio is printed and flagged (aim >= 0.9) but does not change the exit status:
# it is a timing figure on a shared machine, not a correctness invariant.
set -Eeuo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
QUICK=0
DRILLS=()
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    all) DRILLS+=(pg-kill liberty-kill liberty-term stripe smtp security) ;;
    pg-kill | liberty-kill | liberty-term | stripe | smtp | security) DRILLS+=("$arg") ;;
    *) echo "usage: $0 [--quick] [all|pg-kill|liberty-kill|liberty-term|stripe|smtp|security ...]" >&2; exit 2 ;;
  esac
done
[[ ${#DRILLS[@]} -gt 0 ]] || DRILLS=(pg-kill liberty-kill liberty-term stripe smtp)

HTTP_PORT=${DRILL_HTTP_PORT:-9700}
PG_PORT=${DRILL_PG_PORT:-5440}
STRIPE_PORT=${DRILL_STRIPE_PORT:-9721}
SMTP_PORT=${DRILL_SMTP_PORT:-9722}
MAIL_API_PORT=${DRILL_MAIL_API_PORT:-9723}
DB=boxoffice_drill
BASE="http://127.0.0.1:$HTTP_PORT"
WEBHOOK_SECRET="whsec_drill_test_only_$(date +%s)"
if [[ $QUICK == 1 ]]; then
  WINDOW=${DRILL_WINDOW:-10}; WARMUP=10; SMTP_DOWN=15; STRIPE_FAULT=10; HOT_SEATS=60
else
  WINDOW=${DRILL_WINDOW:-60}; WARMUP=20; SMTP_DOWN=60; STRIPE_FAULT=30; HOT_SEATS=300
fi
THREADS=${DRILL_THREADS:-6}
INTERVAL_MS=${DRILL_INTERVAL_MS:-300}
WLP="$ROOT/target/liberty/wlp"
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1)}
JARS=${DRILL_JARS:-$HOME/.cache/boxoffice-drills}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/boxoffice-drills.XXXXXX")
chmod 755 "$WORK"
FAILED=0
SUMMARY=()

log() { printf '%s drills: %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { log "SETUP ERROR: $*" >&2; exit 2; }
now_ms() { date +%s%3N; }

# --- setup checks --------------------------------------------------------------------------------
for tool in java javac curl jq psql; do command -v "$tool" > /dev/null || die "$tool not found"; done
[[ -x "$PGBIN/initdb" ]] || die "PostgreSQL server binaries not found (set PGBIN)"
[[ -f "$ROOT/target/boxoffice.war" && -d "$WLP/usr/servers/boxoffice" ]] ||
  die "no built server: run mvn -B -ntp package -DskipTests first"
for port in "$HTTP_PORT" "$PG_PORT" "$STRIPE_PORT" "$SMTP_PORT" "$MAIL_API_PORT"; do
  if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then die "port $port is already in use"; fi
done

# --- throw-away parts, all stopped on exit ---------------------------------------------------------
PG_DATA="$WORK/pg"
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_start() {
  as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pglog/postgresql.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c max_connections=120" start > /dev/null
}
pg_postmaster() { head -1 "$PG_DATA/postmaster.pid"; }
psql_drill() { psql -X -q -v ON_ERROR_STOP=1 -At -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }

STRIPE_PID="" MAIL_PID="" LOAD_PID=""
export WLP_USER_DIR="$WORK/usr"
SERVER=boxoffice-drill
liberty() { env -u DB_URL -u DB_USER -u DB_PASSWORD "$WLP/bin/server" "$@" > /dev/null 2>&1; }
liberty_pid() { cat "$WLP_USER_DIR/servers/.pid/$SERVER.pid"; }

# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
  set +e
  [[ -n "$LOAD_PID" ]] && kill "$LOAD_PID" 2> /dev/null
  [[ -d "$WLP_USER_DIR/servers/$SERVER" ]] && liberty stop "$SERVER"
  [[ -n "$STRIPE_PID" ]] && kill "$STRIPE_PID" 2> /dev/null
  [[ -n "$MAIL_PID" ]] && kill "$MAIL_PID" 2> /dev/null
  [[ -f "$PG_DATA/postmaster.pid" ]] && as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -m immediate stop > /dev/null
  if [[ ${KEEP_WORK:-0} == 1 ]]; then log "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

fetch_jar() { # groupId artifactId version -> path
  local jar="$JARS/$2-$3.jar"
  if [[ ! -f "$jar" ]]; then
    mkdir -p "$JARS"
    (cd "$JARS" && mvn -B -ntp -q dependency:copy -Dartifact="$1:$2:$3" -DoutputDirectory="$JARS") >&2 ||
      die "could not fetch $1:$2:$3"
  fi
  echo "$jar"
}

wait_http() { # url expected-status seconds
  local deadline=$((SECONDS + $3))
  while ((SECONDS < deadline)); do
    [[ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" || true)" == "$2" ]] && return 0
    sleep 0.5
  done
  return 1
}

start_stripe() {
  java -jar "$WIREMOCK_JAR" --port "$STRIPE_PORT" --bind-address 127.0.0.1 --disable-banner \
    --no-request-journal > "$WORK/wiremock.log" 2>&1 &
  STRIPE_PID=$!
  wait_http "http://127.0.0.1:$STRIPE_PORT/__admin/health" 200 60 || die "WireMock did not start"
  stripe_stub '{"request": {"method": "POST", "url": "/v1/payment_intents"},
    "response": {"status": 200, "headers": {"Content-Type": "application/json"},
      "transformers": ["response-template"],
      "body": "{\"id\": \"pi_{{request.headers.Idempotency-Key}}\", \"object\": \"payment_intent\", \"client_secret\": \"pi_{{request.headers.Idempotency-Key}}_secret_drill\", \"amount\": 1000, \"currency\": \"eur\", \"status\": \"requires_payment_method\", \"metadata\": {}}"}}' > /dev/null
  stripe_stub '{"request": {"method": "POST", "url": "/v1/refunds"},
    "response": {"status": 200, "headers": {"Content-Type": "application/json"},
      "transformers": ["response-template"],
      "body": "{\"id\": \"re_{{request.headers.Idempotency-Key}}\", \"object\": \"refund\", \"status\": \"succeeded\"}"}}' > /dev/null
}
stripe_stub() { curl -sf -X POST "http://127.0.0.1:$STRIPE_PORT/__admin/mappings" -d "$1" | jq -r .id; }
stripe_unstub() { curl -sf -X DELETE "http://127.0.0.1:$STRIPE_PORT/__admin/mappings/$1" > /dev/null; }

start_mail() {
  java -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
    -Dgreenmail.auth.disabled -jar "$GREENMAIL_JAR" >> "$WORK/greenmail.log" 2>&1 &
  MAIL_PID=$!
  local deadline=$((SECONDS + 180)) banner=""
  while ((SECONDS < deadline)); do # ready = the SMTP port greets with 220
    banner=$( (exec 3<> "/dev/tcp/127.0.0.1/$SMTP_PORT" && timeout 5 head -c 3 <&3) 2> /dev/null || true)
    [[ $banner == 220 ]] && return 0
    sleep 0.5
  done
  die "GreenMail did not start (see $WORK/greenmail.log)"
}
stop_mail() { kill "$MAIL_PID"; wait "$MAIL_PID" 2> /dev/null || true; MAIL_PID=""; }

create_liberty() {
  local dir="$WLP_USER_DIR/servers/$SERVER" main="$WLP/usr/servers/boxoffice"
  mkdir -p "$dir/apps" "$WLP_USER_DIR/shared" "$WORK/data"
  cp -r "$WLP/usr/shared/resources" "$WLP_USER_DIR/shared/"
  cp "$main/server.xml" "$main/jvm.options" "$dir/"
  # A packaged copy of the application: a rebuild of the worktree cannot restart it mid-drill.
  cp "$ROOT/target/boxoffice.war" "$dir/apps/boxoffice.war"
  printf 'http.port=%s\nhttps.port=%s\n' "$HTTP_PORT" "$((HTTP_PORT + 1))" > "$dir/bootstrap.properties"
  {
    grep '^keystore_password=' "$main/server.env"
    echo "DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$DB"
    echo "DB_USER=postgres"
    echo "DB_PASSWORD=drill-trust-auth"
    echo "BOXOFFICE_DATA_DIR=$WORK/data"
    echo "STRIPE_API_KEY=sk_test_drill"
    echo "BOXOFFICE_STRIPE_API_BASE=http://127.0.0.1:$STRIPE_PORT"
    echo "STRIPE_WEBHOOK_SECRET=$WEBHOOK_SECRET"
    echo "SMTP_HOST=127.0.0.1"
    echo "SMTP_PORT=$SMTP_PORT"
    echo "SMTP_FROM=Boxoffice drills <tickets@boxoffice.test>"
    echo "BOXOFFICE_OUTBOX_INTERVAL_SECONDS=1"
    echo "BOXOFFICE_RATE_LIMIT_PER_MINUTE=100000000"
    echo "BOXOFFICE_RATE_LIMIT_IP_PER_MINUTE=100000000"
    echo "BOXOFFICE_JWT_LIFETIME_SECONDS=86400"
    echo "BOXOFFICE_PASSWORD_BCRYPT_COST=4"
    echo "LOG_CONSOLE_FORMAT=simple"
  } > "$dir/server.env"
}
start_liberty() {
  liberty start "$SERVER" || die "server start failed (see $WLP_USER_DIR/servers/$SERVER/logs)"
  wait_http "$BASE/health/ready" 200 900 || die "Liberty did not become ready"
}

# --- the application's data for the load ---------------------------------------------------------
api() { curl -sf -m 30 -H 'Content-Type: application/json' "$@"; }
signup() { # email accountType -> access token (registers and signs in with a fixed password)
  local pw="drill-password-correct-horse"
  api -X POST "$BASE/api/v1/auth/register" -d "{\"email\":\"$1\",\"password\":\"$pw\",\"firstName\":\"D\",\"lastName\":\"R\",\"accountType\":\"$2\"}" > /dev/null
  api -X POST "$BASE/api/v1/auth/login" -d "{\"email\":\"$1\",\"password\":\"$pw\"}" | jq -r .data.accessToken
}
new_event() { # title capacity price -> published event id
  local start end id
  start=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)
  end=$(date -u -d '+30 days 3 hours' +%Y-%m-%dT%H:%M:%SZ)
  id=$(api -X POST "$BASE/api/v1/events" -H "Authorization: Bearer $ORGANIZER" -d "{\"title\":\"$1\",\"location\":\"Drill hall\",\"startDate\":\"$start\",\"endDate\":\"$end\",\"capacity\":$2,\"currency\":\"EUR\",\"ticketTypes\":[{\"name\":\"Standard\",\"price\":$3,\"maxPerOrder\":10}]}" | jq -r .data.id)
  api -X POST "$BASE/api/v1/events/$id/publish" -H "Authorization: Bearer $ORGANIZER" -d '{}' > /dev/null
  echo "$id"
}

# --- load, windows, invariants -------------------------------------------------------------------
start_load() { # drill
  LOAD_DIR="$WORK/load-$1"
  mkdir -p "$LOAD_DIR"
  HOT_EVENT=$(new_event "Hot $1" "$HOT_SEATS" 25.00)
  java -cp "$WORK/classes" LoadGen base="$BASE" tokens="$WORK/tokens.txt" paid="$PAID_EVENT" \
    free="$FREE_EVENT" hot="$HOT_EVENT" coupon=DRILL10 secret="$WEBHOOK_SECRET" out="$LOAD_DIR" \
    threads="$THREADS" interval="$INTERVAL_MS" drain=90 > "$LOAD_DIR/loadgen.out" 2>&1 &
  LOAD_PID=$!
  # The windows count from the first answer, not from the start of a JVM that may still be loading.
  local deadline=$((SECONDS + 120))
  until [[ -s "$LOAD_DIR/answers.log" ]] || ((SECONDS > deadline)); do sleep 0.2; done
}
stop_load() {
  touch "$LOAD_DIR/stop"
  wait "$LOAD_PID" || log "load generator exited with $?"
  LOAD_PID=""
  cat "$LOAD_DIR/ids.txt" >> "$WORK/all-ids.txt"
}
# 2xx bookings of the steady kinds (not the small event that sells out) in [from, to) millis.
booked_between() {
  awk -v a="$1" -v b="$2" '$1 >= a && $1 < b && $2 ~ /^2/ && $4 != "hot" { n++ } END { print n + 0 }' \
    "$LOAD_DIR/answers.log"
}
answers_summary() {
  awk '{ s[$2 == 0 ? "no-answer" : $2]++ } END { for (k in s) printf "%s=%d ", k, s[k]; print "" }' \
    "$LOAD_DIR/answers.log"
}

# Runs one drill: load, warm-up, WINDOW s before, the fault (function fault_<name>, which sets
# RECOVERED_MS), WINDOW s after, stop, invariants.
drill() {
  local name=$1
  log "=== drill $name ==="
  start_load "$name"
  sleep "$WARMUP"
  local before_start; before_start=$(now_ms)
  sleep "$WINDOW"
  FAULT_MS=$(now_ms)
  "fault_${name//-/_}"
  log "recovered $(((RECOVERED_MS - FAULT_MS) / 1000)) s after the fault began"
  sleep "$WINDOW"
  sleep 2 # the answers to requests sent inside the window
  stop_load
  local before after ratio
  before=$(booked_between "$before_start" "$FAULT_MS")
  after=$(booked_between "$RECOVERED_MS" "$((RECOVERED_MS + WINDOW * 1000))")
  ratio=$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  log "answers: $(answers_summary)"
  log "$(tail -1 "$LOAD_DIR/loadgen.out")"
  local out="$WORK/invariants-$name.txt"
  psql_drill -d "$DB" -v ids_file="$WORK/all-ids.txt" -f "$HERE/invariants.sql" > "$out" 2>&1 ||
    echo "FAIL invariants.sql did not run: $(cat "$out")" >> "$out"
  local verdict
  verdict=$(awk -v r="$ratio" 'BEGIN { print (r >= 0.9 ? "PASS" : "LOW ") }')
  echo "$verdict throughput: ${WINDOW} s after recovery / ${WINDOW} s before the fault = $after / $before = $ratio (aim >= 0.9)" >> "$out"
  sed "s/^/  [$name] /" "$out"
  if grep -q '^FAIL' "$out"; then FAILED=1; fi
  SUMMARY+=("$name: $(grep -c '^PASS' "$out" || true) pass, $(grep -c '^FAIL' "$out" || true) fail, throughput ratio $ratio")
}

fault_pg_kill() {
  local pid children
  pid=$(pg_postmaster)
  children=$(pgrep -P "$pid" | tr '\n' ' ')
  log "kill -9 PostgreSQL postmaster $pid (this drill's own cluster on port $PG_PORT); down for 10 s"
  kill -9 "$pid"
  sleep 10
  # The backends notice their postmaster's death and exit; the cluster can start again only once
  # the last one has let go of the shared memory.
  for child in $children; do
    while kill -0 "$child" 2> /dev/null; do sleep 0.2; done
  done
  pg_start || die "PostgreSQL did not restart (see $WORK/pglog/postgresql.log)"
  RECOVERED_MS=$(now_ms)
  log "PostgreSQL restarted after crash recovery; /health/ready: $(curl -s -o /dev/null -m 10 -w '%{http_code}' "$BASE/health/ready")"
}
fault_liberty_kill() {
  log "kill -9 Liberty $(liberty_pid)"
  kill -9 "$(liberty_pid)"
  sleep 1
  start_liberty
  RECOVERED_MS=$(now_ms)
}
fault_liberty_term() {
  local pid; pid=$(liberty_pid)
  log "SIGTERM Liberty $pid (graceful stop)"
  kill -TERM "$pid"
  while kill -0 "$pid" 2> /dev/null; do sleep 0.2; done
  log "Liberty exited $((($(now_ms) - FAULT_MS) / 1000)) s after SIGTERM"
  start_liberty
  RECOVERED_MS=$(now_ms)
}
fault_stripe() {
  local failing hanging
  log "Stripe stand-in answers 500 for $STRIPE_FAULT s"
  failing=$(stripe_stub '{"priority": 1, "request": {"method": "POST", "url": "/v1/payment_intents"},
    "response": {"status": 500, "headers": {"Content-Type": "application/json"},
      "body": "{\"error\": {\"type\": \"api_error\", \"message\": \"drill\"}}"}}')
  sleep "$STRIPE_FAULT"
  log "Stripe stand-in hangs (10 s per answer, past the client's timeout) for $STRIPE_FAULT s"
  hanging=$(stripe_stub '{"priority": 1, "request": {"method": "POST", "url": "/v1/payment_intents"},
    "response": {"status": 200, "fixedDelayMilliseconds": 10000, "body": "{}"}}')
  stripe_unstub "$failing"
  sleep "$STRIPE_FAULT"
  stripe_unstub "$hanging"
  RECOVERED_MS=$(now_ms)
  log "Stripe stand-in answers normally again"
}
fault_smtp() {
  log "SMTP down for $SMTP_DOWN s"
  stop_mail
  sleep "$SMTP_DOWN"
  local queued
  queued=$(psql_drill -d "$DB" -c "select count(*) from outbox where status = 'QUEUED'")
  log "emails queued while SMTP was down: $queued"
  start_mail
  RECOVERED_MS=$(now_ms)
}

security_drill() {
  log "=== drill security ==="
  local out="$WORK/security.txt"
  if "$HERE/security-sweep.sh" > "$out" 2>&1; then
    echo "PASS security sweep: $(grep -E 'Tests run:.*Fail' "$out" | tail -1)" | tee -a "$out.summary"
  else
    echo "FAIL security sweep (see below)" | tee -a "$out.summary"
    tail -40 "$out"
    FAILED=1
  fi
  SUMMARY+=("security: $(cat "$out.summary")")
}

# --- main ------------------------------------------------------------------------------------------
LOAD_DRILLS=()
for d in "${DRILLS[@]}"; do if [[ $d != security ]]; then LOAD_DRILLS+=("$d"); fi; done
if [[ ${#LOAD_DRILLS[@]} -gt 0 ]]; then
  log "work directory $WORK; quick=$QUICK window=${WINDOW}s threads=$THREADS interval=${INTERVAL_MS}ms"
  mkdir -p "$WORK/classes"
  javac -d "$WORK/classes" "$HERE/LoadGen.java" || die "LoadGen.java does not compile"
  WIREMOCK_JAR=$(fetch_jar org.wiremock wiremock-standalone 3.13.1)
  GREENMAIL_JAR=$(fetch_jar com.icegreen greenmail-standalone 2.1.5)
  mkdir -p "$PG_DATA" "$WORK/pglog"
  if [[ $(id -u) == 0 ]]; then chown postgres "$PG_DATA" "$WORK/pglog"; fi
  as_pg "$PGBIN/initdb" -D "$PG_DATA" -A trust -U postgres > "$WORK/initdb.log" 2>&1 || die "initdb failed"
  pg_start || die "PostgreSQL did not start"
  psql_drill -d postgres -c "create database $DB"
  start_stripe
  start_mail
  create_liberty
  log "starting Liberty on $BASE"
  start_liberty
  RUN=$(date +%s)
  ORGANIZER=$(signup "drill-org-$RUN@example.test" ORGANIZER)
  for i in $(seq 1 8); do signup "drill-$RUN-$i@example.test" ATTENDEE; done > "$WORK/tokens.txt"
  PAID_EVENT=$(new_event "Drill paid" 1000000 10.00)
  FREE_EVENT=$(new_event "Drill free" 1000000 0)
  api -X POST "$BASE/api/v1/events/$PAID_EVENT/coupons" -H "Authorization: Bearer $ORGANIZER" \
    -d '{"code":"DRILL10","discountType":"PERCENT","discountValue":10}' > /dev/null
  : > "$WORK/all-ids.txt"
  # A fresh JVM answers its first bookings slowly (class loading, JIT): warm it up first, with the
  # same load, so the first drill's "before" window is not the cold start.
  log "warming the server up for $((WARMUP * 3)) s"
  start_load warmup
  sleep $((WARMUP * 3))
  stop_load
  for d in "${LOAD_DRILLS[@]}"; do drill "$d"; done
fi
for d in "${DRILLS[@]}"; do if [[ $d == security ]]; then security_drill; fi; done

echo
echo "== summary ($(date -u +%FT%TZ), commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%s\n' "${SUMMARY[@]}"
if [[ $FAILED == 0 ]]; then echo "drills: PASS"; else echo "drills: FAIL"; fi
exit "$FAILED"
