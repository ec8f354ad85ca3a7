#!/bin/sh
# Install the Debian packages hearsay needs. Idempotent; silent when all are present.
set -e
PKGS="build-essential pkg-config clang libclang-rt-14-dev valgrind libjansson-dev libutf8proc-dev zlib1g-dev libsqlite3-dev libgumbo-dev libmicrohttpd-dev"
# hearsay serve: curl (API tests), chromium (browser tests), wrk (bench/serve)
PKGS="$PKGS curl chromium wrk"
cd "$(dirname "$0")/.."
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# node and npm: any install will do (Debian's, or one already on the machine)
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
# The browser tests' driver (playwright-core, no browser download: it drives
# Debian's chromium) goes into tests/web/node_modules, which git ignores.
web_tests() {
    [ -d tests/web/node_modules/playwright-core ] && return 0
    echo "setup: npm ci in tests/web" >&2
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix tests/web --no-audit --no-fund --loglevel=error >&2
}
if [ -z "$missing" ]; then web_tests; exit 0; fi
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
web_tests
