#!/usr/bin/env bash
# Benchmark: `accessctl compile` of an N-entry map (default 1,000,000) against `makemap hash`,
# alternating, R rounds (default 5), in one run. Prints medians, the time ratio and the file sizes.
# Target (issue 3): accessctl's median at most a quarter of makemap's, and no larger a file.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
rounds=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench/gen-map.sh "$n" > "$work/access"
./accessctl --version >/dev/null
# the jar is now built: others editing the checkout must not cause a rebuild inside a timed run
export ACCESSCTL_BUILD=off
now() { date +%s.%N; }
: > "$work/ac.t"; : > "$work/mm.t"
for _ in $(seq "$rounds"); do
  rm -f "$work/a.db"
  t0=$(now); ./accessctl compile --no-cf -q -o "$work/a.db" "$work/access"; t1=$(now)
  echo "$t1 - $t0" | bc >> "$work/ac.t"
  rm -f "$work/m.db"
  t0=$(now); makemap hash "$work/m" < "$work/access"; t1=$(now)
  echo "$t1 - $t0" | bc >> "$work/mm.t"
done
a=$(bench/median.sh < "$work/ac.t")
m=$(bench/median.sh < "$work/mm.t")
printf 'entries=%s rounds=%s\naccessctl compile median %.3f s  size %s bytes\nmakemap hash      median %.3f s  size %s bytes\nratio accessctl/makemap = %.3f\n' \
  "$n" "$rounds" "$a" "$(stat -c %s "$work/a.db")" "$m" "$(stat -c %s "$work/m.db")" "$(echo "$a / $m" | bc -l)"
