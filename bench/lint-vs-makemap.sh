#!/usr/bin/env bash
# Benchmark: `accessctl lint` of an N-entry map (default 100,000) against `makemap hash` building
# the same map, alternating, R rounds (default 7), in one run. Prints the medians and the ratios.
# Target (issue 2): lint takes no longer than makemap.
# lint runs twice a round: without a cf (--no-cf) and, when /etc/mail/sendmail.cf exists, with
# it, as `accessctl lint` does by default (the cf's rules add whole-file checks).
# Usage: bench/lint-vs-makemap.sh [N] [ROUNDS] [FLAWED]; FLAWED is the percentage of entries with
# a mistake lint reports (bench/gen-map.sh), 0 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
rounds=${2:-7}
flawed=${3:-0}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench/gen-map.sh "$n" "$flawed" > "$work/access"
./accessctl --version >/dev/null   # build and warm the CDS archive outside the timing
now() { date +%s.%N; }
: > "$work/lint.t"; : > "$work/lintcf.t"; : > "$work/makemap.t"
cf=/etc/mail/sendmail.cf
for _ in $(seq "$rounds"); do
  t0=$(now); ./accessctl lint --no-cf --format gcc "$work/access" >/dev/null || true; t1=$(now)
  echo "$t1 - $t0" | bc >> "$work/lint.t"
  if [ -f "$cf" ]; then
    t0=$(now); ./accessctl lint --cf "$cf" --format gcc "$work/access" >/dev/null || true; t1=$(now)
    echo "$t1 - $t0" | bc >> "$work/lintcf.t"
  fi
  rm -f "$work/m.db"
  t0=$(now); makemap hash "$work/m" < "$work/access"; t1=$(now)
  echo "$t1 - $t0" | bc >> "$work/makemap.t"
done
l=$(bench/median.sh < "$work/lint.t")
m=$(bench/median.sh < "$work/makemap.t")
printf 'entries=%s (%s%% flawed) rounds=%s\naccessctl lint --no-cf  median %.3f s\nmakemap hash            median %.3f s\nratio lint/makemap = %.2f\n' \
  "$n" "$flawed" "$rounds" "$l" "$m" "$(echo "$l / $m" | bc -l)"
if [ -s "$work/lintcf.t" ]; then
  c=$(bench/median.sh < "$work/lintcf.t")
  printf 'accessctl lint --cf %s  median %.3f s\nratio lint --cf/makemap = %.2f\n' "$cf" "$c" \
    "$(echo "$c / $m" | bc -l)"
fi
