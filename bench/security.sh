#!/usr/bin/env bash
# What the security measures cost: audited transactions with and without the seal step, the chain
# verification, SM4 sealing and opening, re-sealing plain values, the member export, a rate-limit take.
# Starts Ronghe in-process on PostgreSQL (schema bench_security of the database, dropped and recreated).
#
#   bench/security.sh [JDBC_URL] [TRANSACTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
URL="${1:-jdbc:postgresql://127.0.0.1:5432/ronghe_bench?user=postgres}"
N="${2:-2000}"
exec ./mvnw -Pbench -q test-compile exec:java \
  -Dexec.classpathScope=test -Dbench.main=org.ronghe.bench.SecurityBenchmark -Dexec.args="$URL $N"
