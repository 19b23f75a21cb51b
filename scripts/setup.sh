#!/usr/bin/env bash
# Installs everything the build and the tests need, from the package
# registries only, and does nothing that is already done. Sourced by
# serve.sh and test.sh; run it alone to prepare a machine.
#
# Needs: Debian 12 (or similar) with rustup, Node.js 20+ and npm; root or
# sudo for apt-get (only when a browser is missing).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding $component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (a first install compiles for 6-12 minutes)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock file names a crate version the registry lacks.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# The three browser engines the tests drive, all Debian's packages:
# Chromium; Firefox ESR; WebKit (Safari's engine) with WebKitWebDriver and
# its MiniBrowser, which needs a display: Xvfb.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
command -v Xvfb >/dev/null || missing+=(xvfb)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi

# Node packages (wasm-opt from binaryen, Playwright, axe-core), exactly as
# locked; reinstalled only when the lock file changes.
if ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null \
  && ! [ node_modules/.setup-stamp -nt package-lock.json ]; then
  say "installing node packages from package-lock.json"
  # (puppeteer-core and selenium-webdriver drive the browsers installed
  # above; neither downloads one of its own.)
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.setup-stamp
fi

# binaryen 132 first on PATH: older wasm-opt builds cannot read rustc's output.
export PATH="$PWD/node_modules/.bin:$PATH"
# Trunk must never download a tool: with --offline a mismatch is an error.
export TRUNK_SKIP_VERSION_CHECK=true

if ! cargo fetch --locked -q 2>/dev/null; then
  say "fetching crates"
  cargo fetch --locked
fi
