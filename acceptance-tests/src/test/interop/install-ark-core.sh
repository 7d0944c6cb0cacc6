#!/usr/bin/env bash
# Installs @arkecosystem/core 3.9.1 from the npm registry into $1 (a cache outside the repository),
# once: a second run with a complete install does nothing.
#
# --ignore-scripts: ngrok's postinstall downloads a binary from the internet; when it fails, npm
# removes the whole node_modules. The native modules ARK needs are then built from source
# (npm rebuild), against the local Node headers when the system ships them.
#
# Exit codes: 0 installed, 3 npm install failed (registry unreachable?),
# 4 the native build failed; the logs are in $1/logs.
set -euo pipefail
CACHE="${1:?usage: install-ark-core.sh CACHE_DIR}"
mkdir -p "$CACHE/logs"
cd "$CACHE"
DONE=node_modules/.osmose-ark-core-3.9.1-complete
[ -f "$DONE" ] && exit 0

cat > package.json <<'JSON'
{ "name": "osmose-ark-core-interop", "private": true, "version": "0.0.0",
  "dependencies": { "@arkecosystem/core": "3.9.1" } }
JSON
[ -f /usr/include/node/node.h ] && export npm_config_nodedir="${npm_config_nodedir:-/usr}"
if ! npm install --ignore-scripts --no-audit --no-fund > logs/npm-install.log 2>&1; then
  exit 3
fi
if ! npm rebuild bcrypto better-sqlite3 bstring nsfw tiny-secp256k1 protobufjs \
    > logs/npm-rebuild.log 2>&1; then
  exit 4
fi
[ -f node_modules/better-sqlite3/build/Release/better_sqlite3.node ] || exit 4
touch "$DONE"
