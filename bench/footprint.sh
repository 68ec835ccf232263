#!/usr/bin/env bash
# Memory of a running Ronghe: heap used / committed / max (jvm_memory_*_bytes from /actuator/prometheus,
# with the admin's bearer token), live heap after a full GC (jcmd GC.heap_info after GC.run, optional)
# and the resident set size of the process (ps -o rss).
#
#   RONGHE_ADMIN_PASSWORD='…' bench/footprint.sh URL PID [--gc]
set -euo pipefail
URL="${1:?URL}"; PID="${2:?PID}"; GC="${3:-}"
token=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$RONGHE_ADMIN_PASSWORD\"}" "$URL/api/v1/auth/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
metrics=$(curl -fsS -H "Authorization: Bearer $token" "$URL/actuator/prometheus")
sum() { echo "$metrics" | awk -v m="$1" 'index($0, m "{") == 1 && /area="heap"/ { s += $NF } END { printf "%.0f", s / 1048576 }'; }
echo "heap used $(sum jvm_memory_used_bytes) MB, committed $(sum jvm_memory_committed_bytes) MB, max $(echo "$metrics" | awk 'index($0, "jvm_memory_max_bytes{") == 1 && /area="heap"/ && $NF > 0 { s += $NF } END { printf "%.0f", s / 1048576 }') MB (prometheus)"
if [[ "$GC" == --gc ]]; then
  jcmd "$PID" GC.run >/dev/null
  jcmd "$PID" GC.heap_info | awk '/garbage-first heap|total/ { print "after a full GC: " $0 }' | head -1
fi
echo "RSS $(( $(ps -o rss= -p "$PID") / 1024 )) MB (ps -o rss)"
