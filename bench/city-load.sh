#!/usr/bin/env bash
# Loads a city-sized year (a Guangzhou: 11 districts, 176 streets, 2,800 communities, 19,500 grids, 38,000 party
# organisations, 710,000 members, 40 million calls with their dispatches, handlers and events) into an empty
# PostgreSQL database through COPY, migrated with the application's migrations. See bench/README.md ("City scale").
#
#   bench/city-load.sh [--calls N] [--members N] [--event-months N|all] [--url JDBC_URL] [--reset] [more arguments]
#
# Arguments (defaults in brackets):
#   --url JDBC_URL        the database; it must be empty, or --reset drops its schema public first
#                         [jdbc:postgresql://127.0.0.1:5432/ronghe_city?user=postgres]
#   --calls N             calls raised between --from and --to                    [40000000]
#   --members N           party members                                           [710000]
#   --districts / --streets / --communities / --grids / --party-orgs N            [11 / 176 / 2800 / 19500 / 38000]
#   --from DATE           first day calls are raised                              [2026-01-01]
#   --to DATE             "now" for the calls' states (calls near it are open)    [the current minute]
#   --event-months N|all  months of call events, counted back from --to's month   [all]
#   --jobs J              months loaded at once (connections: 4 per job)         [2]
#   --data-key ID:HEX     the data key sealing phone and ID numbers (give the application the same RONGHE_DATA_KEY)
#                         [RONGHE_DATA_KEY, else 1:000102030405060708090a0b0c0d0e0f]
#   --account-password P  password of the accounts city-committee, city-secretary, city-street, city-community,
#                         city-leader                                             [Bench#City1]
#   --skip-disk-check     load even when the estimate does not fit the free disk
#   --keep-indexes        keep the secondary indexes during the load (slower; for comparison)
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -Pbench -q test-compile exec:java \
  -Dbench.main=org.ronghe.bench.city.CityLoad -Dexec.args="$*"
