#!/usr/bin/env bash
# The upload benchmark: Palimpsest's upload API (new versions of existing paths) against a bare
# streaming endpoint and against raw PutObject to the same S3Proxy, plus its heap with -Xmx256m for
# 16 KiB and for 256 MiB / 1 GiB uploads. Builds what it needs, runs for several minutes on loopback
# only, stops every server it started, and rewrites the upload section of docs/benchmarks.md.
#
#   bench/upload.sh                      the full run
#   bench/upload.sh --scale=0.1 --large-mib=64 --output=/tmp/try.md    a quick trial
#
# MVN_ARGS adds Maven options (for example MVN_ARGS=-o to build offline).
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -DskipTests ${MVN_ARGS:-} package

exec java -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
    -Dbench.command="bench/upload.sh${*:+ $*}" \
    io.palimpsest.bench.upload.UploadBenchmark "$@"
