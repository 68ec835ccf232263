#!/usr/bin/env bash
# The same GET, alternating between two running Ronghe instances (e.g. the jar of main and of a branch,
# each on its own port and data folder), so load from elsewhere falls on both alike; prints p50 and p90.
#
#   RONGHE_PASSWORD='…' bench/ab.sh PATH ROUNDS URL_A URL_B        (signs in as committee on both)
#   e.g. bench/ab.sh /api/v1/directory/exports/members.xlsx 20 http://localhost:18301 http://localhost:18300
set -euo pipefail
P="$1"; N="$2"; A="$3"; B="$4"
: "${RONGHE_PASSWORD:?set RONGHE_PASSWORD to the password of committee}"
token() {
  curl -sf -H 'Content-Type: application/json' \
    -d "$(jq -n --arg p "$RONGHE_PASSWORD" '{username: "committee", password: $p}')" "$1/api/v1/auth/tokens" | jq -er .token
}
TA=$(token "$A"); TB=$(token "$B")
for _ in $(seq 1 "$N"); do
  echo "A $(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TA" "$A$P")"
  echo "B $(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TB" "$B$P")"
done | awk '{ t[$1][++n[$1]] = $2 * 1000 }
  END { for (k in t) { m = n[k]; asort(t[k]); printf "%s p50 %.0f ms p90 %.0f ms (%d runs)\n", k, t[k][int((m + 1) / 2)], t[k][int(m * 0.9)], m } }'
