# Sourced by scripts/lighthouse.sh and scripts/bench-load.sh: which
# Lighthouse, which Chromium, which build (built first if it is dist/ and
# missing), where the reports go, and a check that Lighthouse can be had.
# 12.x: the 13.x releases need Node.js 22.19+, and the project supports 20+.
LIGHTHOUSE=lighthouse@12.8.2
DIST=${DIST:-dist}
OUT=target/lighthouse
export CHROME_PATH=${CHROME_PATH:-${CHROMIUM:-/usr/bin/chromium}}

if [ ! -f "$DIST/index.html" ]; then
  [ "$DIST" = dist ] || { echo "no $DIST/index.html to measure" >&2; exit 1; }
  (source scripts/setup.sh && trunk build --release --offline --locked)
fi
mkdir -p "$OUT"

# Fetch Lighthouse first, so that a registry problem is reported as one.
npx --yes "$LIGHTHOUSE" --version >/dev/null \
  || { echo "could not run $LIGHTHOUSE through npx (is the npm registry reachable?)" >&2; exit 1; }
