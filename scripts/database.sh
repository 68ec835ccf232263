# Shared by scripts/backup.sh and scripts/restore.sh: how to reach the database from a shell.

# The settings the application opens its H2 database with (application.properties).
H2_SETTINGS="MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"

# Sets PG_URL, a libpq URL for pg_dump and pg_restore, from a JDBC or libpq URL plus RONGHE_DB_USER and
# RONGHE_DB_PASSWORD (PGPASSWORD and ~/.pgpass work too). Of the JDBC parameters only user, password
# and sslmode mean something to libpq.
libpq_url() {
  local url="${1#jdbc:}" base query kept="" param
  base="${url%%\?*}"
  query=""
  [ "$base" != "$url" ] && query="${url#*\?}"
  IFS='&' read -ra params <<< "$query"
  for param in "${params[@]}"; do
    case "$param" in
      user=*|password=*|sslmode=*) kept="$kept${kept:+&}$param" ;;
    esac
  done
  [ -n "${RONGHE_DB_USER:-}" ] && kept="$kept${kept:+&}user=$RONGHE_DB_USER"
  [ -n "${RONGHE_DB_PASSWORD:-}" ] && export PGPASSWORD="$RONGHE_DB_PASSWORD"
  PG_URL="$base${kept:+?$kept}"
}

# The URL without a password, for messages.
redacted() {
  echo "$1" | sed -E 's/password=[^&;]*/password=…/g'
}

# Runs an H2 tool class: from RONGHE_H2_JAR, else from the application's jar (RONGHE_JAR, or the one
# ./mvnw package built under target/), else from the local Maven repository.
h2_tool() {
  local main="$1"; shift
  local root jar
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  if [ -n "${RONGHE_H2_JAR:-}" ]; then
    java -cp "$RONGHE_H2_JAR" "$main" "$@"
    return
  fi
  jar="${RONGHE_JAR:-$(ls "$root"/target/ronghe-*.jar 2>/dev/null | grep -v original | head -n 1 || true)}"
  if [ -n "$jar" ] && [ -r "$jar" ]; then
    # Spring Boot's launcher puts the jar's own libraries (H2 among them) on the class path
    java -cp "$jar" -Dloader.main="$main" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
    return
  fi
  jar="$(ls "$HOME"/.m2/repository/com/h2database/h2/*/h2-*.jar 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$jar" ] || { echo "no H2 jar found: set RONGHE_H2_JAR or RONGHE_JAR" >&2; return 2; }
  java -cp "$jar" "$main" "$@"
}
