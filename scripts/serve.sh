#!/usr/bin/env bash
# Builds the game (release, as shipped) and serves it at
# http://127.0.0.1:8080, rebuilding when a file changes. Set-up first, if
# this machine still needs it. Extra arguments go to `trunk serve`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
echo "Once Sent will be at http://127.0.0.1:8080/ once it is built (Ctrl+C stops it)."
# Served from its own folder: trunk serve adds a live-reload script, which
# must never end up in the dist/ that gets published.
exec trunk serve --release --offline --locked --dist target/serve-dist "$@"
