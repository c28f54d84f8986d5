#!/usr/bin/env bash
# Installs the standard OpenAPI validator the contract test runs on the served document: the npm
# package @apidevtools/swagger-parser, at the version package.json pins, under
# openapi-node/node_modules. Needs Node.js and npm (Debian's nodejs/npm are installed when missing
# and this runs as root). Idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-openapi-peer: Node.js and npm are needed for the OpenAPI validation test; install them" >&2
    exit 1
  fi
  echo "install-openapi-peer: installing nodejs and npm..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >&2
fi
cd "$here/openapi-node"
pinned="$(sed -n 's/.*"@apidevtools\/swagger-parser": "\([^"]*\)".*/\1/p' package.json)"
installed=node_modules/@apidevtools/swagger-parser/package.json
if [ -f "$installed" ] && grep -q "\"version\": \"$pinned\"" "$installed"; then
  exit 0
fi
echo "install-openapi-peer: installing the OpenAPI validator..." >&2
npm ci --no-audit --no-fund --loglevel=error >&2
