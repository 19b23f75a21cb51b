#!/usr/bin/env bash
# Audits the built game with Lighthouse and fails unless Accessibility and
# Best practices both score 100, on a phone (Lighthouse's default) and on a
# desktop, for the title screen and the #teachers, #explore and #assembly
# routes. A benchmark, not part of scripts/test.sh.
#
#   scripts/lighthouse.sh                   audits dist/, building it if missing
#   DIST=some/folder scripts/lighthouse.sh  audits another build
#
# Lighthouse comes from the npm registry (npx); Chromium is the system's
# (CHROME_PATH, else CHROMIUM as for the end-to-end tests, else
# /usr/bin/chromium). JSON reports go to target/lighthouse/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source scripts/lighthouse-env.sh

# Serve the build; the server prints its URL once it listens.
node scripts/lighthouse-serve.mjs "$DIST" >"$OUT/server.url" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$OUT/server.url" ] && break; sleep 0.1; done
url=$(cat "$OUT/server.url")
[ -n "$url" ] || { echo "the server did not start" >&2; exit 1; }

failed=0
for form in mobile desktop; do
  preset=()
  [ "$form" = desktop ] && preset=(--preset=desktop)
  for route in "" teachers explore assembly; do
    name="$form-${route:-title}"
    npx --yes "$LIGHTHOUSE" "$url${route:+#$route}" "${preset[@]}" \
      --only-categories=accessibility,best-practices \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
      --output=json --output-path="$OUT/$name.json" --quiet
    # Each score, then each audit that fails (with the elements it names).
    node - "$OUT/$name.json" "$name" <<'EOF' || failed=1
const [file, name] = process.argv.slice(2);
const report = JSON.parse(require("node:fs").readFileSync(file, "utf8"));
let ok = true;
for (const category of Object.values(report.categories)) {
  const score = Math.round(category.score * 100);
  ok &&= score === 100;
  console.log(`${name}: ${category.title} ${score}`);
  for (const { id, weight } of category.auditRefs) {
    const audit = report.audits[id];
    if (audit.score === null || audit.score >= 1) continue;
    if (!["binary", "numeric", "metricSavings"].includes(audit.scoreDisplayMode)) continue;
    console.log(`  ${weight ? "FAIL" : "note"} ${id}: ${audit.title}${weight ? "" : " (weight 0: does not lower the score)"}`);
    for (const item of audit.details?.items ?? []) {
      const node = item.node ?? item.source ?? item;
      const what = node.selector ?? node.snippet ?? node.url ?? item.scriptUrl ?? node.description ?? JSON.stringify(item);
      console.log(`    - ${String(what).slice(0, 200)}`);
    }
  }
}
process.exit(ok ? 0 : 1);
EOF
  done
done
exit "$failed"
