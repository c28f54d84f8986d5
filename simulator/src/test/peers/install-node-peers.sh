#!/usr/bin/env bash
# Installs the real ONVIF client the simulator's peer test and the ONVIF benchmark drive: the npm
# "onvif" package, at the version package.json pins, under onvif-node/node_modules. Needs Node.js
# and npm (Debian's nodejs/npm are installed when missing and this runs as root). Idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-node-peers: Node.js and npm are needed for the ONVIF peer test; install them" >&2
    exit 1
  fi
  echo "install-node-peers: installing nodejs and npm..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >&2
fi
cd "$here/onvif-node"
if [ -f node_modules/onvif/package.json ] && grep -q '"version": "0.8.3"' node_modules/onvif/package.json; then
  exit 0
fi
echo "install-node-peers: installing the npm onvif client..." >&2
npm ci --no-audit --no-fund --loglevel=error >&2
