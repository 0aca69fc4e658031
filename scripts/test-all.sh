#!/usr/bin/env bash
# `npm test`: unit and API tests (vitest), the production build, then e2e (Playwright, real
# Chromium). Ends with one plain line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .ci-reports
rm -f .ci-reports/vitest.json .ci-reports/e2e.json
status=0

echo "== unit and API tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=.ci-reports/vitest.json || status=1

echo "== production build"
if ! npx next build; then
  echo "next build failed"
  status=1
else
  echo "== e2e tests (Playwright + Chromium)"
  node scripts/ensure-chromium.mjs || status=1
  npx playwright test || status=1
fi

node scripts/test-summary.mjs || status=1
exit $status
