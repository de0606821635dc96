#!/usr/bin/env bash
# Benchmark: `accessctl lint` (reading /etc/mail/sendmail.cf, as it does by default) against
# `makemap hash` building the same map, alternating within each round, R rounds (default 7), in
# one run, for N-entry maps (default 100,000) of three kinds (bench/gen-map.sh): clean, 2% flawed,
# and a third of the entries drawing a real warning under Debian's cf. Prints medians and ratios.
# Target (issue 12): lint takes no longer than makemap on each of the three maps.
# Usage: bench/lint-vs-makemap.sh [N] [ROUNDS] [MAPS]; MAPS is some of "clean flawed warned"
# (default all three), or a number: one map with that percentage of flawed entries.
# Environment: FORMAT (default gcc) is lint's --format; BASELINE_DIR, a build directory holding
# another accessctl.jar (ACCESSCTL_BUILD_DIR), is timed in the same rounds for comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
rounds=${2:-7}
maps=${3:-clean flawed warned}
format=${FORMAT:-gcc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case "$maps" in
  [0-9]*) bench/gen-map.sh "$n" "$maps" > "$work/flawed$maps.access"; maps="flawed$maps" ;;
  *) for m in $maps; do
       case "$m" in
         clean) bench/gen-map.sh "$n" > "$work/clean.access" ;;
         flawed) bench/gen-map.sh "$n" 2 > "$work/flawed.access" ;;
         warned) bench/gen-map.sh "$n" 0 33 > "$work/warned.access" ;;
         *) echo "unknown map kind: $m" >&2; exit 2 ;;
       esac
     done ;;
esac
./accessctl --version >/dev/null   # build and warm the CDS archive outside the timing
# the jar is now built: others editing the checkout must not cause a rebuild inside a timed run
export ACCESSCTL_BUILD=off
if [ -n "${BASELINE_DIR:-}" ]; then
  ACCESSCTL_BUILD_DIR=$BASELINE_DIR ./accessctl --version >/dev/null
fi
now() { date +%s.%N; }
for _ in $(seq "$rounds"); do
  for m in $maps; do
    t0=$(now); ./accessctl lint --format "$format" "$work/$m.access" >/dev/null || true; t1=$(now)
    echo "$t1 - $t0" | bc >> "$work/$m.lint.t"
    if [ -n "${BASELINE_DIR:-}" ]; then
      t0=$(now)
      ACCESSCTL_BUILD_DIR=$BASELINE_DIR ./accessctl lint --format "$format" "$work/$m.access" \
        >/dev/null || true
      t1=$(now)
      echo "$t1 - $t0" | bc >> "$work/$m.base.t"
    fi
    rm -f "$work/m.db"
    t0=$(now); makemap hash "$work/m" < "$work/$m.access" 2>/dev/null; t1=$(now)
    echo "$t1 - $t0" | bc >> "$work/$m.makemap.t"
  done
done
printf 'entries=%s rounds=%s format=%s cf=%s\n' "$n" "$rounds" "$format" \
  "$([ -f /etc/mail/sendmail.cf ] && echo /etc/mail/sendmail.cf || echo none)"
for m in $maps; do
  l=$(bench/median.sh < "$work/$m.lint.t")
  mm=$(bench/median.sh < "$work/$m.makemap.t")
  printf '%-8s findings=%-6s lint median %.3f s  makemap hash median %.3f s  ratio %.2f' "$m" \
    "$(./accessctl lint --format gcc "$work/$m.access" 2>/dev/null | grep -c . || true)" \
    "$l" "$mm" "$(echo "$l / $mm" | bc -l)"
  if [ -s "$work/$m.base.t" ]; then
    b=$(bench/median.sh < "$work/$m.base.t")
    printf '  baseline median %.3f s  ratio %.2f' "$b" "$(echo "$b / $mm" | bc -l)"
  fi
  printf '\n'
done
