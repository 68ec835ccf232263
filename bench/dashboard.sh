#!/usr/bin/env bash
# Measures the command dashboard's data for the whole demo district against a running Ronghe (default
# http://localhost:8080, full demo district on the embedded H2) and prints p50/p95/p99 in ms: each panel's API as the
# work committee (the whole district), the page shell, and the session-read data the page's scripts fetch.
#   RONGHE_URL=http://localhost:8080 RONGHE_PASSWORD='Demo#2025x' bench/dashboard.sh [runs]
set -euo pipefail
URL="${RONGHE_URL:-http://localhost:8080}"
PASSWORD="${RONGHE_PASSWORD:?set RONGHE_PASSWORD to the demo password}"
RUNS="${1:-30}"
WARMUP=3
. "$(dirname "$0")/lib-http.sh"

echo "| command dashboard, whole district | runs | p50 ms | p95 ms | p99 ms |"
echo "| --- | --- | --- | --- | --- |"
api "api: today's calls" "/api/v1/dashboard/today"
api "api: overdue calls by organ" "/api/v1/dashboard/overdue-by-organ"
api "api: communities by open calls" "/api/v1/dashboard/communities?measure=openCalls"
api "api: communities by visit coverage" "/api/v1/dashboard/communities?measure=visitCoverage"
api "api: ranking of the year" "/api/v1/dashboard/rankings"
api "api: trends (30 days of calls, 12 months of visits and meetings)" "/api/v1/dashboard/trends"
page "page: /dashboard (the shell)" "/dashboard"
page "page data: trends, with the session" "/dashboard/data/trends"
