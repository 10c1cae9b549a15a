#!/usr/bin/env bash
# Email delivery during a hot sale (issue 22), with SMTP on: a GreenMail standalone server (the jar
# from Maven Central, fetched by `mvn dependency:get` once) takes every email. Starts a copy of the
# built server on a fresh database with SMTP pointed at GreenMail, and measures:
#   1. sale: free bookings (each confirmed at once, so each queues its confirmation with a tickets
#      PDF and an .ics) on one event at 16 clients for DURATION: confirmations/s, confirmation
#      emails sent/s during the sale, their ratio (aim >= 1.0; also without the sale's first 5 s,
#      when the senders have nothing to send yet), and how long after the sale stops
#      the backlog is empty (aim <= 30 s); from booking to email, p50 and p99;
#   2. delivery alone: BACKLOG confirmation emails of the sale queued again at once (the same rows,
#      so the same PDFs and calendars to render) and drained with no other load: emails/s and the
#      CPU per email of the server, GreenMail and PostgreSQL. With --profile JFR records this phase
#      and the top frames say where the server's CPU goes.
#
#   bench/mail.sh                # full run (~3 min with a built server)
#   bench/mail.sh --smoke        # 5-second sale, small backlog
#   bench/mail.sh --no-build     # reuse target/liberty (--smoke implies it when built)
#   bench/mail.sh --profile      # JFR during the delivery-alone phase
#   bench/run.sh --mail [...]    # the same, from the suite's entry point
#
# Settings (environment): PORT (9620), HTTPS_PORT (9630), SMTP_PORT (3925), BENCH_DB
# (boxoffice_bench_mail, dropped and created afresh), PGHOST/PGUSER/PGPASSWORD, DURATION (20s),
# BACKLOG (3000), USERS (50), GREENMAIL_VERSION (2.1.5), BENCH_ENV ("KEY=VALUE ..." added to the
# server's environment, e.g. "BOXOFFICE_MAIL_SENDERS=4").
# Needs: mvn, java (jcmd/jfr for --profile), wrk, psql, curl, jq, python3 (--profile).
# Writes bench/results/mail-<timestamp>.json; raw outputs in bench/results/mail-<timestamp>/.
set -euo pipefail
shopt -s inherit_errexit

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MODE=full
BUILD=1
PROFILE=0
for arg in "$@"; do
  case $arg in
    --smoke) MODE=smoke ;;
    --no-build) BUILD=0 ;;
    --profile) PROFILE=1 ;;
    -h | --help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg (see --help)" >&2; exit 2 ;;
  esac
done

PORT=${PORT:-9620}
HTTPS_PORT=${HTTPS_PORT:-9630}
SMTP_PORT=${SMTP_PORT:-3925}
export PGHOST=${PGHOST:-127.0.0.1}
export PGUSER=${PGUSER:-postgres}
export PGPASSWORD=${PGPASSWORD:-postgres}
DB=${BENCH_DB:-boxoffice_bench_mail}
GREENMAIL_VERSION=${GREENMAIL_VERSION:-2.1.5}
if [ "$MODE" = smoke ]; then
  DURATION=${DURATION:-5s}; WARMUP=3s; BACKLOG=${BACKLOG:-300}; USERS=${USERS:-10}
  [ -d "$ROOT/target/liberty/wlp/usr/servers/boxoffice/apps" ] && BUILD=0
else
  DURATION=${DURATION:-20s}; WARMUP=15s; BACKLOG=${BACKLOG:-3000}; USERS=${USERS:-50}
fi
WLP=$ROOT/target/liberty/wlp
MAIN=$WLP/usr/servers/boxoffice
NAME=boxoffice-bench-mail
COPY=$WLP/usr/servers/$NAME
BASE=http://127.0.0.1:$PORT
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$ROOT/bench/results
WORK=$RESULTS/mail-$STAMP
mkdir -p "$WORK"
RESULT_FILE=$RESULTS/mail-$STAMP.json
NPROC=$(nproc)
ulimit -n 65536 2>/dev/null || ulimit -n 4096

for tool in mvn java wrk psql curl jq bc; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }
done
log() { printf '\n== %s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
sql() { psql -X -At -v ON_ERROR_STOP=1 -d "$DB" -c "$1"; }
clk=$(getconf CLK_TCK)
proc_ticks() { # pid... -> utime+stime ticks
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(awk '{sub(/^.*\) /, ""); print $12 + $13 + $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
pg_pids() { pgrep -x postgres || pgrep -f 'postgres:' || true; }
now_s() { date +%s.%N; }

# ---------------------------------------------------------------- GreenMail
JAR=$HOME/.m2/repository/com/icegreen/greenmail-standalone/$GREENMAIL_VERSION/greenmail-standalone-$GREENMAIL_VERSION.jar
if [ ! -f "$JAR" ]; then
  log "GreenMail standalone $GREENMAIL_VERSION from Maven Central"
  mvn -B -ntp -q dependency:get -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" -Dtransitive=false
fi
if [ "$BUILD" = 1 ]; then
  log "build (mvn package -DskipTests)"
  (cd "$ROOT" && mvn -B -ntp -q package -DskipTests)
fi
[ -d "$MAIN/apps" ] || { echo "no built server at $MAIN: run without --no-build" >&2; exit 2; }

GM_PID=
stop_all() {
  "$WLP/bin/server" stop "$NAME" >/dev/null 2>&1 || true
  [ -n "$GM_PID" ] && kill "$GM_PID" 2>/dev/null || true
}
trap stop_all EXIT
log "GreenMail on 127.0.0.1:$SMTP_PORT (SMTP only, every email kept in memory)"
java -Xmx3g -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
  -jar "$JAR" > "$WORK/greenmail.log" 2>&1 &
GM_PID=$!
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && break
  sleep 0.2
done
(exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null || { echo "GreenMail did not start:" >&2; cat "$WORK/greenmail.log" >&2; exit 1; }

# ---------------------------------------------------------------- server
log "fresh database $DB; server $NAME on port $PORT"
psql -q -X -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
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
  echo "keystore_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  echo "BOXOFFICE_RATE_LIMIT_PER_MINUTE=100000000"
  echo "BOXOFFICE_RATE_LIMIT_IP_PER_MINUTE=100000000"
  echo "BOXOFFICE_PASSWORD_BCRYPT_COST=10"
  echo "BOXOFFICE_JWT_LIFETIME_SECONDS=7200"
  echo "SMTP_HOST=127.0.0.1"
  echo "SMTP_PORT=$SMTP_PORT"
  echo "SMTP_FROM=Boxoffice <tickets@bench.test>"
  echo "BOXOFFICE_OUTBOX_INTERVAL_SECONDS=1"
  for kv in ${BENCH_ENV:-}; do echo "$kv"; done
} > "$COPY/server.env"
start=$(now_s)
env -u DB_URL -u DB_USER -u DB_PASSWORD "$WLP/bin/server" start "$NAME" >/dev/null
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" = 200 ]; do
  sleep 0.2
  if [ "$(echo "$(now_s) - $start > 300" | bc)" = 1 ]; then
    echo "server not ready after 300 s; see $COPY/logs" >&2; exit 1
  fi
done
SERVER_PID=$(cat "$WLP/usr/servers/.pid/$NAME.pid")

api() { curl -sf -H 'Content-Type: application/json' "$@"; }
PASSWORD=correct-horse-battery-staple
register() { # email role -> access token
  api -X POST "$BASE/api/v1/auth/register" -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\",\"firstName\":\"Bench\",\"lastName\":\"User\",\"accountType\":\"$2\"}" >/dev/null
  api -X POST "$BASE/api/v1/auth/login" -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" | jq -er .data.accessToken
}
free_event() { # -> id of a published free event with room for any run
  local start end id
  start=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ); end=$(date -u -d '+30 days 3 hours' +%Y-%m-%dT%H:%M:%SZ)
  id=$(api -X POST "$BASE/api/v1/events" -H "Authorization: Bearer $ORG" -d "{\"title\":\"Hot free sale\",\"location\":\"Hall\",\"startDate\":\"$start\",\"endDate\":\"$end\",\"capacity\":1000000,\"currency\":\"EUR\",\"ticketTypes\":[{\"name\":\"Free\",\"price\":0,\"maxPerOrder\":10}]}" | jq -er .data.id)
  api -X POST "$BASE/api/v1/events/$id/publish" -H "Authorization: Bearer $ORG" -d '{}' >/dev/null
  echo "$id"
}
queued() { sql "SELECT count(*) FROM outbox WHERE status = 'QUEUED'"; }
await_empty() { # max seconds -> seconds until nothing is queued (or "null" on time-out)
  local begin limit=$1
  begin=$(now_s)
  while [ "$(queued)" != 0 ]; do
    if [ "$(echo "$(now_s) - $begin > $limit" | bc)" = 1 ]; then echo null; return; fi
    sleep 0.25
  done
  echo "$(now_s) - $begin" | bc | awk '{printf "%.2f", $1}'
}

log "accounts: 1 organizer, $USERS attendees"
ORG=$(register "bench-org@bench.test" ORGANIZER)
export -f register api; export BASE PASSWORD
seq 1 "$USERS" | xargs -P 4 -I{} bash -c 'register "bench-{}@bench.test" ATTENDEE' > "$WORK/tokens.txt"
[ "$(wc -l < "$WORK/tokens.txt")" = "$USERS" ] || { echo "sign-up of the bench users failed" >&2; exit 1; }
export TOKENS_FILE=$WORK/tokens.txt
WARM_EVENT=$(free_event)
HOT_EVENT=$(free_event)
BOOK=$ROOT/bench/booking/book.lua

log "warm-up: $WARMUP of bookings, then the outbox drained"
EVENT_ID=$WARM_EVENT wrk -t2 -c16 -d"$WARMUP" -s "$BOOK" "$BASE" > "$WORK/warmup.txt" 2>&1
WARM_DRAIN=$(await_empty 300)
echo "  warm-up backlog drained in $WARM_DRAIN s"

# ---------------------------------------------------------------- 1. the sale
log "sale: free bookings on one event, 16 clients, $DURATION, SMTP on"
T0=$(sql "SELECT now()")
w0=$(now_s); s0=$(proc_ticks "$SERVER_PID"); g0=$(proc_ticks "$GM_PID"); p0=$(proc_ticks $(pg_pids))
EVENT_ID=$HOT_EVENT wrk --timeout 30s --latency -t2 -c16 -d"$DURATION" -s "$BOOK" "$BASE" > "$WORK/sale.txt" 2>&1
T1=$(sql "SELECT now()")
w1=$(now_s); s1=$(proc_ticks "$SERVER_PID"); g1=$(proc_ticks "$GM_PID"); p1=$(proc_ticks $(pg_pids))
QUEUED_AT_END=$(queued)
DRAIN_S=$(await_empty 300)
SALE=$(grep '^RESULT ' "$WORK/sale.txt" | tail -1 | cut -c8-)
[ -n "$SALE" ] || { echo "wrk gave no result:" >&2; cat "$WORK/sale.txt" >&2; exit 1; }
sql "SELECT json_build_object(
  'confirmed', (SELECT count(*) FROM bookings WHERE event_id = $HOT_EVENT AND status = 'CONFIRMED'),
  'emails_queued', (SELECT count(*) FROM outbox o JOIN bookings b ON b.id = o.booking_id
     WHERE b.event_id = $HOT_EVENT AND o.kind = 'confirmation'),
  'emails_sent_during_sale', (SELECT count(*) FROM outbox WHERE kind = 'confirmation'
     AND sent_at BETWEEN '$T0' AND '$T1'),
  'booking_to_email_p50_ms', (SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY
     extract(epoch FROM o.sent_at - o.created_at) * 1000)::numeric) FROM outbox o JOIN bookings b
     ON b.id = o.booking_id WHERE b.event_id = $HOT_EVENT AND o.kind = 'confirmation'),
  'booking_to_email_p99_ms', (SELECT round(percentile_cont(0.99) WITHIN GROUP (ORDER BY
     extract(epoch FROM o.sent_at - o.created_at) * 1000)::numeric) FROM outbox o JOIN bookings b
     ON b.id = o.booking_id WHERE b.event_id = $HOT_EVENT AND o.kind = 'confirmation'),
  'confirmed_after_5_s', (SELECT count(*) FROM bookings WHERE event_id = $HOT_EVENT
     AND status = 'CONFIRMED' AND created_at BETWEEN timestamptz '$T0' + interval '5 seconds' AND '$T1'),
  'emails_sent_after_5_s', (SELECT count(*) FROM outbox WHERE kind = 'confirmation'
     AND sent_at BETWEEN timestamptz '$T0' + interval '5 seconds' AND '$T1'),
  'emails_not_sent', (SELECT count(*) FROM outbox WHERE status <> 'SENT'),
  'confirmations_without_one_email', (SELECT count(*) FROM bookings b WHERE b.status = 'CONFIRMED'
     AND (SELECT count(*) FROM outbox o WHERE o.booking_id = b.id AND o.kind = 'confirmation') <> 1))" \
  > "$WORK/sale-sql.json"
jq -n --argjson wrk "$SALE" --slurpfile db "$WORK/sale-sql.json" \
  --argjson wall "$(echo "$w1 - $w0" | bc)" --argjson srv "$((s1 - s0))" --argjson gm "$((g1 - g0))" \
  --argjson pg "$((p1 - p0))" --argjson clk "$clk" --argjson queued_at_end "$QUEUED_AT_END" \
  --arg drain "$DRAIN_S" '
  def r2: . * 100 | round / 100;
  $db[0] as $d |
  {wrk: $wrk, wall_s: ($wall | r2),
   confirmations_per_s: ($d.confirmed / $wall | r2),
   emails_sent_per_s: ($d.emails_sent_during_sale / $wall | r2),
   sent_vs_confirmed: (if $d.confirmed == 0 then null else ($d.emails_sent_during_sale / $d.confirmed | r2) end),
   sent_vs_confirmed_after_5_s: (if $d.confirmed_after_5_s == 0 then null
     else ($d.emails_sent_after_5_s / $d.confirmed_after_5_s | r2) end),
   queued_when_the_sale_stopped: $queued_at_end,
   backlog_empty_after_s: (if $drain == "null" then null else ($drain | tonumber) end),
   cpu_cores: {server: ($srv / $clk / $wall | r2), greenmail: ($gm / $clk / $wall | r2),
               postgres_all: ($pg / $clk / $wall | r2)}} + $d' > "$WORK/sale.json"
jq -c . "$WORK/sale.json" | sed 's/^/  [sale] /'

# ---------------------------------------------------------------- 2. delivery alone
log "delivery alone: $BACKLOG confirmation emails of the sale queued again at once"
if [ "$PROFILE" = 1 ]; then
  jcmd "$SERVER_PID" JFR.start name=mail settings=profile filename="$WORK/delivery.jfr" >/dev/null
fi
w0=$(now_s); s0=$(proc_ticks "$SERVER_PID"); g0=$(proc_ticks "$GM_PID"); p0=$(proc_ticks $(pg_pids))
sql "INSERT INTO outbox (kind, recipient, subject, text_body, html_body, booking_id, attachments,
       status, attempts, next_attempt_at, created_at, priority)
     SELECT kind, recipient, subject, text_body, html_body, booking_id, attachments, 'QUEUED', 0,
       now(), now(), priority FROM outbox WHERE kind = 'confirmation' ORDER BY id LIMIT $BACKLOG" >/dev/null
ALONE_DRAIN=$(await_empty 600)
w1=$(now_s); s1=$(proc_ticks "$SERVER_PID"); g1=$(proc_ticks "$GM_PID"); p1=$(proc_ticks $(pg_pids))
if [ "$PROFILE" = 1 ]; then
  jcmd "$SERVER_PID" JFR.stop name=mail >/dev/null
fi
SENT_ALONE=$(sql "SELECT count(*) FROM outbox WHERE status = 'SENT' AND sent_at >= to_timestamp($w0)")
jq -n --argjson wall "$(echo "$w1 - $w0" | bc)" --argjson sent "$SENT_ALONE" --argjson srv "$((s1 - s0))" \
  --argjson gm "$((g1 - g0))" --argjson pg "$((p1 - p0))" --argjson clk "$clk" --arg drain "$ALONE_DRAIN" '
  def r3: . * 1000 | round / 1000;
  {emails: $sent, wall_s: ($wall | r3), emails_per_s: ($sent / $wall | . * 10 | round / 10),
   drained: ($drain != "null"),
   cpu_ms_per_email: {server: ($srv / $clk * 1000 / $sent | r3), greenmail: ($gm / $clk * 1000 / $sent | r3),
                      postgres_all: ($pg / $clk * 1000 / $sent | r3)},
   cpu_cores: {server: ($srv / $clk / $wall | r3), greenmail: ($gm / $clk / $wall | r3),
               postgres_all: ($pg / $clk / $wall | r3)}}' > "$WORK/delivery.json"
jq -c . "$WORK/delivery.json" | sed 's/^/  [delivery] /'
if [ "$PROFILE" = 1 ]; then
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$WORK/delivery.jfr" > "$WORK/samples.txt"
  python3 "$ROOT/bench/lib/top_frames.py" "$WORK/samples.txt" > "$WORK/top-frames.txt"
  head -60 "$WORK/top-frames.txt"
fi

# ---------------------------------------------------------------- result
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src bench || echo "+changes")
MACHINE="$NPROC cores, $(free -g | awk '/Mem:/ {print $2}') GiB, PostgreSQL $(psql -X -At -d postgres -c 'SHOW server_version')"
ENV_USED=$(grep -E '^BOXOFFICE_(MAIL|OUTBOX)_' "$COPY/server.env" | tr '\n' ' ')
jq -n --arg stamp "$STAMP" --arg commit "$COMMIT" --arg machine "$MACHINE" --arg mode "$MODE" \
  --arg duration "$DURATION" --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" --arg env "$ENV_USED" \
  --argjson backlog "$BACKLOG" --slurpfile sale "$WORK/sale.json" --slurpfile alone "$WORK/delivery.json" '
  {run: {timestamp: $stamp, commit: $commit, machine: $machine, mode: $mode, duration: $duration,
         load_average_after: $load, server_env: $env, backlog: $backlog},
   sale: $sale[0], delivery_alone: $alone[0],
   aims: {sent_vs_confirmed_at_least_1: (($sale[0].sent_vs_confirmed // 0) >= 1),
          backlog_empty_within_30_s: (($sale[0].backlog_empty_after_s // 1e9) <= 30),
          every_confirmation_has_one_email: ($sale[0].confirmations_without_one_email == 0)}}' > "$RESULT_FILE"
jq '{aims, sale: (.sale | {confirmations_per_s, emails_sent_per_s, sent_vs_confirmed, sent_vs_confirmed_after_5_s,
     queued_when_the_sale_stopped, backlog_empty_after_s, booking_to_email_p50_ms,
     booking_to_email_p99_ms, cpu_cores}), delivery_alone}' "$RESULT_FILE"
echo "result: $RESULT_FILE (raw outputs in $WORK)"
