#!/usr/bin/env bash
# Rewrites src/main/resources/io/accessctl/catalog/public-suffixes.txt from the Public Suffix
# List that Debian's `publicsuffix` package installs: the ICANN section only (the suffixes under
# which registries hand out names; the private section names companies' own zones), one rule a
# line, internationalised names in their ASCII (xn--) form as sendmail's keys spell them.
# Usage: scripts/refresh-public-suffixes.sh [LIST]   (default /usr/share/publicsuffix/public_suffix_list.dat)
set -euo pipefail
cd "$(dirname "$0")/.."
list=${1:-/usr/share/publicsuffix/public_suffix_list.dat}
out=src/main/resources/io/accessctl/catalog/public-suffixes.txt
[ -r "$list" ] || { echo "refresh-public-suffixes: cannot read $list (apt-get install publicsuffix)" >&2; exit 66; }
version=$(dpkg-query -W -f='${Version}' publicsuffix 2>/dev/null || echo unknown)
python3 - "$list" "$version" > "$out.tmp" <<'PY'
import sys
path, version = sys.argv[1], sys.argv[2]
print("# The ICANN section of the Public Suffix List (https://publicsuffix.org/), Debian package")
print("# publicsuffix " + version + ", made by scripts/refresh-public-suffixes.sh; do not edit.")
print("# This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0.")
print("# If a copy of the MPL was not distributed with this file, You can obtain one at")
print("# https://mozilla.org/MPL/2.0/.")
inside = False
seen = set()
for raw in open(path, encoding="utf-8"):
    line = raw.strip()
    if line == "// ===BEGIN ICANN DOMAINS===":
        inside = True
        continue
    if line == "// ===END ICANN DOMAINS===":
        break
    if not inside or not line or line.startswith("//"):
        continue
    rule = line.split()[0]
    prefix = ""
    for mark in ("!", "*."):
        if rule.startswith(mark):
            prefix, rule = mark, rule[len(mark):]
    rule = ".".join(l if l.isascii() else l.encode("idna").decode("ascii") for l in rule.split("."))
    rule = prefix + rule.lower()
    if rule not in seen:
        seen.add(rule)
        print(rule)
PY
mv "$out.tmp" "$out"
echo "refresh-public-suffixes: $(grep -vc '^#' "$out") rules written to $out"
