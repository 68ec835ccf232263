#!/usr/bin/env bash
# Measures party life's pages and API for the whole demo district against a running Ronghe (default
# http://localhost:8080, full demo district on the embedded H2) and prints p50/p95/p99 in ms: compliance roll-ups,
# decisions, reviews, commitments (fulfilment computed on every read), responsibility letters, and one branch's
# ledgers as JSON, XLSX and DOCX; then the figures party life adds to GET /api/v1/figures.
#   RONGHE_URL=http://localhost:8080 RONGHE_PASSWORD='Demo#2025x' bench/partylife.sh [runs]
set -euo pipefail
URL="${RONGHE_URL:-http://localhost:8080}"
PASSWORD="${RONGHE_PASSWORD:?set RONGHE_PASSWORD to the demo password}"
RUNS="${1:-30}"
WARMUP=3
. "$(dirname "$0")/lib-http.sh"
YEAR=$(date +%Y)
# The branch with the most meetings this year: the largest ledger.
BRANCH=$(curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/meetings?from=$YEAR-01-01&size=200" \
  | python3 -c 'import sys, json, collections; print(collections.Counter(m["orgCode"] for m in json.load(sys.stdin)["items"]).most_common(1)[0][0])')

echo "| party life, whole district ($YEAR; ledger of $BRANCH) | runs | p50 ms | p95 ms | p99 ms |"
echo "| --- | --- | --- | --- | --- |"
page "page: compliance roll-up of every organisation" "/compliance"
api "api: compliance roll-up" "/api/v1/compliance"
api "api: one branch's compliance grid" "/api/v1/compliance?org=$BRANCH"
page "page: decisions and their follow-up (first 50)" "/meetings/decisions"
page "page: meetings (first page)" "/meetings"
api "api: reviews of the year" "/api/v1/reviews?size=50"
api "api: commitments (fulfilment computed, first 50)" "/api/v1/commitments?size=50"
api "api: commitments fulfilled (every one computed, then paged)" "/api/v1/commitments?fulfilled=true&size=50"
api "api: responsibility letters" "/api/v1/responsibilities?size=50"
api "api: ledger JSON" "/api/v1/ledgers/$BRANCH/$YEAR"
api "api: ledger XLSX" "/api/v1/ledgers/$BRANCH/$YEAR.xlsx"
api "api: ledger DOCX" "/api/v1/ledgers/$BRANCH/$YEAR.docx"
api "api: figures (all modules)" "/api/v1/figures"
echo
curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/figures" | python3 -c '
import sys, json
f = json.load(sys.stdin)
f = f.get("figures", f) if isinstance(f, dict) else f
items = f if isinstance(f, list) else [{"name": k, "value": v} for k, v in f.items()]
keys = ["meetings", "meetingCompliance", "firstItemStudies", "decisions", "decisionsDelivered", "commitments",
        "commitmentsFulfilled", "reviewsDecided", "membersReviewed", "responsibilityLetters", "lettersSigned", "dutyItems",
        "dutyItemsFulfilled"]
byName = {i.get("name", i.get("key")): i.get("value") for i in items}
for k in keys:
    print(f"{k}: {byName.get(k)}")'
