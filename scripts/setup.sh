#!/bin/sh
# Install the Debian packages hearsay needs. Idempotent; silent when all are present.
set -e
PKGS="build-essential pkg-config clang libclang-rt-14-dev valgrind libjansson-dev libutf8proc-dev zlib1g-dev libsqlite3-dev libgumbo-dev libmicrohttpd-dev"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "setup: installing$missing" >&2
SUDO=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
        echo "setup: need root to install:$missing" >&2; exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
