#!/usr/bin/env bash
# Benchmark: `accessctl lint` of an N-entry map (default 100,000) against `makemap hash` building
# the same map, alternating, R rounds (default 7), in one run. Prints both medians and the ratio.
# Target (issue 2): lint takes no longer than makemap.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
rounds=${2:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench/gen-map.sh "$n" > "$work/access"
./accessctl --version >/dev/null   # build and warm the CDS archive outside the timing
now() { date +%s.%N; }
: > "$work/lint.t"; : > "$work/makemap.t"
for _ in $(seq "$rounds"); do
  t0=$(now); ./accessctl lint --no-cf --format gcc "$work/access" >/dev/null || true; t1=$(now)
  echo "$t1 - $t0" | bc >> "$work/lint.t"
  rm -f "$work/m.db"
  t0=$(now); makemap hash "$work/m" < "$work/access"; t1=$(now)
  echo "$t1 - $t0" | bc >> "$work/makemap.t"
done
l=$(bench/median.sh < "$work/lint.t")
m=$(bench/median.sh < "$work/makemap.t")
printf 'entries=%s rounds=%s\naccessctl lint  median %.3f s\nmakemap hash    median %.3f s\nratio lint/makemap = %.2f\n' \
  "$n" "$rounds" "$l" "$m" "$(echo "$l / $m" | bc -l)"
