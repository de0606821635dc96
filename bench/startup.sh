#!/usr/bin/env bash
# Benchmark (issue 5): start-up of `accessctl --version` against a bare JVM printing one line,
# alternating, R rounds (default 21), in one run; also `accessctl lint` of a 3-line file, the
# work of a pre-commit hook. Prints the medians and the ratio; target: ratio <= 3.
# ACCESSCTL_BUILD_DIR picks the build (see ./accessctl); ACCESSCTL=PATH times another launcher
# (an installed one, which never rebuilds while others edit the checkout): the Debian package's
# with ACCESSCTL=/usr/bin/accessctl bench/startup.sh.
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
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
: > "$work/jvm.t"; : > "$work/ver.t"; : > "$work/lint.t"
for _ in $(seq "$rounds"); do
  t0=$(now); java -cp "$work" Hello >/dev/null; t1=$(now); ms "$t0" "$t1" >> "$work/jvm.t"
  t0=$(now); "$ac" --version >/dev/null; t1=$(now); ms "$t0" "$t1" >> "$work/ver.t"
  t0=$(now); "$ac" lint --no-cf "$work/access" >/dev/null; t1=$(now); ms "$t0" "$t1" >> "$work/lint.t"
done
j=$(bench/median.sh < "$work/jvm.t")
v=$(bench/median.sh < "$work/ver.t")
l=$(bench/median.sh < "$work/lint.t")
printf 'rounds=%s (medians, ms)\nbare JVM printing one line  %s\naccessctl --version         %s\naccessctl lint (3 lines)    %s\nratio --version/JVM = %.2f (target <= 3)\nratio lint/JVM      = %.2f\n' \
  "$rounds" "$j" "$v" "$l" "$(echo "$v / $j" | bc -l)" "$(echo "$l / $j" | bc -l)"
