#!/bin/sh
# Install Debian's chromium for the browser tests (tests/test_html_browser.py), once.
# Called by `make test` only when /usr/bin/chromium is missing. Playwright drives this
# binary through executable_path; it never downloads a browser of its own.
set -eu
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: no apt-get here; the browser tests will skip" >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "install-browser: not root and no sudo; the browser tests will skip" >&2
        exit 0
    fi
fi
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium \
    >/dev/null || echo "install-browser: apt-get could not install chromium; the browser tests will skip" >&2
