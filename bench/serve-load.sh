#!/usr/bin/env bash
# Benchmark (issue 7): `accessctl serve` under load on loopback against in-process lookups in a
# hash db of the same map, in one run. C clients (default 8), each with one persistent connection
# asking one key at a time as sendmail does, L lookups each (default 50,000; every answer checked),
# over TCP 127.0.0.1 and over a Unix socket; then C threads doing the same lookups with
# io.accessctl.mapfile.MapReader; then the same clients on the Unix socket of a replica in a
# three-member replication group (serve --group, all members in one JVM on 127.0.0.1), compared
# with the single server. Prints lookups/s, p50 and p99 latency and errors per run.
# Bounded: each run stops after L lookups per client or S seconds (default 20), the whole script
# after 10 minutes. Exit 1 if any answer was wrong.
#   bench/serve-load.sh [CLIENTS] [LOOKUPS_PER_CLIENT] [SECONDS] [ENTRIES]
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-8}
lookups=${2:-50000}
seconds=${3:-20}
entries=${4:-100000}
build=${ACCESSCTL_BUILD_DIR:-$PWD/target-bench}
mvn -B -q -Dstyle.color=never -Daccessctl.buildDir="$build" test-compile >&2
mvn -B -q -Dstyle.color=never -Daccessctl.buildDir="$build" dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$build/bench.classpath" >&2
cp="$build/classes:$build/test-classes:$(cat "$build/bench.classpath")"
exec timeout 600 java -Xmx1g -cp "$cp" io.accessctl.serve.ServeLoad "$clients" "$lookups" "$seconds" "$entries"
