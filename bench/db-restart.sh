#!/usr/bin/env bash
# A database restart under load: runs the HTTP call loop against Ronghe on PostgreSQL, stops the PostgreSQL
# cluster for a few seconds mid-load and starts it again, without touching the application. Reports how
# many requests were answered 503 (expected while the database is away), how many with another 5xx
# (expected: 0), whether the application recovered by itself (same process, requests succeed afterwards),
# and the same lost / duplicated checks as bench/crash.sh. See docs/reliability.md.
#
#   bench/db-restart.sh [--down S] [--at S] [--duration S] [--users N]
#   bench/db-restart.sh --shared-cluster "15 main" --pg-port 5432     # restart the machine's own cluster
#
#   --down S       seconds the cluster stays stopped                   [3]
#   --at S         seconds of load before the stop                     [20]
#   --duration S   seconds of load in all                              [60]
#   --users N      virtual users                                       [8]
#   --port P / --db NAME                                               [18092 / ronghe_crash]
#
# By default it restarts a private cluster of its own (PostgreSQL 15, "15 ronghe_restart" on port 5433,
# created with pg_createcluster when missing and dropped at the end), because the machine's cluster serves
# other work. With --shared-cluster it restarts that one instead: it then first waits (up to --quiet-wait S,
# 300) for a moment when no COPY runs there and gives up otherwise. Either way the cluster is started again
# even when the script is interrupted.
set -euo pipefail
cd "$(dirname "$0")/.."
DOWN=3 AT=20 DURATION=60 USERS=8 PORT=18092 DB=ronghe_crash QUIET_WAIT=300
CLUSTER="15 ronghe_restart" PRIVATE=true
PGPORT_=5433
while (( $# )); do
  case "$1" in
    --down) DOWN=$2; shift 2 ;;
    --at) AT=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --users) USERS=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --db) DB=$2; shift 2 ;;
    --shared-cluster) CLUSTER=$2; PRIVATE=false; PGPORT_=5432; shift 2 ;;
    --pg-port) PGPORT_=$2; shift 2 ;;
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
  if [[ $PRIVATE == true ]]; then
    pg_dropcluster $CLUSTER --stop || true
  fi
}
trap cleanup EXIT

mkdir -p "$WORK" && rm -f "$WORK"/*.log "$WORK/journal.csv"
RUN="dbr$(date +%s)"
echo "$RUN" >"$WORK/run-id"
build_jar
if [[ $PRIVATE == true ]]; then
  pg_lsclusters -h | awk '{print $1 " " $2}' | grep -qx "$CLUSTER" && pg_dropcluster $CLUSTER --stop
  pg_createcluster $CLUSTER -p "$PGPORT_" --start -- --auth-host=trust --auth-local=trust >/dev/null
fi
echo "database restart run $RUN: cluster $CLUSTER (port $PGPORT_) down for $DOWN s after $AT s of $DURATION s load, $USERS users ($(date -u +%FT%TZ); $(uptime))"
recreate_db
start_app
pid_before=$APP_PID

load_client --url "http://localhost:$PORT" --users "$USERS" --duration "$DURATION" --warmup 0 --retry-for 120 \
  --run "$RUN" --journal "$PWD/$WORK/journal.csv" --progress 2 >"$WORK/load.log" 2>&1 &
LOAD_PID=$!
wait_for_acks 0
sleep "$AT"

if [[ $PRIVATE == false ]]; then
  # Other work on this server: never stop it in the middle of someone's COPY.
  t0=$SECONDS
  while psql -h 127.0.0.1 -p "$PGPORT_" -U postgres -qAtX -c "SELECT count(*) FROM pg_stat_activity WHERE state = 'active'
          AND query ILIKE 'copy%' AND pid <> pg_backend_pid()" | grep -qv '^0$'; do
    if (( SECONDS - t0 > QUIET_WAIT )); then
      echo "a COPY kept running for $QUIET_WAIT s: not restarting PostgreSQL"
      kill "$LOAD_PID"; exit 3
    fi
    sleep 2
  done
fi
acked=$(acks)
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

load_ok=true
wait "$LOAD_PID" || { load_ok=false; echo "the load client reported failed loops (see $WORK/load.log)"; }
grep -E '^ +[0-9]+ s:' "$WORK/load.log" | sed 's/^/  /'
sed -n '/^measured/,$p' "$WORK/load.log"
if [[ "$APP_PID" == "$pid_before" ]] && kill -0 "$APP_PID" 2>/dev/null; then
  echo "application: the same process ($APP_PID) throughout, not restarted"
else
  echo "application: NOT the same process"
fi
echo "application log: $(grep -c ' ERROR ' "$WORK/app-1.log" || true) ERROR lines, $(grep -c ' 500 \|status=500' "$WORK/app-1.log" || true) mentions of 500"
other5xx=$(sed -n 's/^503: [0-9]*, other 5xx: \([0-9]*\),.*/\1/p' "$WORK/load.log")
check "$PWD/$WORK/journal.csv" && [[ "${other5xx:-1}" == 0 && $load_ok == true ]]
