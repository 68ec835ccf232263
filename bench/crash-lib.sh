# Shared by bench/crash.sh and bench/db-restart.sh (sourced, not run): start and stop Ronghe on PostgreSQL
# from the packaged jar, and check the database against the load client's journal.
#
# Expects: DB (database name), PORT, WORK (directory for logs and the journal), RUN (idempotency-key prefix).

PGHOST_="${PGHOST_:-127.0.0.1}"
PGPORT_="${PGPORT_:-5432}"
JAR="${JAR:-target/ronghe-0.1.0-SNAPSHOT.jar}"
export RONGHE_DEMO_PASSWORD="${RONGHE_DEMO_PASSWORD:-Demo#Crash1}"
export RONGHE_ADMIN_PASSWORD="${RONGHE_ADMIN_PASSWORD:-Admin#Crash1}"
export RONGHE_DATA_KEY="${RONGHE_DATA_KEY:-1:000102030405060708090a0b0c0d0e0f}"
APP_PID=""
APP_STARTS=0

# Compiles the load client once (java could run the source file directly, but compiling it on every
# start costs seconds on a busy machine).
load_client() {
  mkdir -p "$WORK/classes"
  javac -d "$WORK/classes" bench/java/org/ronghe/bench/HttpLoad.java
  java -XX:+UseSerialGC -Xmx256m -cp "$WORK/classes" org.ronghe.bench.HttpLoad "$@"
}

# Waits until the journal has grown by at least one line beyond $1 (the load is flowing).
wait_for_acks() {
  local before=$1 t0=$SECONDS
  until (( $(acks) > before )); do
    (( SECONDS - t0 > 600 )) && { echo "no acknowledgement within 600 s" >&2; return 1; }
    sleep 0.2
  done
}

acks() { if [[ -f "$WORK/journal.csv" ]]; then wc -l <"$WORK/journal.csv"; else echo 0; fi; }

psql_() { psql -h "$PGHOST_" -p "$PGPORT_" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qAtX "$@"; }

build_jar() {
  if [[ ! -f "$JAR" ]]; then
    echo "building $JAR"
    ./mvnw -q -B -ntp -DskipTests package
  fi
}

recreate_db() {
  psql -h "$PGHOST_" -p "$PGPORT_" -U postgres -qAtX -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
}

# Starts the application in the background and waits until it answers; prints the start time.
start_app() {
  APP_STARTS=$((APP_STARTS + 1))
  local log="$WORK/app-$APP_STARTS.log"
  SPRING_PROFILES_ACTIVE=postgres RONGHE_DB_URL="jdbc:postgresql://$PGHOST_:$PGPORT_/$DB" RONGHE_DEMO_SEED=true \
    nohup java -Xmx512m -jar "$JAR" --server.port="$PORT" --ronghe.demo.size=small --ronghe.demo.calls=0 \
      --ronghe.timers.polling-interval="${POLLING:-2s}" \
      --ronghe.rate-limits.login-per-username=10000/1m --ronghe.rate-limits.login-per-address=10000/1m \
      "${APP_ARGS[@]}" >"$log" 2>&1 &
  APP_PID=$!
  local t0=$SECONDS
  until curl -fsS "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "the application exited during start; see $log" >&2
      tail -30 "$log" >&2
      return 1
    fi
    if (( SECONDS - t0 > ${START_TIMEOUT:-600} )); then
      echo "the application did not come up within ${START_TIMEOUT:-600} s; see $log" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "  start $APP_STARTS: pid $APP_PID, $(grep -o 'Started RongheApplication in [0-9.]* seconds' "$log" | head -1)"
}

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

# Very short limits for the crash run's category, so that its timers fall due during the run:
# accept within 1 minute, reply within 2 (urging at 80 %, i.e. after 96 s), in calendar time.
short_limits() {
  psql_ -c "DELETE FROM call_limit WHERE category_code = 'ELDERLY'" \
        -c "INSERT INTO call_limit (category_code, urgency, accept_amount, accept_unit, reply_amount, reply_unit)
            VALUES ('ELDERLY', 'NORMAL', 1, 'MINUTES', 2, 'MINUTES'), ('ELDERLY', 'URGENT', 1, 'MINUTES', 2, 'MINUTES')"
}

# Waits until every timer of the run's open calls has fallen due, plus a margin for polling.
wait_for_timers() {
  local wait
  wait=$(psql_ -c "
    SELECT GREATEST(0, CEIL(EXTRACT(EPOCH FROM MAX(t) - now())))::int FROM (
      SELECT a.accept_by AS t FROM call c JOIN call_assignment a ON a.call_id = c.id
       WHERE c.idempotency_key LIKE '$RUN-%' AND c.state = 'DISPATCHED'
      UNION ALL
      SELECT a.reply_by FROM call c JOIN call_assignment a ON a.call_id = c.id
       WHERE c.idempotency_key LIKE '$RUN-%' AND c.state = 'ACCEPTED') due")
  wait=${wait:-0}
  echo "waiting $wait s (+20 s margin) for the timers of the calls left open to fall due"
  sleep $((wait + 20))
}

# Compares the database with the journal of acknowledged steps; prints the counts and returns non-zero
# when anything was lost, duplicated or fired twice. Every figure is counted from the data.
check() {
  local journal="$1"
  psql_ -c "DROP TABLE IF EXISTS crash_journal" \
        -c "CREATE TABLE crash_journal (key VARCHAR(100), call_id BIGINT, step VARCHAR(32))" \
        -c "\\copy crash_journal FROM '$journal' WITH (FORMAT csv)"
  local margin="interval '${TIMER_MARGIN:-15} seconds'"
  psql_ -F ' ' <<SQL >"$WORK/check.txt"
WITH
ack AS (SELECT DISTINCT key, call_id, step FROM crash_journal WHERE key LIKE '$RUN-%'),
keys AS (SELECT DISTINCT key, call_id FROM ack),
run_calls AS (SELECT * FROM call WHERE idempotency_key LIKE '$RUN-%'),
run_events AS (SELECT e.* FROM call_event e JOIN run_calls c ON c.id = e.call_id),
last_assignment AS (
  SELECT DISTINCT ON (a.call_id) a.* FROM call_assignment a JOIN run_calls c ON c.id = a.call_id
  ORDER BY a.call_id, a.id DESC),
-- lost: an acknowledged call that is not there, not under its key, or lacks the event of a step it was acknowledged
lost_calls AS (SELECT count(*) n FROM keys k WHERE NOT EXISTS (SELECT 1 FROM call c WHERE c.id = k.call_id)),
lost_keys AS (SELECT count(*) n FROM keys k LEFT JOIN call_key ck ON ck.raised_by = 'community' AND ck.idempotency_key = k.key
              WHERE ck.call_id IS NULL OR ck.call_id <> k.call_id),
lost_events AS (SELECT count(*) n FROM ack a WHERE a.step IN ('RAISED', 'DISPATCHED', 'ACCEPTED', 'REPLIED', 'CLOSED')
  AND NOT EXISTS (SELECT 1 FROM call_event e WHERE e.call_id = a.call_id
                  AND e.type = CASE a.step WHEN 'CLOSED' THEN 'RATED' ELSE a.step END)),
-- timers that fell due but never fired: a call still waiting whose deadline passed has no event for it
unfired AS (SELECT
    (SELECT count(*) FROM run_calls c JOIN last_assignment a ON a.call_id = c.id WHERE c.state = 'DISPATCHED'
       AND a.accept_by < now() - $margin AND NOT EXISTS (SELECT 1 FROM run_events e WHERE e.call_id = c.id AND e.type = 'ACCEPT_OVERDUE'))
  + (SELECT count(*) FROM run_calls c JOIN last_assignment a ON a.call_id = c.id WHERE c.state = 'ACCEPTED'
       AND a.urge_at < now() - $margin AND NOT EXISTS (SELECT 1 FROM run_events e WHERE e.call_id = c.id AND e.type = 'URGED'))
  + (SELECT count(*) FROM run_calls c JOIN last_assignment a ON a.call_id = c.id WHERE c.state = 'ACCEPTED'
       AND a.reply_by < now() - $margin AND NOT EXISTS (SELECT 1 FROM run_events e WHERE e.call_id = c.id AND e.type = 'ESCALATED')) n),
overdue_tasks AS (SELECT count(*) n FROM scheduled_tasks WHERE execution_time < now() - $margin AND NOT picked),
-- duplicated: one key, several calls; or one step applied twice to a call
dup_calls AS (SELECT COALESCE(sum(n - 1), 0) n FROM (SELECT count(*) n FROM run_calls GROUP BY raised_by, idempotency_key HAVING count(*) > 1) d),
dup_steps AS (SELECT COALESCE(sum(n - 1), 0) n FROM (SELECT count(*) n FROM run_events WHERE type IN ('RAISED', 'DISPATCHED', 'ACCEPTED', 'REPLIED', 'RATED')
              GROUP BY call_id, type HAVING count(*) > 1) d),
-- double-fired: a timer's event or notice twice for the same call
dbl_events AS (SELECT COALESCE(sum(n - 1), 0) n FROM (SELECT count(*) n FROM run_events WHERE type IN ('ACCEPT_OVERDUE', 'URGED', 'ESCALATED', 'ESCALATED_AGAIN')
               GROUP BY call_id, type HAVING count(*) > 1) d),
dbl_notices AS (SELECT COALESCE(sum(n - 1), 0) n FROM (SELECT count(*) n FROM call_notice x JOIN run_calls c ON c.id = x.call_id
                GROUP BY x.call_id, x.kind, x.organ_id, x.leader_id HAVING count(*) > 1) d),
fired AS (SELECT count(*) n FROM run_events WHERE type IN ('ACCEPT_OVERDUE', 'URGED', 'ESCALATED', 'ESCALATED_AGAIN'))
SELECT 'acknowledged_calls', (SELECT count(*) FROM keys) UNION ALL
SELECT 'acknowledged_steps', (SELECT count(*) FROM ack WHERE step NOT LIKE 'LEFT_%') UNION ALL
SELECT 'calls_of_run', (SELECT count(*) FROM run_calls) UNION ALL
SELECT 'calls_closed', (SELECT count(*) FROM run_calls WHERE state = 'CLOSED') UNION ALL
SELECT 'calls_left_open', (SELECT count(*) FROM run_calls WHERE state IN ('DISPATCHED', 'ACCEPTED')) UNION ALL
SELECT 'timer_events_fired', (SELECT n FROM fired) UNION ALL
SELECT 'lost_calls', (SELECT n FROM lost_calls) UNION ALL
SELECT 'lost_keys', (SELECT n FROM lost_keys) UNION ALL
SELECT 'lost_events', (SELECT n FROM lost_events) UNION ALL
SELECT 'unfired_timers', (SELECT n FROM unfired) UNION ALL
SELECT 'overdue_scheduled_tasks', (SELECT n FROM overdue_tasks) UNION ALL
SELECT 'duplicated_calls', (SELECT n FROM dup_calls) UNION ALL
SELECT 'duplicated_steps', (SELECT n FROM dup_steps) UNION ALL
SELECT 'double_fired_events', (SELECT n FROM dbl_events) UNION ALL
SELECT 'double_fired_notices', (SELECT n FROM dbl_notices);
SQL
  sed 's/^/  /' "$WORK/check.txt"
  local v; v() { awk -v k="$1" '$1 == k { print $2 }' "$WORK/check.txt"; }
  local lost=$(( $(v lost_calls) + $(v lost_keys) + $(v lost_events) + $(v unfired_timers) + $(v overdue_scheduled_tasks) ))
  local duplicated=$(( $(v duplicated_calls) + $(v duplicated_steps) ))
  local double=$(( $(v double_fired_events) + $(v double_fired_notices) ))
  echo "lost: $lost, duplicated: $duplicated, double-fired: $double"
  (( lost == 0 && duplicated == 0 && double == 0 ))
}
