#!/usr/bin/env bash
# Writes what the sendmail -bt benchmarks share into DIR: an N-entry access map (DIR/access and
# DIR/access.db, made by makemap hash) and DIR/test.cf, Debian's cf reading that map, with the
# MkBar helper ruleset that turns "a = b" into "a $| b".
#   usage: bench/bt-setup.sh DIR N
set -euo pipefail
work=${1:?usage: bt-setup.sh DIR N}
n=${2:?usage: bt-setup.sh DIR N}
"$(dirname "$0")/gen-map.sh" "$n" > "$work/access"
makemap hash "$work/access" < "$work/access" 2> >(grep -v "World writable directory" >&2)
sed "s#^Kaccess .*#Kaccess hash -T<TMPF> $work/access#" /etc/mail/sendmail.cf > "$work/test.cf"
printf 'SMkBar\nR$* = $*\t\t$: $1 $| $2\n' >> "$work/test.cf"
