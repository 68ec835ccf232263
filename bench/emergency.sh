#!/usr/bin/env bash
# Measures the emergency module's reads on the full demo district against a running Ronghe (default
# http://localhost:8080, embedded H2): last year's emergency over all 212 communities, with its 1,586 stationings,
# 141 temporary branches, 1,057 teams and two call-ups of 10,000+ members. Prints p50/p95/p99 in ms, as the work
# committee (the whole district).
#   RONGHE_URL=http://localhost:8080 RONGHE_PASSWORD='Demo#2025x' bench/emergency.sh [runs]
set -euo pipefail
URL="${RONGHE_URL:-http://localhost:8080}"
PASSWORD="${RONGHE_PASSWORD:?set RONGHE_PASSWORD to the demo password}"
RUNS="${1:-20}"
WARMUP=3
. "$(dirname "$0")/lib-http.sh"

read -r ID STARTED < <(curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/emergencies" | python3 -c '
import sys, json
e = json.load(sys.stdin)["items"][0]
print(e["id"], e["startedAt"])')
FROM="$STARTED"

echo "| emergency, whole district (zone of 212 communities) | runs | p50 ms | p95 ms | p99 ms |"
echo "| --- | --- | --- | --- | --- |"
api "api: coverage board, first 72 hours (every street, community, compound × 9 shifts)" "/api/v1/emergencies/$ID/coverage?from=$FROM"
page "page: /emergencies/{id}/coverage, first 72 hours" "/emergencies/$ID/coverage?from=$FROM"
api "api: stationings of the emergency (first page)" "/api/v1/emergencies/$ID/stationings"
api "api: stationed cadres (first page)" "/api/v1/emergencies/stationed-cadres"
api "api: covered communities (first page)" "/api/v1/emergencies/covered-communities"
api "api: mobilised members (first page)" "/api/v1/emergencies/mobilised-members"
api "api: temporary branches (first page)" "/api/v1/emergencies/temporary-branches"
api "api: call-ups with their counts" "/api/v1/emergencies/$ID/call-ups"
api "api: residents' needs" "/api/v1/emergencies/$ID/needs"
api "api: figures (every module's, the emergency's seven included)" "/api/v1/figures"
