#!/usr/bin/env bash
# Backs up Ronghe's database to FILE (docs/operations.md, "Backups").
#
#   PostgreSQL (online, a consistent snapshot; a custom-format archive for scripts/restore.sh):
#     RONGHE_DB_URL=jdbc:postgresql://db:5432/ronghe RONGHE_DB_USER=ronghe RONGHE_DB_PASSWORD=… scripts/backup.sh ronghe.dump
#     (RONGHE_DB_SCHEMA=name backs up one schema only; a libpq URL postgresql://… works too)
#   Embedded H2, the application running (it writes the copy itself under ./data/backups, as the administrator asks):
#     RONGHE_URL=http://localhost:8080 RONGHE_USER=admin RONGHE_PASSWORD=… scripts/backup.sh --online
#   Embedded H2, the application stopped (a zipped SQL script):
#     RONGHE_DB_URL='jdbc:h2:file:./data/ronghe' scripts/backup.sh ronghe-h2.zip
#
# The data key (RONGHE_DATA_KEY or ./data/ronghe-data.key) is not in the backup: keep it apart from it.
# Exits 0 when the backup is written, non-zero otherwise.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/database.sh
. "$here/database.sh"

if [ "${1:-}" = "--online" ]; then
  URL="${RONGHE_URL:-http://localhost:8080}"
  USERNAME="${RONGHE_USER:-admin}"
  : "${RONGHE_PASSWORD:?set RONGHE_PASSWORD to the password of the system administrator}"
  BODY=$(jq -n --arg u "$USERNAME" --arg p "$RONGHE_PASSWORD" '{username: $u, password: $p}')
  TOKEN=$(curl -sf -H 'Content-Type: application/json' -d "$BODY" "$URL/api/v1/auth/tokens" | jq -er .token) \
    || { echo "sign-in as $USERNAME failed" >&2; exit 2; }
  ANSWER=$(curl -s -w '\n%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" "$URL/api/v1/operations/backups")
  STATUS=$(echo "$ANSWER" | tail -n 1)
  [ "$STATUS" = 201 ] || { echo "the backup was refused ($STATUS): $(echo "$ANSWER" | head -n -1)" >&2; exit 1; }
  echo "$ANSWER" | head -n -1 | jq -r '"backup written by the application: \(.file) (\(.bytes) bytes)"'
  exit 0
fi

FILE="${1:?usage: scripts/backup.sh FILE | --online}"
: "${RONGHE_DB_URL:?set RONGHE_DB_URL to the database (jdbc:postgresql://…, postgresql://… or jdbc:h2:file:…)}"
case "$RONGHE_DB_URL" in
  jdbc:h2:*)
    h2_tool org.h2.tools.Script -url "$RONGHE_DB_URL;$H2_SETTINGS;IFEXISTS=TRUE" -user "${RONGHE_DB_USER:-sa}" \
      -password "${RONGHE_DB_PASSWORD:-}" -script "$FILE" -options COMPRESSION ZIP
    ;;
  *)
    libpq_url "$RONGHE_DB_URL"
    pg_dump --format=custom --no-owner ${RONGHE_DB_SCHEMA:+--schema="$RONGHE_DB_SCHEMA"} --file="$FILE" "$PG_URL"
    ;;
esac
echo "backup written: $FILE ($(wc -c < "$FILE") bytes)"
