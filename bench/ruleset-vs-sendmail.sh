#!/usr/bin/env bash
# Benchmark: questions per second of `accessctl lookup --ruleset - --batch` (the cf's own rules
# run by the engine) against `sendmail -bt` answering the same Q questions (default 200,000:
# enough that neither side's start-up counts) with the same cf and the same N-entry access map
# (default 100,000), R times alternating (default 3). Each question is
# `MkBar,Basic_check_relay NAME = ADDR`: the Connect walk over the client's name and address,
# 16 access-map lookups. Prints the median rates (whole process, start-up included), the median
# of the runs' ratios, and checks that every result is sendmail's.
#   usage: bench/ruleset-vs-sendmail.sh [N] [Q] [R]   needs sendmail-bin and root (unshare -u)
#   ACCESSCTL=cmd overrides the accessctl command (default ./accessctl).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
q=${2:-200000}
runs=${3:-3}
ac=${ACCESSCTL:-./accessctl}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bench/bt-setup.sh "$work" "$n"

awk -v n="$n" -v q="$q" -v tsv="$work/q.tsv" -v bt="$work/q.bt" 'BEGIN {
  srand(20261206);
  for (k = 0; k < q; k++) {
    i = int(rand() * n); addr = sprintf("192.0.%d.%d", int(rand() * 256), int(rand() * 256));
    name = (k % 2) ? sprintf("a.spammer%d.example.biz", i) : sprintf("x.client%d.example.com", i);
    printf "MkBar,Basic_check_relay\t%s = %s\n", name, addr > tsv;
    printf "MkBar,Basic_check_relay %s = %s\n", name, addr > bt;
  }
}'

$ac --version >/dev/null   # builds the jar on first use; not timed
. bench/runs.sh
runs_reset
for r in $(seq "$runs"); do
  t0=$(now)
  $ac lookup --cf "$work/test.cf" --ruleset - --batch "$work/q.tsv" --format text > "$work/ac.out" || true
  t1=$(now)
  unshare -u sh -c 'hostname "$(hostname | cut -d. -f1).localdomain" && exec sendmail -bt -C "$0"' \
    "$work/test.cf" < "$work/q.bt" > "$work/sm.out"
  t2=$(now)
  cut -f3 "$work/ac.out" > "$work/ac.results"
  grep -E '^Basic_check_rela +returns:' "$work/sm.out" | sed -E 's/^[^:]*returns: ?//' > "$work/sm.results"
  [ "$(wc -l < "$work/ac.results")" -eq "$q" ] || { echo "accessctl answered $(wc -l < "$work/ac.results") of $q" >&2; exit 1; }
  if ! cmp -s "$work/ac.results" "$work/sm.results"; then
    echo "results differ from sendmail's:" >&2
    diff "$work/ac.results" "$work/sm.results" | head >&2
    exit 1
  fi
  runs_record "$r" "$t0" "$t1" "$t2"
done
ta=$(runs_median ta)
ts=$(runs_median ts)
printf 'map entries=%s questions=%s runs=%s (results identical to sendmail -bt)\n' "$n" "$q" "$runs"
printf 'accessctl lookup --ruleset --batch %8.0f questions/s  (median %.2f s)\n' "$(echo "$q / $ta" | bc -l)" "$ta"
printf 'sendmail -bt                       %8.0f questions/s  (median %.2f s)\n' "$(echo "$q / $ts" | bc -l)" "$ts"
printf 'ratio accessctl/sendmail = %.1f (median of the runs)\n' "$(runs_median ratio)"
