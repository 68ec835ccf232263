#!/usr/bin/env bash
# Times the assessment of the whole demo district — POST /api/v1/assessments computes every organ (55) and every
# grassroots party organisation (569) from the records of calls, visits and party life and stores the run — against
# a running Ronghe (default http://localhost:8080, full demo district on the embedded H2), and prints p50/p95/p99 in
# ms; then reading a run's ranking, one explanation and the XLSX export. The target is under 5 s per run.
#   RONGHE_URL=http://localhost:8392 RONGHE_PASSWORD='Demo#Bench1' bench/assessment.sh [runs]
# e.g. in a temp dir: RONGHE_DEMO_PASSWORD='Demo#Bench1' java -jar target/ronghe-*.jar --server.port=8392
set -euo pipefail
URL="${RONGHE_URL:-http://localhost:8080}"
PASSWORD="${RONGHE_PASSWORD:?set RONGHE_PASSWORD to the demo password}"
RUNS="${1:-10}"
WARMUP=2
. "$(dirname "$0")/lib-http.sh"
YEAR=$(date +%Y)

compute() {
  curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"year\": $YEAR}" "$URL/api/v1/assessments"
}

echo "| assessment, whole district ($YEAR to date) | runs | p50 ms | p95 ms | p99 ms |"
echo "| --- | --- | --- | --- | --- |"
for _ in $(seq 1 "$WARMUP"); do compute > /dev/null; done
for _ in $(seq 1 "$RUNS"); do compute; done | python3 -c '
import sys
xs = sorted(float(l) * 1000 for l in sys.stdin if l.strip())
def p(q): return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]
print(f"| api: POST /api/v1/assessments (every organ and organisation, stored) | {len(xs)} | {p(.5):.1f} | {p(.95):.1f} | {p(.99):.1f} |")'
RUN=$(curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/assessments?year=$YEAR&size=1" \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["items"][0]["id"])')
SUBJECTS=$(curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/assessments/$RUN" \
  | python3 -c 'import sys, json; r = json.load(sys.stdin)["results"]; print(len(r), r[0]["subject"]["code"])')
read -r COUNT FIRST <<< "$SUBJECTS"
api "api: a run's ranking ($COUNT subjects)" "/api/v1/assessments/$RUN"
api "api: one subject's explanation" "/api/v1/assessments/$RUN/subjects/$FIRST"
page "page: the ranking of the organs" "/assessments/$RUN"
api "api: XLSX export (ranking + every indicator)" "/api/v1/assessments/$RUN.xlsx"
