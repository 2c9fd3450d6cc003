#!/usr/bin/env bash
# Gateway overhead: throughput of GET /api/members/{id} straight on member vs through the gateway.
#
# Needs a running platform (e.g. ./run.sh) and wrk:  apt-get install -y wrk   (Debian package "wrk").
# Loopback only, bounded duration. Don't run it while others use the machine for builds.
#
# Usage: gateway/bench/overhead.sh [-d seconds] [-c connections] [-t threads]
# Environment:
#   GATEWAY_URL (default http://127.0.0.1:8000)  MEMBER_SERVER_URL (default http://127.0.0.1:5000)
#   AUTH_SERVER_URL (default http://127.0.0.1:4000)
#   ADMIN_EMAIL / ADMIN_PASSWORD: used to log in (the local run prints them)
#   MEMBER_ID: the member to read (default: the first one in the list)
set -euo pipefail

DURATION=10
CONNECTIONS=16
THREADS=2
while getopts "d:c:t:" opt; do
  case "$opt" in
    d) DURATION="$OPTARG" ;;
    c) CONNECTIONS="$OPTARG" ;;
    t) THREADS="$OPTARG" ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
  esac
done
if [ "$DURATION" -gt 60 ]; then echo "duration capped at 60 s" >&2; DURATION=60; fi

GATEWAY_URL="${GATEWAY_URL:-http://127.0.0.1:8000}"
MEMBER_SERVER_URL="${MEMBER_SERVER_URL:-http://127.0.0.1:5000}"
AUTH_SERVER_URL="${AUTH_SERVER_URL:-http://127.0.0.1:4000}"
ADMIN_EMAIL="${ADMIN_EMAIL:-admin@shop.local}"
: "${ADMIN_PASSWORD:?set ADMIN_PASSWORD (the local run prints it)}"

command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl not found: apt-get install -y curl" >&2; exit 1; }

for url in "$GATEWAY_URL" "$MEMBER_SERVER_URL" "$AUTH_SERVER_URL"; do
  case "$url" in
    http://127.0.0.1:*|http://localhost:*|http://\[::1\]:*) ;;
    *) echo "refusing to benchmark a non-loopback URL: $url" >&2; exit 1 ;;
  esac
done

json_field() { sed -n "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p"; }

TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" \
  "$AUTH_SERVER_URL/api/auth/login" | json_field access_token)
[ -n "$TOKEN" ] || { echo "login failed" >&2; exit 1; }

if [ -z "${MEMBER_ID:-}" ]; then
  MEMBER_ID=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$MEMBER_SERVER_URL/api/members?size=1" \
    | grep -o '"id" *: *"[0-9a-f-]\{36\}"' | head -1 | grep -o '[0-9a-f-]\{36\}')
fi
[ -n "$MEMBER_ID" ] || { echo "no member to read; create one or set MEMBER_ID" >&2; exit 1; }

# The access token lives 5 minutes by default; keep the run well inside that.
run() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -H "Authorization: Bearer $TOKEN" "$1/api/members/$MEMBER_ID" \
    | awk '/Requests\/sec/ {print $2}'
}

echo "warming up (3 s each)..." >&2
wrk -t1 -c4 -d3s -H "Authorization: Bearer $TOKEN" "$MEMBER_SERVER_URL/api/members/$MEMBER_ID" >/dev/null
wrk -t1 -c4 -d3s -H "Authorization: Bearer $TOKEN" "$GATEWAY_URL/api/members/$MEMBER_ID" >/dev/null

DIRECT=$(run "$MEMBER_SERVER_URL")
VIA_GATEWAY=$(run "$GATEWAY_URL")

echo "GET /api/members/{id}  ${DURATION}s, ${CONNECTIONS} connections, ${THREADS} threads"
printf 'direct on member : %10.1f req/s\n' "$DIRECT"
printf 'through gateway  : %10.1f req/s\n' "$VIA_GATEWAY"
awk -v d="$DIRECT" -v g="$VIA_GATEWAY" 'BEGIN { if (d > 0) printf "ratio gateway/direct: %.2f\n", g / d }'
