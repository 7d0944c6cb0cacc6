#!/bin/sh
# Container entrypoint: a secrets file mounted read-only (and so readable by others, which the
# forger refuses) is copied to an owner-only file first; then the osmose launcher runs.
set -eu
if [ -n "${OSMOSE_SECRETS_SOURCE:-}" ]; then
  install -m 600 "$OSMOSE_SECRETS_SOURCE" "$OSMOSE_DATA_DIR/delegates.secrets"
  OSMOSE_SECRETS="$OSMOSE_DATA_DIR/delegates.secrets"
  export OSMOSE_SECRETS
fi
exec /opt/osmose/bin/osmose "$@"
