#!/usr/bin/env bash
# Crash safety: runs the HTTP call loop against Ronghe on PostgreSQL, kills the application with kill -9 at
# random moments (several rounds), restarts it each time while the clients resend every unanswered request
# unchanged (a raise with the same Idempotency-Key), then checks the database against the clients' journal
# of acknowledged steps and prints
#
#   lost: N, duplicated: N, double-fired: N
#
# lost: an acknowledged call or step missing, or a timer that fell due and never fired; duplicated: one
# idempotency key with two calls, or a step applied twice; double-fired: a timer's event or notice twice.
# Exit status 0 only when all three are 0. See bench/README.md ("Crash safety") and docs/reliability.md.
#
#   bench/crash.sh [--rounds R] [--users N] [--between S] [--port P] [--db NAME]
#   bench/crash.sh --long            # 20 rounds, up to 60 s of load between kills (about 25 minutes)
#   bench/crash.sh --check-only      # check the last run's database and journal again
#
#   --rounds R     kills (each followed by a restart)                          [3]
#   --users N      virtual users of the load client                            [8]
#   --between S    the load runs a random 3…S seconds before each kill            [20]
#   --port P       the application's port                                      [18091]
#   --db NAME      PostgreSQL database, dropped and created afresh             [ronghe_crash]
#
# Every 10th call is left dispatched and every 7th accepted, so that their timers (accept overdue after
# 1 minute, urging after 96 s, escalation after 2 minutes: the crash run's limits, set in the database)
# fall due across the kills. The application runs from the packaged jar (built when missing) with -Xmx512m.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=3 USERS=8 BETWEEN=20 TAIL=10 PORT=18091 DB=ronghe_crash CHECK_ONLY=false
while (( $# )); do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --users) USERS=$2; shift 2 ;;
    --between) BETWEEN=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --db) DB=$2; shift 2 ;;
    --long) ROUNDS=20; BETWEEN=60; shift ;;
    --check-only) CHECK_ONLY=true; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
WORK=target/crash
APP_ARGS=(--ronghe.timers.heartbeat=5s)
source bench/crash-lib.sh
trap stop_app EXIT

if [[ $CHECK_ONLY == true ]]; then
  RUN=$(cat "$WORK/run-id")
  check "$PWD/$WORK/journal.csv" && [[ "${LOAD_FAILED:-false}" == false ]]
  exit
fi

mkdir -p "$WORK" && rm -f "$WORK"/*.log "$WORK/journal.csv"
RUN="crash$(date +%s)"
echo "$RUN" >"$WORK/run-id"
build_jar
echo "crash run $RUN: $ROUNDS kills, each after 3–$BETWEEN s of load, $USERS users, database $DB, port $PORT ($(date -u +%FT%TZ); $(uptime))"
recreate_db
start_app
# Seeding fills the limits cache; the short limits take effect from the next start.
short_limits
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
start_app

rm -f "$WORK/stop"
load_client --url "http://localhost:$PORT" --users "$USERS" --duration 100000 --warmup 0 --retry-for 240 --run "$RUN" \
  --journal "$PWD/$WORK/journal.csv" --stop-file "$WORK/stop" \
  --leave-dispatched-every 10 --leave-accepted-every 7 --progress 10 >"$WORK/load.log" 2>&1 &
LOAD_PID=$!

# Each round: the load flows for a random 3…BETWEEN seconds (counted from the first acknowledgement after
# the application came up), then kill -9, a pause of 0–2 s, and a restart.
for round in $(seq 1 "$ROUNDS"); do
  wait_for_acks "$(acks)"
  at=$(( 3 + RANDOM % (BETWEEN > 3 ? BETWEEN - 2 : 1) ))
  sleep "$at"
  before=$(acks)
  kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  echo "round $round: kill -9 after $at s of load, $before steps acknowledged so far"
  sleep $(( RANDOM % 3 ))
  start_app
done
wait_for_acks "$(acks)"
sleep "$TAIL"
touch "$WORK/stop"
if ! wait "$LOAD_PID"; then
  LOAD_FAILED=true
  echo "the load client reported failed loops (see $WORK/load.log)"
fi
sed -n '/^measured/,$p' "$WORK/load.log"
wait_for_timers
check "$PWD/$WORK/journal.csv" && [[ "${LOAD_FAILED:-false}" == false ]]
