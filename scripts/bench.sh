#!/usr/bin/env bash
# The spread's benchmarks, natively and in headless Chromium (release
# builds). Not part of the test command: the numbers move with the machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
echo "== natively"
cargo bench --locked --no-default-features --bench spread
echo
echo "== in headless Chromium"
cargo test --locked --release --target wasm32-unknown-unknown --test bench_web -- --nocapture 2>&1 \
  | grep -vE "^(running|test result|Running|Try find|Ok$|Loading|$)" || true
