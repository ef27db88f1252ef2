#!/bin/sh
# The browser tests drive Debian's Chromium through playwright-core; playwright's
# own browser download is never used. Install the distro package when missing.
set -e
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
echo "ensure-chromium: $CHROMIUM not found, installing Debian's chromium package" >&2
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-liberation
if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: chromium is still missing at $CHROMIUM" >&2
  exit 1
fi
