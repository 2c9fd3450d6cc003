#!/usr/bin/env bash
# Server time of the main pages: logs in through the real login form, then requests the home page
# and the members list N times each and prints p50/p90/max in milliseconds.
#
# Needs a running platform (./run.sh) and curl. Loopback only; bounded by N.
# Usage: web-ui/bench/pages.sh [N]      (default 100)
# Environment: WEB_URL (default http://127.0.0.1:3000), ADMIN_EMAIL, ADMIN_PASSWORD (the local run prints them)
set -euo pipefail

N="${1:-100}"
[ "$N" -le 1000 ] || { echo "N capped at 1000" >&2; N=1000; }
WEB_URL="${WEB_URL:-http://127.0.0.1:3000}"
ADMIN_EMAIL="${ADMIN_EMAIL:-admin@shop.local}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-admin-password-local}"
case "$WEB_URL" in
  http://127.0.0.1:*|http://localhost:*) ;;
  *) echo "refusing to measure a non-loopback URL: $WEB_URL" >&2; exit 1 ;;
esac

jar="$(mktemp)"; trap 'rm -f "$jar"' EXIT
csrf="$(curl -s -c "$jar" -b "$jar" "$WEB_URL/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')"
[ -n "$csrf" ] || { echo "no CSRF token on $WEB_URL/login" >&2; exit 1; }
status="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" -X POST "$WEB_URL/login" \
  --data-urlencode "email=$ADMIN_EMAIL" --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf")"
[ "$status" = 302 ] || { echo "login answered $status" >&2; exit 1; }

measure() { # path → prints one line of stats
  local path="$1" times
  curl -s -o /dev/null -b "$jar" "$WEB_URL$path"   # warm-up
  times="$(for _ in $(seq 1 "$N"); do
    curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}\n' "$WEB_URL$path"
  done)"
  if echo "$times" | awk '$1 != 200 {bad=1} END {exit !bad}'; then
    echo "$path: some requests did not answer 200" >&2; exit 1
  fi
  echo "$times" | awk '{print $2 * 1000}' | sort -n | awk -v p="$path" -v n="$N" '
    {v[NR]=$1} END {printf "%-10s n=%d  p50=%.1f ms  p90=%.1f ms  max=%.1f ms\n", p, n, v[int(n*0.5)], v[int(n*0.9)], v[n]}'
}

measure /
measure /members
