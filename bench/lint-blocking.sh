#!/usr/bin/env bash
# Benchmark: the lint compile runs (every rule on every entry, only findings of a blocking
# severity built, the rest counted) of an N-entry map (default 1,000,000) where about a third of
# the entries draw a warning under Debian's sendmail.cf (bench/gen-map.sh N 0 33), against
# `makemap hash` building the same map, alternating, R rounds (default 5), in one run.
# The lint time is measured inside the JVM (reading the file, parsing, linting; JVM start-up and
# writing the db are compile's, not lint's), with the JVM options the launcher gives compile.
# Target (issue 12): compile of such a map at most 0.25x makemap, this lint included.
# Usage: bench/lint-blocking.sh [N] [ROUNDS] [BUILT]; BUILT is the least severity built (error).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
rounds=${2:-5}
built=${3:-error}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench/gen-map.sh "$n" 0 33 > "$work/access"
./accessctl --version >/dev/null   # build the jar outside the timing
jar=${ACCESSCTL_BUILD_DIR:-target}/accessctl.jar
now() { date +%s.%N; }
: > "$work/lint.t"; : > "$work/mm.t"
for _ in $(seq "$rounds"); do
  java -XX:+UseSerialGC -XX:-UsePerfData -Xss4m -XX:InitialRAMPercentage=5 -cp "$jar" \
    bench/LintBlocking.java "$work/access" "$built" | tee -a "$work/lint.out" | cut -d' ' -f1 \
    >> "$work/lint.t"
  rm -f "$work/m.db"
  t0=$(now); makemap hash "$work/m" < "$work/access" 2>/dev/null; t1=$(now)
  echo "$t1 - $t0" | bc >> "$work/mm.t"
done
l=$(bench/median.sh < "$work/lint.t")
m=$(bench/median.sh < "$work/mm.t")
tail -1 "$work/lint.out" | cut -d' ' -f2-
printf 'entries=%s rounds=%s built=%s\nlint (in JVM) median %.3f s\nmakemap hash  median %.3f s\nratio lint/makemap = %.3f\n' \
  "$n" "$rounds" "$built" "$l" "$m" "$(echo "$l / $m" | bc -l)"
