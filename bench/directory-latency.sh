#!/usr/bin/env bash
# Measures the latency of the directory's interactive queries against a running Ronghe
# (default http://localhost:8080, full demo district) and prints p50/p95/p99 in milliseconds.
#   RONGHE_URL=http://localhost:8080 RONGHE_USER=committee RONGHE_PASSWORD='Demo#2025x' bench/directory-latency.sh [runs]
set -euo pipefail
URL="${RONGHE_URL:-http://localhost:8080}"
USER_NAME="${RONGHE_USER:-committee}"
PASSWORD="${RONGHE_PASSWORD:?set RONGHE_PASSWORD to the demo password}"
RUNS="${1:-100}"

TOKEN=$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"username\":\"$USER_NAME\",\"password\":\"$PASSWORD\"}" "$URL/api/v1/auth/tokens" \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')

measure() {
  local name="$1" path="$2"
  for _ in 1 2 3 4 5; do curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$URL$path"; done
  for _ in $(seq 1 "$RUNS"); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$URL$path"
  done | python3 -c '
import sys
xs = sorted(float(l) * 1000 for l in sys.stdin if l.strip())
def p(q): return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]
print(f"| {sys.argv[1]} | {len(xs)} | {p(.5):.1f} | {p(.95):.1f} | {p(.99):.1f} |")' "$name"
}

echo "| query | runs | p50 ms | p95 ms | p99 ms |"
echo "| --- | --- | --- | --- | --- |"
measure "figures" "/api/v1/figures"
measure "streets (all, with totals)" "/api/v1/directory/streets?size=50"
measure "communities page" "/api/v1/directory/communities?size=50"
measure "organs page (counts, duties)" "/api/v1/directory/organs?size=50"
measure "party organisations page" "/api/v1/directory/party-orgs?grassroots=true&size=50"
measure "members page" "/api/v1/directory/members?size=50"
measure "members by name" "/api/v1/directory/members?q=%E7%8E%8B&size=50"
measure "members of one organ" "/api/v1/directory/members?organ=JG014&size=50"
measure "member detail" "/api/v1/directory/members/DY005000"
measure "findings (all rules)" "/api/v1/directory/findings"
measure "search across the directory" "/api/v1/directory/search?q=%E6%B0%91"
measure "export members (xlsx, 10k rows)" "/api/v1/directory/exports/members.xlsx"
