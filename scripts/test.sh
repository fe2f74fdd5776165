#!/usr/bin/env bash
# The one test command (README, CI): type check, unit + integration on PGlite, the integration suite again
# on PostgreSQL when TEST_DATABASE_URL is set, and the browser journeys when Debian's Chromium is installed.
set -uo pipefail
cd "$(dirname "$0")/.."
reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT
status=0

step() { echo; echo "== $*"; }

step "type check"
npx tsc --noEmit -p . || status=1

step "unit + integration tests on PGlite"
env -u TEST_DATABASE_URL npx vitest run --project unit --project integration --reporter=default --reporter=json --outputFile="$reports/pglite.json" || status=1

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "integration tests on PostgreSQL ($TEST_DATABASE_URL)"
  npx vitest run --project integration --reporter=default --reporter=json --outputFile="$reports/postgres.json" || status=1
else
  echo; echo "(TEST_DATABASE_URL not set: the PostgreSQL run of the integration suite is skipped)"
fi

if [ -x /usr/bin/chromium ]; then
  step "browser journeys (Chromium + axe-core)"
  npx vitest run --project e2e --passWithNoTests --reporter=default --reporter=json --outputFile="$reports/e2e.json" || status=1
elif [ "${REQUIRE_E2E:-0}" = "1" ]; then
  echo "Chromium is required but /usr/bin/chromium is missing"; status=1
else
  echo; echo "(/usr/bin/chromium not installed: browser journeys skipped; apt-get install chromium fonts-noto-cjk)"
fi

node -e '
const fs = require("fs"); const dir = process.argv[1];
let passed = 0, failed = 0, skipped = 0;
for (const f of fs.readdirSync(dir)) {
  const r = JSON.parse(fs.readFileSync(dir + "/" + f, "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests || 0);
  if (r.numTotalTestSuites > 0 && r.success === false && r.numFailedTests === 0) failed += 1;
}
console.log(`\nTotal: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0) process.exitCode = 1;
' "$reports" || status=1
exit $status
