#!/usr/bin/env bash
# Installs what the console's end-to-end tests drive and run: Debian's Chromium (/usr/bin/chromium;
# Playwright is pointed at it and never downloads a browser of its own) and the npm package
# axe-core at the version package.json pins, under axe-node/node_modules (its script is injected
# into the pages to check their accessibility). Needs root and apt-get for Chromium when missing,
# Node.js and npm for axe-core. Idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser-peers: missing ${missing[*]}; install them (Debian) to run the console's tests" >&2
    exit 1
  fi
  echo "install-browser-peers: installing ${missing[*]}..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi
cd "$here/axe-node"
pinned="$(sed -n 's/.*"axe-core": "\([^"]*\)".*/\1/p' package.json)"
installed=node_modules/axe-core/package.json
if [ -f "$installed" ] && grep -q "\"version\": \"$pinned\"" "$installed"; then
  exit 0
fi
echo "install-browser-peers: installing axe-core..." >&2
npm ci --no-audit --no-fund --loglevel=error >&2
