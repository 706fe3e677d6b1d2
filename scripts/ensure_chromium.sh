#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests when it is missing, or say how to. Playwright drives it
# through executable_path: it cannot download browsers of its own here (and never does at run time).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Debian's chromium (/usr/bin/chromium), and it is not installed." >&2
echo "Install it as root: apt-get install chromium" >&2
exit 1
