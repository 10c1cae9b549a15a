#!/usr/bin/env bash
# Login throughput with bcrypt (cost from the server's BOXOFFICE_PASSWORD_BCRYPT_COST, default 12),
# and /health/live in the same run as the baseline of what the server does without bcrypt.
#
#   bench/login.sh [base-url]     (default http://localhost:9080)
#
# Needs wrk (apt-get install -y wrk) and a running server whose per-IP and per-user limits are
# lifted (BOXOFFICE_RATE_LIMIT_IP_PER_MINUTE, BOXOFFICE_LOGIN_FAILURES_MAX): with the production
# defaults most requests would be answered 429, which measures the limiter, not the login.
set -euo pipefail
BASE="${1:-http://localhost:9080}"
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-8}"
THREADS="${THREADS:-2}"
export BENCH_EMAIL="bench-$(date +%s)@example.test"
export BENCH_PASSWORD="bench-demo-passphrase-1"
HERE="$(cd "$(dirname "$0")" && pwd)"

curl -fsS -o /dev/null -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\",\"firstName\":\"Bench\",\"lastName\":\"User\"}"
curl -fsS -o /dev/null -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\"}"

echo "== POST /api/v1/auth/login, $CONNECTIONS connections, $DURATION"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency -s "$HERE/login.lua" "$BASE/api/v1/auth/login"
echo
echo "== GET /health/live (baseline), $CONNECTIONS connections, $DURATION"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency "$BASE/health/live"
