#!/usr/bin/env bash
# The full call loop over HTTP against a running Ronghe, from a second process: N virtual users each run
# raise (Idempotency-Key) → [dispatch] → accept → reply → rate as the demo accounts community, secretary
# and committee; prints loops/s and p50/p90/p99 per step and per loop. See bench/README.md.
#
#   RONGHE_DEMO_PASSWORD='…' bench/http-loop.sh [URL] [USERS] [SECONDS] [more arguments of HttpLoad]
#
#   URL       the running application                      [RONGHE_URL, http://localhost:8080]
#   USERS     virtual users, each one loop at a time       [8]
#   SECONDS   measured duration, after a 5 s warm-up       [30]
# More arguments: --warmup S, --loops N (stop after N loops), --journal FILE (every acknowledged step:
# key,call id,step), --retry-for S (resend unanswered requests, 503 and 5xx for S seconds, a raise with the
# same Idempotency-Key), --leave-dispatched-every K / --leave-accepted-every K (leave every K-th call
# open for its timers), --run ID (prefix of the idempotency keys), --category, --community, --lead.
#
# Needs only a JDK (java runs the single source file); not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."
URL="${1:-${RONGHE_URL:-http://localhost:8080}}"
USERS="${2:-8}"
SECONDS_="${3:-30}"
shift $(( $# < 3 ? $# : 3 ))
exec java -XX:+UseSerialGC -Xmx256m bench/java/org/ronghe/bench/HttpLoad.java \
  --url "$URL" --users "$USERS" --duration "$SECONDS_" "$@"
