#!/usr/bin/env bash
# Install bubblewrap (Debian's package) when it is missing, or say how to.
set -euo pipefail
if command -v bwrap >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing bubblewrap, the sandbox for submitted code..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap >/dev/null
  exit 0
fi
echo "MLAssess needs bubblewrap to run submitted code in a sandbox, and it is not installed." >&2
echo "Install it as root: apt-get install bubblewrap   (or your distribution's bubblewrap package)" >&2
exit 1
