#!/usr/bin/env bash
# Verifies the audit chain of a running Ronghe (docs/security.md): signs in as an administrator, asks
# GET /api/v1/audit/verify, prints the summary and every problem found (kind, audit entry id, seal number).
# Exits 0 when the chain is intact, 1 when it is not, 2 when it could not ask.
#
#   RONGHE_URL=http://localhost:8080 RONGHE_USER=admin RONGHE_PASSWORD='…' scripts/audit-verify.sh
set -euo pipefail
URL="${RONGHE_URL:-http://localhost:8080}"
USERNAME="${RONGHE_USER:-admin}"
: "${RONGHE_PASSWORD:?set RONGHE_PASSWORD to the password of the administrator}"
BODY=$(jq -n --arg u "$USERNAME" --arg p "$RONGHE_PASSWORD" '{username: $u, password: $p}')
if ! TOKEN=$(curl -sf -H 'Content-Type: application/json' -d "$BODY" "$URL/api/v1/auth/tokens" | jq -er .token); then
  echo "sign-in as $USERNAME failed" >&2
  exit 2
fi
if ! REPORT=$(curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/audit/verify"); then
  echo "the verification request failed" >&2
  exit 2
fi
echo "$REPORT" | jq -r '"sealed entries: \(.sealed); head: seal \(.headSeq), MAC \(.headMac); problems: \(.problemCount)"'
echo "$REPORT" | jq -r '.problems[] | "\(.kind)\taudit entry \(.auditId // "-")\tseal \(.seq // "-")\t\(.detail)"'
[ "$(echo "$REPORT" | jq -r .intact)" = true ]
