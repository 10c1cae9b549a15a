#!/usr/bin/env bash
# Restore drill: proves that a pg_dump of the Boxoffice database restores into an empty database
# with every row, and measures how long dump and restore take (the restore part of the RTO).
#
#   bench/drills/restore-drill.sh [SOURCE_DB] [SCRATCH_DB]
#
#   SOURCE_DB   database to dump              (default: boxoffice)
#   SCRATCH_DB  database created for the drill (default: boxoffice_restore_drill); it must not
#               exist yet, its name must contain "drill", "scratch" or "restore", and it is
#               dropped again when the drill ends, pass or fail.
#
# Connection: PGHOST (default 127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD if your
# server needs one (the local one uses trust auth). RESTORE_JOBS (default 2) parallel restore
# jobs; COUNT_TIMEOUT (default 600) seconds allowed for counting the source's rows.
#
# The row counts of the source are taken inside the very snapshot pg_dump dumps (pg_dump
# --snapshot), so the drill is exact even while the application keeps writing to the source.
# Exit status: 0 when every table in schema public has the same row count in both databases,
# 1 on a mismatch, 2 on a usage or setup error.
set -Eeuo pipefail

SOURCE_DB="${1:-boxoffice}"
SCRATCH_DB="${2:-boxoffice_restore_drill}"
export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER="${PGUSER:-postgres}"
RESTORE_JOBS="${RESTORE_JOBS:-2}"
COUNT_TIMEOUT="${COUNT_TIMEOUT:-600}"
# join and sort must agree with the "C" collation the count query sorts by.
export LC_ALL=C

die() {
  echo "restore-drill: $*" >&2
  exit 2
}

[[ $# -le 2 ]] || die "usage: $0 [SOURCE_DB] [SCRATCH_DB]"
[[ "$SCRATCH_DB" != "$SOURCE_DB" ]] || die "the scratch database must not be the source"
case "$SCRATCH_DB" in
  *drill* | *scratch* | *restore*) ;;
  *) die "refusing scratch database '$SCRATCH_DB': its name must contain drill, scratch or restore" ;;
esac
for tool in psql pg_dump pg_restore createdb dropdb; do
  command -v "$tool" > /dev/null || die "$tool not found (install the PostgreSQL client)"
done

psql_at() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }

psql_at -d postgres -c 'select 1' > /dev/null ||
  die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER"
[[ "$(psql_at -d postgres -c "select count(*) from pg_database where datname = '$SOURCE_DB'")" == 1 ]] ||
  die "source database '$SOURCE_DB' does not exist"
[[ "$(psql_at -d postgres -c "select count(*) from pg_database where datname = '$SCRATCH_DB'")" == 0 ]] ||
  die "scratch database '$SCRATCH_DB' already exists; drop it or choose another name"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/restore-drill.XXXXXX")"
SCRATCH_CREATED=0
SNAPSHOT_PID=""

# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
  if [[ -n "$SNAPSHOT_PID" ]]; then
    exec 3>&-
    wait "$SNAPSHOT_PID" 2> /dev/null || true
  fi
  if [[ $SCRATCH_CREATED == 1 ]]; then
    dropdb --if-exists "$SCRATCH_DB" || echo "restore-drill: could not drop $SCRATCH_DB" >&2
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# One row per table of schema public: "table|exact row count", sorted by table name.
COUNT_SQL="select table_name || '|' || (xpath('/row/c/text()', query_to_xml(
  format('select count(*) as c from %I.%I', table_schema, table_name), false, true, '')))[1]::text
  from information_schema.tables
  where table_schema = 'public' and table_type = 'BASE TABLE'
  order by table_name collate \"C\";"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f s", b - a }'; }

echo "restore-drill: $SOURCE_DB -> $SCRATCH_DB on $PGHOST:$PGPORT as $PGUSER"

# 1. Hold a repeatable-read transaction open on the source, export its snapshot, and count
#    rows in it; pg_dump then dumps exactly that snapshot.
mkfifo "$WORK/snapshot.in"
psql_at -d "$SOURCE_DB" < "$WORK/snapshot.in" > "$WORK/snapshot.out" 2> "$WORK/snapshot.err" &
SNAPSHOT_PID=$!
exec 3> "$WORK/snapshot.in"
{
  echo "begin isolation level repeatable read read only;"
  echo "select pg_export_snapshot();"
  echo "\\o $WORK/source.counts"
  echo "$COUNT_SQL"
  echo "\\o"
  echo "\\! touch $WORK/snapshot.ready"
} >&3
for _ in $(seq 1 $((COUNT_TIMEOUT * 10))); do
  [[ -e "$WORK/snapshot.ready" ]] && break
  kill -0 "$SNAPSHOT_PID" 2> /dev/null || die "snapshot session failed: $(cat "$WORK/snapshot.err")"
  sleep 0.1
done
[[ -e "$WORK/snapshot.ready" ]] || die "timed out counting rows in $SOURCE_DB"
SNAPSHOT="$(head -n 1 "$WORK/snapshot.out")"
[[ -n "$SNAPSHOT" ]] || die "no snapshot exported: $(cat "$WORK/snapshot.err")"

# 2. Dump that snapshot (custom format, as the nightly CronJob does).
t0="$(now)"
pg_dump --format=custom --snapshot="$SNAPSHOT" --file="$WORK/source.dump" "$SOURCE_DB"
t1="$(now)"
echo "commit;" >&3
exec 3>&-
wait "$SNAPSHOT_PID"
SNAPSHOT_PID=""
echo "restore-drill: dumped $(du -h "$WORK/source.dump" | cut -f1) in $(elapsed "$t0" "$t1")"

# 3. Restore into a brand-new database.
createdb "$SCRATCH_DB"
SCRATCH_CREATED=1
t2="$(now)"
pg_restore --exit-on-error --no-owner --no-privileges --jobs="$RESTORE_JOBS" \
  --dbname="$SCRATCH_DB" "$WORK/source.dump"
t3="$(now)"
echo "restore-drill: restored in $(elapsed "$t2" "$t3")"

# 4. Compare row counts table by table.
psql_at -d "$SCRATCH_DB" -c "$COUNT_SQL" > "$WORK/restored.counts"
tables="$(wc -l < "$WORK/source.counts")"
[[ $tables -gt 0 ]] || echo "restore-drill: warning: $SOURCE_DB has no tables in schema public"

printf '%-40s %12s %12s\n' table source restored
join -t '|' -a 1 -a 2 -e MISSING -o 0,1.2,2.2 "$WORK/source.counts" "$WORK/restored.counts" |
  awk -F '|' '{ printf "%-40s %12s %12s%s\n", $1, $2, $3, ($2 == $3 ? "" : "   <-- MISMATCH") }'

if diff -q "$WORK/source.counts" "$WORK/restored.counts" > /dev/null; then
  echo "restore-drill: PASS: $tables tables, row counts identical"
  exit 0
fi
echo "restore-drill: FAIL: row counts differ (see MISMATCH lines above)" >&2
exit 1
