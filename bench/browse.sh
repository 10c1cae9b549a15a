#!/usr/bin/env bash
# Browsing benchmark: loads 10,000 events into a fresh PostgreSQL database, starts a copy of the
# server the build made (target/liberty, so run `mvn -DskipITs package` first) on that database,
# and measures GET /events, GET /events/{id} and /health/live with wrk in one run.
#
#   bench/browse.sh                      # defaults below
#   PORT=9290 DURATION=20s bench/browse.sh
#
# Needs: psql, wrk (apt-get install -y wrk), curl. Results are printed and written to
# bench/results/browse-<timestamp>.txt.
set -euo pipefail

PORT=${PORT:-9290}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
export PGPASSWORD=${PGPASSWORD:-postgres}
DB=${BENCH_DB:-boxoffice_bench_events}
EVENTS=${EVENTS:-10000}
DURATION=${DURATION:-15s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WLP=$ROOT/target/liberty/wlp
MAIN=$WLP/usr/servers/boxoffice
NAME=boxoffice-bench
COPY=$WLP/usr/servers/$NAME
BASE=http://127.0.0.1:$PORT
RESULTS=$ROOT/bench/results
mkdir -p "$RESULTS"
OUT=$RESULTS/browse-$(date +%Y%m%d-%H%M%S).txt

[ -d "$MAIN/apps" ] || { echo "no built server at $MAIN: run mvn -DskipITs package first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

psql_db() { psql -q -v ON_ERROR_STOP=1 -h "$PGHOST" -U "$PGUSER" "$@"; }

echo "== fresh database $DB"
psql_db -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

echo "== server copy $NAME on port $PORT"
"$WLP/bin/server" stop "$NAME" >/dev/null 2>&1 || true
rm -rf "$COPY"
mkdir -p "$COPY/apps"
cp "$MAIN/server.xml" "$MAIN/jvm.options" "$COPY/"
cp "$MAIN"/apps/* "$COPY/apps/"
printf 'http.port=%s\nhttps.port=%s\n' "$PORT" "$((PORT + 363))" > "$COPY/bootstrap.properties"
cat > "$COPY/server.env" <<ENV
DB_URL=jdbc:postgresql://$PGHOST:5432/$DB
DB_USER=$PGUSER
DB_PASSWORD=$PGPASSWORD
BOXOFFICE_DATA_DIR=$COPY/data
ENV
trap '"$WLP/bin/server" stop "$NAME" >/dev/null 2>&1 || true' EXIT
env -u DB_URL -u DB_USER -u DB_PASSWORD "$WLP/bin/server" start "$NAME" >/dev/null
for _ in $(seq 1 180); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" = 200 ] && break
  sleep 1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" = 200 ] || { echo "server not ready" >&2; exit 1; }

echo "== loading $EVENTS events (90% published, starting from now on, one tier each)"
psql_db -d "$DB" <<SQL
INSERT INTO users (email, email_lower, password_hash, first_name, last_name, role, created_at)
SELECT 'bench' || g || '@bench.test', 'bench' || g || '@bench.test', 'x', 'Bench', 'Org',
       'ORGANIZER', now()
FROM generate_series(1, 100) g;
INSERT INTO events (organizer_id, title, description, location, start_date, end_date, time_zone,
                    capacity, available_seats, currency, status, created_at, updated_at)
SELECT (SELECT min(id) FROM users) + (g % 100),
       (array['Jazz','Rock','Opera','Meetup','Workshop','Comedy','Theatre','Festival'])[1 + g % 8]
         || ' night ' || g,
       'Generated event ' || g || ' for the browsing benchmark.',
       (array['Paris','Lyon','Bordeaux','Lille','Nantes','Marseille','Toulouse','Nice'])[1 + g % 8]
         || ', Hall ' || (g % 37),
       now() + interval '1 hour' + g * interval '25 minutes',
       now() + interval '4 hours' + g * interval '25 minutes',
       'Europe/Paris', 500, 500 - (g % 500), 'EUR',
       CASE WHEN g % 10 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END, now(), now()
FROM generate_series(1, $EVENTS) g;
INSERT INTO ticket_types (event_id, name, price, quantity, available, max_per_order)
SELECT id, 'Standard', 25.00, NULL, NULL, 10 FROM events;
ANALYZE;
SQL
MIN_ID=$(psql -At -h "$PGHOST" -U "$PGUSER" -d "$DB" -c "SELECT min(id) FROM events")
MAX_ID=$(psql -At -h "$PGHOST" -U "$PGUSER" -d "$DB" -c "SELECT max(id) FROM events")

# Random published events (ids ending in 0 are drafts here: skip them), so the page cache warms
# over the whole catalog instead of serving one hot entry.
LUA=$(mktemp --suffix=.lua)
cat > "$LUA" <<LUAEOF
math.randomseed(42)
request = function()
  local id = math.random($MIN_ID, $MAX_ID)
  if (id - $MIN_ID + 1) % 10 == 0 then id = id - 1 end
  return wrk.format("GET", "/api/v1/events/" .. id)
end
LUAEOF

rps() { awk '/Requests\/sec/ {print $2}'; }
run() {
  local label=$1; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" > "$OUT.$label" 2>&1
  grep -E "Requests/sec|Latency  |99%|Non-2xx" "$OUT.$label" | sed "s/^/  [$label] /"
}

echo "== warm-up"
wrk -t1 -c4 -d5s "$BASE/api/v1/events" >/dev/null
wrk -t1 -c4 -d5s -s "$LUA" "$BASE" >/dev/null

{
  echo "browse benchmark $(date -Is): $EVENTS events, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $(nproc) cores"
  run live "$BASE/health/live"
  run catalog "$BASE/api/v1/events"
  run search "$BASE/api/v1/events?q=jazz&size=20"
  run event -s "$LUA" "$BASE"
  LIVE=$(rps < "$OUT.live"); CAT=$(rps < "$OUT.catalog"); SEARCH=$(rps < "$OUT.search")
  EVENT=$(rps < "$OUT.event")
  echo "req/s: /health/live=$LIVE  GET /events=$CAT  GET /events?q=jazz=$SEARCH  GET /events/{id}=$EVENT"
  awk -v l="$LIVE" -v c="$CAT" -v s="$SEARCH" -v e="$EVENT" 'BEGIN {
    printf "ratios to /health/live: catalog %.2f, search %.2f, event %.2f\n", c / l, s / l, e / l }'
} | tee "$OUT"
rm -f "$LUA" "$OUT".live "$OUT".catalog "$OUT".search "$OUT".event
