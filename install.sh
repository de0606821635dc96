#!/bin/sh
# Installs accessctl for admins: the launcher on PATH, the jar and its class-data-sharing archive,
# the man pages and the bash, zsh and fish completions.
#
#   ./install.sh [PREFIX]        default PREFIX /usr/local; DESTDIR=... stages a package
#
# PREFIX/bin/accessctl -> PREFIX/lib/accessctl/accessctl (launcher) + accessctl.jar + accessctl.jsa
# PREFIX/share/man/man1/accessctl*.1
# PREFIX/share/bash-completion/completions/accessctl
# PREFIX/share/fish/vendor_completions.d/accessctl.fish
# PREFIX/share/accessctl/accessctl.zsh and .bash (zsh: add 'source PREFIX/share/accessctl/accessctl.zsh' to ~/.zshrc)
set -eu
cd "$(dirname "$0")"
prefix=${1:-${PREFIX:-/usr/local}}
root=${DESTDIR:-}${prefix}

# Build the jar (in ACCESSCTL_BUILD_DIR or target/) unless it is current.
./accessctl --version >/dev/null
jar=${ACCESSCTL_BUILD_DIR:-target}/accessctl.jar

install -d "$root/bin" "$root/lib/accessctl" "$root/share/man/man1" \
  "$root/share/bash-completion/completions" "$root/share/fish/vendor_completions.d" \
  "$root/share/accessctl"
install -m 644 "$jar" "$root/lib/accessctl/accessctl.jar"
install -m 755 accessctl "$root/lib/accessctl/accessctl"
ln -sf ../lib/accessctl/accessctl "$root/bin/accessctl"
install -m 644 man/*.1 "$root/share/man/man1/"
install -m 644 completions/accessctl.bash "$root/share/bash-completion/completions/accessctl"
install -m 644 completions/accessctl.fish "$root/share/fish/vendor_completions.d/accessctl.fish"
install -m 644 completions/accessctl.zsh completions/accessctl.bash "$root/share/accessctl/"
rm -f "$root/lib/accessctl/accessctl.jsa"
if [ -z "${DESTDIR:-}" ]; then
  # The archive names the jar's path, so it is made where the jar stays (first run otherwise).
  ACCESSCTL_BUILD_DIR= ACCESSCTL_CACHE_DIR="$root/lib/accessctl" "$root/lib/accessctl/accessctl" --version >/dev/null
fi
echo "installed accessctl in $root (man accessctl; completions for bash, zsh and fish)"
