#!/usr/bin/env bash
# Installs the PostgreSQL server the store tests run against, from Debian's packages (the tests
# start and stop their own scratch cluster with its initdb and pg_ctl; the package's own cluster
# is not needed). Idempotent: installs only when no PostgreSQL server is there.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-postgres-peer: no PostgreSQL server found; install Debian's postgresql package to run the store tests" >&2
  exit 1
fi
echo "install-postgres-peer: installing postgresql..." >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
