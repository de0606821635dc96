#!/usr/bin/env bash
# Benchmark (issue 5): start-up of `accessctl --version` against a bare JVM printing one line,
# alternating, R rounds (default 21), in one run; also `accessctl lint` of a 3-line file, the
# work of a pre-commit hook. Prints the medians of wall time and of CPU time (user+sys, all
# threads: on a shared machine the steadier figure) and the ratio; target: ratio <= 3.
# ACCESSCTL_BUILD_DIR picks the build (see ./accessctl); ACCESSCTL=PATH times another launcher
# (an installed one, which never rebuilds while others edit the checkout): the Debian package's
# with ACCESSCTL=/usr/bin/accessctl bench/startup.sh. BASELINE=PATH times a second launcher in
# the same rounds (another checkout's, run as it is: ACCESSCTL_BUILD=off), for a same-run ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-21}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/Hello.java"
javac -d "$work" "$work/Hello.java"
printf '# hook sample\nTry_TLS:broken.example\tNO\nConnect:192.0.2.1\tREJECT\n' > "$work/access"
ac=${ACCESSCTL:-./accessctl}
"$ac" --version >/dev/null   # build and create the CDS archive outside the timing
# the jar is now built: no staleness check (a find) inside a timed run, and no rebuild when
# others edit the checkout
export ACCESSCTL_BUILD=off
base=${BASELINE:-}
[ -z "$base" ] || "$base" --version >/dev/null
now() { date +%s%N; }
# Runs a command and appends its wall and CPU milliseconds to $work/NAME.wall and NAME.cpu.
timed() {
  local name=$1 t0 t1 cpu
  shift
  t0=$(now)
  cpu=$( { TIMEFORMAT='%3U %3S'; time "$@" >/dev/null 2>&1; } 2>&1 || true)
  t1=$(now)
  echo $(( (t1 - t0) / 1000000 )) >> "$work/$name.wall"
  echo "$cpu" | awk '{ printf "%d\n", ($1 + $2) * 1000 }' >> "$work/$name.cpu"
}
for _ in $(seq "$rounds"); do
  timed jvm java -cp "$work" Hello
  timed ver "$ac" --version
  timed lint "$ac" lint --no-cf "$work/access"
  if [ -n "$base" ]; then
    timed basever "$base" --version
    timed baselint "$base" lint --no-cf "$work/access"
  fi
done
m() { bench/median.sh < "$work/$1"; }
printf 'rounds=%s (medians, ms)            wall    cpu\n' "$rounds"
printf 'bare JVM printing one line  %6s %6s\n' "$(m jvm.wall)" "$(m jvm.cpu)"
printf 'accessctl --version         %6s %6s\n' "$(m ver.wall)" "$(m ver.cpu)"
printf 'accessctl lint (3 lines)    %6s %6s\n' "$(m lint.wall)" "$(m lint.cpu)"
if [ -n "$base" ]; then
  printf 'baseline --version          %6s %6s\n' "$(m basever.wall)" "$(m basever.cpu)"
  printf 'baseline lint (3 lines)     %6s %6s\n' "$(m baselint.wall)" "$(m baselint.cpu)"
fi
printf 'ratio --version/JVM = %.2f (target <= 3)\nratio lint/JVM      = %.2f\n' \
  "$(echo "$(m ver.wall) / $(m jvm.wall)" | bc -l)" "$(echo "$(m lint.wall) / $(m jvm.wall)" | bc -l)"
