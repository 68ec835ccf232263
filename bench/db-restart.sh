#!/usr/bin/env bash
# A database restart under load: runs the HTTP call loop against Ronghe on PostgreSQL, stops the PostgreSQL
# cluster for a few seconds mid-load and starts it again, without touching the application. Reports how
# many requests were answered 503 (expected while the database is away), how many with another 5xx
# (expected: 0), whether the application recovered by itself (same process, requests succeed afterwards),
# and the same lost / duplicated checks as bench/crash.sh. See docs/reliability.md.
#
#   bench/db-restart.sh [--down S] [--users N] [--duration S] [--at S] [--port P] [--db NAME]
#
#   --down S       seconds the cluster stays stopped                   [3]
#   --at S         seconds of load before the stop                     [20]
#   --duration S   seconds of load in all                              [60]
#   --users N      virtual users                                       [8]
#   --port P / --db NAME                                               [18092 / ronghe_crash]
#   --cluster "15 main"   the cluster for pg_ctlcluster                [15 main]
#   --quiet-wait S  wait up to S s for no COPY to be running elsewhere; give up without a restart otherwise [300]
#
# It restarts the machine's PostgreSQL cluster, which other work may be using: it waits for a moment when no
# COPY runs, keeps the outage short, and always starts the cluster again, even when interrupted.
set -euo pipefail
cd "$(dirname "$0")/.."
DOWN=3 AT=20 DURATION=60 USERS=8 PORT=18092 DB=ronghe_crash CLUSTER="15 main" QUIET_WAIT=300
while (( $# )); do
  case "$1" in
    --down) DOWN=$2; shift 2 ;;
    --at) AT=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --users) USERS=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --db) DB=$2; shift 2 ;;
    --cluster) CLUSTER=$2; shift 2 ;;
    --quiet-wait) QUIET_WAIT=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
WORK=target/db-restart
APP_ARGS=()
source bench/crash-lib.sh
CLUSTER_STOPPED=false
cleanup() {
  if [[ $CLUSTER_STOPPED == true ]]; then
    pg_ctlcluster $CLUSTER start || true
  fi
  stop_app
}
trap cleanup EXIT

mkdir -p "$WORK" && rm -f "$WORK"/*.log "$WORK/journal.csv"
RUN="dbr$(date +%s)"
echo "$RUN" >"$WORK/run-id"
build_jar
echo "database restart run $RUN: cluster $CLUSTER down for $DOWN s after $AT s of $DURATION s load, $USERS users ($(date -u +%FT%TZ); $(uptime))"
recreate_db
start_app
pid_before=$APP_PID

load_client --url "http://localhost:$PORT" \
  --users "$USERS" --duration "$DURATION" --warmup 0 --retry-for 120 --run "$RUN" --journal "$PWD/$WORK/journal.csv" \
  --progress 2 >"$WORK/load.log" 2>&1 &
LOAD_PID=$!
sleep "$AT"

# Other work on this server: never stop it in the middle of someone's COPY.
t0=$SECONDS
while psql -h 127.0.0.1 -U postgres -qAtX -c "SELECT count(*) FROM pg_stat_activity WHERE state = 'active'
        AND query ILIKE 'copy%' AND pid <> pg_backend_pid()" | grep -qv '^0$'; do
  if (( SECONDS - t0 > QUIET_WAIT )); then
    echo "a COPY kept running for $QUIET_WAIT s: not restarting PostgreSQL"
    kill "$LOAD_PID"; exit 3
  fi
  sleep 2
done
psql -h 127.0.0.1 -U postgres -qAtX -c "SELECT datname, state, query_start, left(query, 60) FROM pg_stat_activity
  WHERE state = 'active' AND pid <> pg_backend_pid()" | sed 's/^/  active before the stop: /'
acked=$(wc -l <"$WORK/journal.csv")
stop_at=$(date +%s.%N)
CLUSTER_STOPPED=true
pg_ctlcluster $CLUSTER stop -m fast
sleep "$DOWN"
pg_ctlcluster $CLUSTER start
CLUSTER_STOPPED=false
up_at=$(date +%s.%N)
echo "PostgreSQL stopped at $(date -u -d @"$stop_at" +%T) after $acked acknowledged steps, accepting connections again after $(printf '%.1f' "$(echo "$up_at - $stop_at" | bc)") s"

# Recovery: the first request that succeeds after the database is back, without restarting the application.
token=$(curl -fsS -H 'Content-Type: application/json' -d "{\"username\":\"committee\",\"password\":\"$RONGHE_DEMO_PASSWORD\"}" \
  --retry 30 --retry-all-errors --retry-delay 1 "http://localhost:$PORT/api/v1/auth/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
until curl -fsS -o /dev/null -H "Authorization: Bearer $token" "http://localhost:$PORT/api/v1/calls?size=1"; do sleep 0.2; done
recovered_at=$(date +%s.%N)
echo "first successful request $(printf '%.1f' "$(echo "$recovered_at - $up_at" | bc)") s after PostgreSQL was back"

wait "$LOAD_PID" || echo "the load client reported failed loops (see $WORK/load.log)"
sed -n '/^measured/,$p' "$WORK/load.log"
if [[ "$APP_PID" == "$pid_before" ]] && kill -0 "$APP_PID" 2>/dev/null; then
  echo "application: the same process ($APP_PID) throughout, not restarted"
else
  echo "application: NOT the same process"
fi
grep -c ' ERROR ' "$WORK/app-1.log" | sed 's/^/application log ERROR lines: /' || true
other5xx=$(sed -n 's/^503: [0-9]*, other 5xx: \([0-9]*\),.*/\1/p' "$WORK/load.log")
check "$PWD/$WORK/journal.csv" && [[ "${other5xx:-1}" == 0 ]]
