#!/usr/bin/env bash
# The folder job benchmark (issue 4): standalone Palimpsest copies (with and without versions) and moves a
# folder of 10,000 files as a background job, and a folder of 1,000 to compare its heap with; files per
# second, each result checked through the list API, against the same files copied one request each.
# Builds what it needs, runs for several minutes on loopback only (bounded: --max-minutes, default 60),
# stops the server and its embedded PostgreSQL, and rewrites the folder section of docs/benchmarks.md.
#
#   bench/folders.sh                                          the full run
#   bench/folders.sh --files=2000 --output=/tmp/try.md        a quick trial
#   bench/folders.sh --jfr                                    also records each large job with JFR
#
# MVN_ARGS adds Maven options (for example MVN_ARGS=-o to build offline).
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -DskipTests ${MVN_ARGS:-} package

exec java -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
    -Dbench.command="bench/folders.sh${*:+ $*}" \
    io.palimpsest.bench.folders.FolderBenchmark "$@"
