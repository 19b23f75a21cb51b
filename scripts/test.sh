#!/usr/bin/env bash
# Runs every test, after doing whatever set-up this machine still needs:
#   0. formatting and lints (rustfmt, clippy on the core and the shell);
#   1. the pure core, natively (cargo test, web feature off);
#   2. the components, in headless Chromium (wasm-bindgen-test), with every
#      pack compiled in (the test-only "bundled" feature), the layout
#      mirrored right to left (the test-only "pseudo" language), and a story
#      added as data alone, played to its end (the test-only "fixture");
#   3. end to end: builds the release bundle, serves dist/ on 127.0.0.1 and
#      plays it in headless Chromium (node's test runner with playwright-core),
#      including the bundle size budget;
#   4. the core of the end-to-end tests in Firefox ESR and WebKit (Safari's
#      engine), on the same build (ENGINES=firefox or ENGINES=webkit for one).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "0/4 formatting and lints"
cargo fmt --check
cargo clippy --locked --no-default-features --all-targets -q -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins -q -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --all-targets --features pseudo,bundled -q -- -D warnings

step "1/4 core tests (native)"
cargo test --locked --no-default-features

step "2/4 component tests (headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --features pseudo,bundled --test web --test mirror
# A story added as data alone (tests/stories.rs): the shipped story, its
# structure, its message and its words, copied under a new id into a
# fixture that the build lays over assets/ (timestamps kept, so a warm run
# builds nothing).
fixture=target/fixture
mkdir -p "$fixture/stories/once-sent-copy"
cp -rp tests/fixture/. "$fixture/"
cp -p assets/stories/once-sent/story.toml "$fixture/stories/once-sent-copy/story.toml"
cp -p assets/stories/once-sent/message.toml "$fixture/stories/once-sent-copy/message.toml"
cp -p assets/stories/once-sent/check.toml "$fixture/stories/once-sent-copy/check.toml"
for dir in assets/i18n/*/; do
  lang=$(basename "$dir")
  mkdir -p "$fixture/i18n/$lang/stories"
  cp -p "$dir/stories/once-sent.toml" "$fixture/i18n/$lang/stories/once-sent-copy.toml"
done
ONCE_SENT_FIXTURE="$PWD/$fixture" cargo test --locked --target wasm32-unknown-unknown --features bundled,fixture --test stories

step "3/4 end-to-end tests (release build in headless Chromium)"
trunk build --release --offline --locked
node --test --test-concurrency=1 tests/e2e/

step "4/4 end-to-end core in Firefox ESR and WebKit"
node --test --test-concurrency=1 tests/engines/
