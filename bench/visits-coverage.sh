#!/usr/bin/env bash
# Measures the coverage pages of household visits for the whole district against a running Ronghe
# (default http://localhost:8080, full demo district on the embedded H2) and prints p50/p95/p99 in ms:
# the pages as a person opens them (signed in with a session) and the JSON behind them.
#   RONGHE_URL=http://localhost:8080 RONGHE_PASSWORD='Demo#2025x' bench/visits-coverage.sh [runs]
set -euo pipefail
URL="${RONGHE_URL:-http://localhost:8080}"
PASSWORD="${RONGHE_PASSWORD:?set RONGHE_PASSWORD to the demo password}"
RUNS="${1:-50}"
WARMUP=5
. "$(dirname "$0")/lib-http.sh"
DONE=$(curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/campaigns" \
  | python3 -c 'import sys, json; print([c["id"] for c in json.load(sys.stdin) if c["state"] == "CLOSED"][0])')


echo "| coverage, whole district (campaign $DONE) | runs | p50 ms | p95 ms | p99 ms |"
echo "| --- | --- | --- | --- | --- |"
page "page: campaign progress by community (212 rows, totals)" "/visits/campaigns/$DONE"
page "page: campaign by organ" "/visits/campaigns/$DONE?by=organ"
page "page: campaign by party organisation (569 rows, through the tree)" "/visits/campaigns/$DONE?by=party-org&page=1"
page "page: campaign by member (first 100 of 10,000+)" "/visits/campaigns/$DONE?by=member"
page "page: community map points" "/visits/map.json?campaign=$DONE"
page "page: all campaigns (list with totals)" "/visits/campaigns"
page "page: coverage of every visit by community" "/visits/coverage"
api "api: coverage by community" "/api/v1/campaigns/$DONE/coverage?by=community&size=200"
api "api: coverage by party organisation" "/api/v1/campaigns/$DONE/coverage?by=party-org&size=200"
api "api: coverage by member" "/api/v1/campaigns/$DONE/coverage?by=member&size=200"
api "api: figures (all modules)" "/api/v1/figures"
api "api: problems of the campaign" "/api/v1/visits/problems?campaign=$DONE&size=50"
api "api: visits of one community" "/api/v1/visits?community=440103001001&size=50"
