#!/usr/bin/env bash
# Benchmark: `accessctl compile` of an N-entry map (default 1,000,000) against `makemap hash`,
# alternating, R rounds (default 5), in one run. Prints medians, the time ratio and the file sizes.
# Target (issue 3): accessctl's median at most a quarter of makemap's, and no larger a file.
# With KIND "warned" the map has a third of its entries drawing a warning under Debian's cf
# (bench/gen-map.sh N 0 33) and compile reads /etc/mail/sendmail.cf as by default, so every rule
# runs (issue 12: at most 0.25x makemap too); the default "clean" compiles without a cf.
# Usage: bench/compile-vs-makemap.sh [N] [ROUNDS] [KIND]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
rounds=${2:-5}
kind=${3:-clean}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case "$kind" in
  clean) bench/gen-map.sh "$n" > "$work/access"; cf=(--no-cf) ;;
  warned) bench/gen-map.sh "$n" 0 33 > "$work/access"; cf=() ;;
  *) echo "unknown map kind: $kind" >&2; exit 2 ;;
esac
./accessctl --version >/dev/null
# the jar is now built: others editing the checkout must not cause a rebuild inside a timed run
export ACCESSCTL_BUILD=off
now() { date +%s.%N; }
: > "$work/ac.t"; : > "$work/mm.t"
for _ in $(seq "$rounds"); do
  rm -f "$work/a.db"
  t0=$(now); ./accessctl compile "${cf[@]}" -q -o "$work/a.db" "$work/access" 2>/dev/null; t1=$(now)
  echo "$t1 - $t0" | bc >> "$work/ac.t"
  rm -f "$work/m.db"
  t0=$(now); makemap hash "$work/m" < "$work/access"; t1=$(now)
  echo "$t1 - $t0" | bc >> "$work/mm.t"
done
a=$(bench/median.sh < "$work/ac.t")
m=$(bench/median.sh < "$work/mm.t")
printf 'entries=%s rounds=%s kind=%s\naccessctl compile median %.3f s  size %s bytes\nmakemap hash      median %.3f s  size %s bytes\nratio accessctl/makemap = %.3f\n' \
  "$n" "$rounds" "$kind" "$a" "$(stat -c %s "$work/a.db")" "$m" "$(stat -c %s "$work/m.db")" "$(echo "$a / $m" | bc -l)"
