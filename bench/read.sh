#!/usr/bin/env bash
# The read benchmark (issue 3): standalone Palimpsest with 10,000 files x 100 versions loaded through its
# event store; rebuild rate of both read models, version-list and search latency against raw reads of the
# same MongoDB and Lucene index, projection lag under a steady upload load, and resident memory. Builds
# what it needs, runs for several minutes on loopback only (bounded: --max-minutes, default 120), stops
# the server and its embedded PostgreSQL, and rewrites the read section of docs/benchmarks.md.
#
#   bench/read.sh                                        the full run
#   bench/read.sh --files=500 --output=/tmp/try.md      a quick trial on a smaller library
#
# MVN_ARGS adds Maven options (for example MVN_ARGS=-o to build offline).
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -DskipTests ${MVN_ARGS:-} package

exec java -Xmx1g -cp "bench/target/classes:$(cat bench/target/read-classpath.txt)" \
    -Dbench.command="bench/read.sh${*:+ $*}" \
    io.palimpsest.bench.read.ReadBenchmark "$@"
