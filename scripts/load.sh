#!/usr/bin/env bash
# Load figures for a release build: requests per second and latency of the sign-in page
# (anonymous) and of an authenticated page, with sessions in SQLite or PostgreSQL.
#
#   scripts/load.sh                    # SQLite in a temp directory
#   scripts/load.sh postgres://postgres@127.0.0.1:5432/postgres
#                                      # a fresh database on that server (dropped after)
#
# Needs wrk (apt-get install wrk) and curl. Each run is wrk -t2 -c32 -d10s.
# TWOSTEP_BIN=path/to/twostep measures that binary (another commit's build, to compare
# before and after a change on the same machine) instead of building this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${TWOSTEP_BIN:-target/release/twostep}
[[ -n "${TWOSTEP_BIN:-}" ]] || cargo build --release --quiet
work=$(mktemp -d)
port=18080
server=${1:-}
if [[ -n "$server" ]]; then
  db="twostep_load_$$"
  psql "$server" -qc "CREATE DATABASE $db"
  database_url="${server%/*}/$db"
else
  database_url="sqlite://$work/twostep.db"
fi

cleanup() {
  local status=$?
  [[ -n "${pid:-}" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  if [[ -n "$server" ]]; then psql "$server" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"; fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

export DATABASE_URL=$database_url TWOSTEP_DATA_DIR=$work TWOSTEP_BIND=127.0.0.1:$port RUST_LOG=warn
echo "violet kettle sings at dawn" | "$bin" user create --email load@example.com --name Load >/dev/null
"$bin" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

# Sign in as a browser would: the CSRF cookie and token, then the form.
jar="$work/cookies"
token=$(curl -fs -c "$jar" "http://127.0.0.1:$port/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf_token=$token" \
  --data-urlencode "email=load@example.com" --data-urlencode "password=violet kettle sings at dawn" \
  "http://127.0.0.1:$port/login"
session=$(awk '$6 == "twostep_session" { print $7 }' "$jar")
[[ -n "$session" ]] || { echo "sign-in failed" >&2; exit 1; }

echo "== GET /login (anonymous) on ${database_url%%:*}"
wrk -t2 -c32 -d10s --latency "http://127.0.0.1:$port/login" | grep -E "Requests/sec|Latency|50%|99%"
echo "== GET /login (anonymous, Accept-Language: sv) on ${database_url%%:*}"
wrk -t2 -c32 -d10s --latency -H "Accept-Language: sv" "http://127.0.0.1:$port/login" | grep -E "Requests/sec|Latency|50%|99%"
echo "== GET / (signed in, session in ${database_url%%:*})"
wrk -t2 -c32 -d10s --latency -H "Cookie: twostep_session=$session" "http://127.0.0.1:$port/" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx"
