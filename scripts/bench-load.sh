#!/usr/bin/env bash
# How fast the first screen comes, as Lighthouse measures it: the release
# build from a host that compresses (brotli, as most do) and from one that
# sends files as they are (a school's own server, a shared drive, many
# intranets), each on a simulated phone (slow 4G, a slower processor) and
# a desktop. Prints performance, Largest Contentful Paint, Total Blocking
# Time, Cumulative Layout Shift and the bytes that crossed the wire, the
# median of RUNS runs of each. A benchmark, not part of scripts/test.sh:
# the numbers move with the machine.
#
#   scripts/bench-load.sh                   measures dist/, building it if missing
#   RUNS=5 scripts/bench-load.sh            more runs of each
#   DIST=some/folder scripts/bench-load.sh  measures another build
#
# Lighthouse and Chromium as for scripts/lighthouse.sh. JSON reports go to
# target/lighthouse/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

RUNS=${RUNS:-3}
source scripts/lighthouse-env.sh

servers=()
trap 'kill "${servers[@]}" 2>/dev/null || true' EXIT
printf '%-12s %-8s %11s %8s %8s %6s %10s\n' host form performance LCP TBT CLS transfer
for host in compressing plain; do
  flag=()
  [ "$host" = compressing ] && flag=(--compress)
  node scripts/lighthouse-serve.mjs "$DIST" "${flag[@]}" >"$OUT/$host.url" &
  servers+=($!)
  for _ in $(seq 50); do [ -s "$OUT/$host.url" ] && break; sleep 0.1; done
  url=$(cat "$OUT/$host.url")
  [ -n "$url" ] || { echo "the $host server did not start" >&2; exit 1; }
  for form in mobile desktop; do
    preset=()
    [ "$form" = desktop ] && preset=(--preset=desktop)
    reports=()
    for run in $(seq "$RUNS"); do
      report="$OUT/load-$host-$form-$run.json"
      npx --yes "$LIGHTHOUSE" "$url" "${preset[@]}" --only-categories=performance \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
        --output=json --output-path="$report" --quiet
      reports+=("$report")
    done
    node - "$host" "$form" "${reports[@]}" <<'EOF'
const [host, form, ...files] = process.argv.slice(2);
const runs = files.map((f) => JSON.parse(require("node:fs").readFileSync(f, "utf8")));
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const audit = (id) => median(runs.map((r) => r.audits[id].numericValue));
const score = median(runs.map((r) => Math.round(r.categories.performance.score * 100)));
const lcp = `${(audit("largest-contentful-paint") / 1000).toFixed(1)} s`;
const tbt = `${Math.round(audit("total-blocking-time"))} ms`;
const cls = audit("cumulative-layout-shift").toFixed(2);
const kb = `${(audit("total-byte-weight") / 1000).toFixed(0)} KB`;
console.log(`${host.padEnd(12)} ${form.padEnd(8)} ${String(score).padStart(11)} ${lcp.padStart(8)} ${tbt.padStart(8)} ${cls.padStart(6)} ${kb.padStart(10)}`);
EOF
  done
done
