#!/usr/bin/env bash
# Security drill: the bad-input sweep over every operation of the live OpenAPI document
# (org.boxoffice.platform.InputSweepIT) and the JWT attacks (org.boxoffice.identity.JwtAttacksIT),
# run as integration tests against a server the build starts on a fresh PostgreSQL database.
#
#   bench/drills/security-sweep.sh
#
# Settings (environment): DB_URL, DB_USER, DB_PASSWORD of a PostgreSQL server where the build may
# create its test database (default: the local one on 5432 as postgres), SWEEP_DB (database name,
# default boxoffice_drill_sweep), SWEEP_HTTP_PORT / SWEEP_HTTPS_PORT (default 9680 / 10043).
# Exit status: Maven's (0 = both test classes passed).
set -euo pipefail
cd "$(dirname "$0")/../.."
export DB_URL="${DB_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}"
export DB_USER="${DB_USER:-postgres}"
export DB_PASSWORD="${DB_PASSWORD:-postgres}"
exec mvn -B -ntp verify \
  -Dhttp.port="${SWEEP_HTTP_PORT:-9680}" -Dhttps.port="${SWEEP_HTTPS_PORT:-10043}" \
  -Dit.db.name="${SWEEP_DB:-boxoffice_drill_sweep}" \
  -Dit.test='InputSweepIT,JwtAttacksIT' -Dsurefire.failIfNoSpecifiedTests=false -Dtest=NoSuchTest
