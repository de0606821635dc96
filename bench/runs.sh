#!/usr/bin/env bash
# Sourced by the sendmail -bt benchmarks: records the times of alternating runs in $work and
# gives their medians. Each run times accessctl, then sendmail, on the same questions.
runs_reset() { : > "$work/ta"; : > "$work/ts"; : > "$work/ratio"; }

now() { date +%s.%N; }

# runs_record RUN T0 T1 T2: accessctl ran from T0 to T1, sendmail from T1 to T2.
runs_record() {
  local ta ts
  ta=$(echo "$3 - $2" | bc -l); ts=$(echo "$4 - $3" | bc -l)
  echo "$ta" >> "$work/ta"; echo "$ts" >> "$work/ts"; echo "$ts / $ta" | bc -l >> "$work/ratio"
  printf 'run %s: accessctl %.2f s, sendmail -bt %.2f s\n' "$1" "$ta" "$ts"
}

# runs_median ta|ts|ratio
runs_median() { "$(dirname "${BASH_SOURCE[0]}")/median.sh" < "$work/$1"; }
