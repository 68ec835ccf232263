#!/usr/bin/env bash
# Latency of the interactive queries on the city-scale database (bench/city-load.sh), through a running Ronghe's HTTP
# API and pages, one request at a time, as the generator's accounts (whole city, one organ, one street). Prints a
# Markdown table of p50/p95/p99 per query. See bench/README.md ("City scale").
#
#   bench/city-queries.sh [--base URL] [--runs N] [--warmup W] [--month YYYY-MM] [--year YYYY] [--only TEXT]
#
#   --base URL      the running application                      [http://127.0.0.1:8391]
#   --runs N        measured requests per query                  [40]
#   --warmup W      requests per query first, not measured       [3]
#   --month / --year  the period of the month and year queries  [2026-10 / 2026]
#   --password P    the generator's --account-password           [Bench#City1]
#   --only TEXT     only the queries whose label contains TEXT
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -Pbench -q test-compile exec:java -Dbench.main=org.ronghe.bench.city.CityQueries -Dexec.args="$*"
