#!/usr/bin/env bash
# Soak (issue 15): 10 minutes of whole sign-ins at half the measured login capacity, with
# signed-in and anonymous page traffic and sign-outs beside them, against the release
# binary. Passes with zero errors and RSS growth under 10 % (exit status 0); see the
# README's "Soak" section and benches/soak.rs.
#
#   scripts/soak.sh                          # SQLite in a temp directory, 600 s
#   SOAK_SECS=60 scripts/soak.sh             # a quick run
#   TWOSTEP_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres scripts/soak.sh
#                                            # a fresh database on that server (dropped after)
#
# Knobs, passed through the environment: SOAK_SECS (600), SOAK_WARMUP_SECS (60),
# SOAK_CAPACITY_SECS (20), SOAK_CONCURRENCY (16), SOAK_RATE (sign-ins/s; skips the capacity
# storm), SOAK_PAGES_PER_SEC (20), SOAK_SESSIONS (100), SOAK_USERS (4000).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "load average before: $(cat /proc/loadavg)" >&2
status=0
cargo bench --bench soak "$@" || status=$?
echo "load average after: $(cat /proc/loadavg)" >&2
exit "$status"
