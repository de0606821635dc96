#!/bin/sh
# Stages the package's files that need a build step (mvn package runs it before jdeb packs the
# .deb): the bash completion without its #! line, man pages and changelogs gzipped as Debian wants them (-9, no name or time stamp), and
# the Debian changelog of this native package, dated by the last commit.
#
#   packaging/deb/stage.sh BASEDIR STAGEDIR PROJECT_VERSION MAINTAINER
set -eu
base=$1 stage=$2 maintainer=$4
# The version jdeb gives the package: 1.2.0-SNAPSHOT sorts before 1.2.0 as 1.2.0~snapshot.
version=$(printf '%s\n' "$3" | sed 's/-SNAPSHOT$/~snapshot/')
rm -rf "$stage"
mkdir -p "$stage/man1" "$stage/doc" "$stage/bash-completion"
# bash-completion sources the script: picocli's #! line would only make it look runnable.
sed '1{/^#!/d}' "$base/completions/accessctl.bash" > "$stage/bash-completion/accessctl"
for page in "$base"/man/*.1; do
  gzip -9n < "$page" > "$stage/man1/${page##*/}.gz"
done
gzip -9n < "$base/CHANGELOG.md" > "$stage/doc/CHANGELOG.md.gz"
epoch=${SOURCE_DATE_EPOCH:-$(git -C "$base" log -1 --format=%ct 2>/dev/null || date +%s)}
{
  printf 'accessctl (%s) unstable; urgency=medium\n\n' "$version"
  printf '  * Built from the accessctl sources; the changes are in CHANGELOG.md.gz.\n\n'
  printf ' -- %s  %s\n' "$maintainer" "$(LC_ALL=C date -u -R -d "@$epoch")"
} | gzip -9n > "$stage/doc/changelog.gz"
