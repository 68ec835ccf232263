#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into a fresh, empty database (docs/operations.md, "Restore").
#
#   PostgreSQL (create the database first: createdb -O ronghe ronghe_restored):
#     RONGHE_DB_URL=jdbc:postgresql://db:5432/ronghe_restored RONGHE_DB_USER=ronghe RONGHE_DB_PASSWORD=… scripts/restore.sh ronghe.dump
#   Embedded H2 (the application stopped; the database file must not exist yet):
#     RONGHE_DB_URL='jdbc:h2:file:./data/ronghe' scripts/restore.sh data/backups/ronghe-20260101-020000.zip
#
# Then start the application on it with the same data key (RONGHE_DATA_KEY) as the backed-up one, and
# verify the audit chain (scripts/audit-verify.sh). Exits 0 when everything was restored.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/database.sh
. "$here/database.sh"

FILE="${1:?usage: scripts/restore.sh FILE}"
[ -r "$FILE" ] || { echo "cannot read $FILE" >&2; exit 2; }
: "${RONGHE_DB_URL:?set RONGHE_DB_URL to the fresh database (jdbc:postgresql://…, postgresql://… or jdbc:h2:file:…)}"
case "$RONGHE_DB_URL" in
  jdbc:h2:*)
    path="${RONGHE_DB_URL#jdbc:h2:file:}"
    path="${path%%;*}"
    if [ -e "$path.mv.db" ]; then
      echo "$path.mv.db exists: restore into a new file (move the old one away first)" >&2
      exit 2
    fi
    h2_tool org.h2.tools.RunScript -url "$RONGHE_DB_URL;$H2_SETTINGS" -user "${RONGHE_DB_USER:-sa}" \
      -password "${RONGHE_DB_PASSWORD:-}" -script "$FILE" -options COMPRESSION ZIP
    ;;
  *)
    libpq_url "$RONGHE_DB_URL"
    pg_restore --exit-on-error --no-owner --single-transaction --dbname="$PG_URL" "$FILE"
    ;;
esac
echo "restored $FILE into $(redacted "$RONGHE_DB_URL")"
