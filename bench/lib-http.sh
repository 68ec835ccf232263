# Sourced by the HTTP benches: signs the committee in (a bearer token for the API, a session for the pages) and
# measures a path RUNS times after warm-up requests, printing a Markdown row of p50/p95/p99 in ms.
# Expects URL, PASSWORD, RUNS and WARMUP set by the caller.
JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT

TOKEN=$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"username\":\"committee\",\"password\":\"$PASSWORD\"}" "$URL/api/v1/auth/tokens" \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')
CSRF=$(curl -sf -c "$JAR" -b "$JAR" "$URL/login" | python3 -c '
import re, sys
print(re.search(r"name=\"_csrf\" value=\"([^\"]+)\"", sys.stdin.read()).group(1))')
curl -sf -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "username=committee" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "_csrf=$CSRF" "$URL/login"

measure() {
  local name="$1" path="$2" auth=("${@:3}")
  for _ in $(seq 1 "$WARMUP"); do curl -sf -o /dev/null "${auth[@]}" "$URL$path"; done
  for _ in $(seq 1 "$RUNS"); do
    curl -sf -o /dev/null -w '%{time_total}\n' "${auth[@]}" "$URL$path"
  done | python3 -c '
import sys
xs = sorted(float(l) * 1000 for l in sys.stdin if l.strip())
def p(q): return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]
print(f"| {sys.argv[1]} | {len(xs)} | {p(.5):.1f} | {p(.95):.1f} | {p(.99):.1f} |")' "$name"
}
page() { measure "$1" "$2" -b "$JAR"; }
api() { measure "$1" "$2" -H "Authorization: Bearer $TOKEN"; }
