#!/usr/bin/env bash
# The call-loop benchmark: N full call loops (raise → dispatch → accept → reply → rate → close) through
# Ronghe's service layer, then the same loop as a BPMN process on an embedded Flowable 7.2 engine, on the
# same PostgreSQL database; prints loops/s, transitions/s, p50/p99 for each and the ratio. See bench/README.md.
#
#   bench/call-loop.sh [--loops N] [--concurrency C] [--url JDBC_URL] [more arguments]
#
# Arguments (later ones win; defaults from the environment variables in brackets):
#   --loops N          measured loops per engine                      [BENCH_LOOPS, 2000]
#   --concurrency C    threads in the fixed pool driving the loops    [BENCH_CONCURRENCY, 8]
#   --url JDBC_URL     PostgreSQL database; its schemas bench_ronghe and bench_flowable are dropped and
#                      recreated, nothing else is touched             [BENCH_URL, jdbc:postgresql://127.0.0.1:5432/ronghe_bench?user=postgres]
#   --warmup W         loops run first and not measured               [10 % of --loops]
#   --user U / --password P   database credentials                    [user=/password= in the URL, else postgres / empty]
#   --pool P           connection pool size for both engines          [Ronghe's configured pool: 10]
#   --only ENGINE      ronghe or flowable                             [both]
#   --count-sql K      afterwards, run K loops one at a time and count SQL statements and round trips per step
#   --show-sql true    with --count-sql, print the statements of one loop (add &prepareThreshold=0 to the URL)
#
# It needs a PostgreSQL database that exists (createdb ronghe_bench); it is not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."
LOOPS="${BENCH_LOOPS:-2000}"
CONCURRENCY="${BENCH_CONCURRENCY:-8}"
URL="${BENCH_URL:-jdbc:postgresql://127.0.0.1:5432/ronghe_bench?user=postgres}"
exec ./mvnw -Pbench -q test-compile exec:java \
  -Dexec.classpathScope=test -Dexec.mainClass=org.ronghe.bench.CallLoopBenchmark \
  -Dexec.args="--loops $LOOPS --concurrency $CONCURRENCY --url $URL $*"
