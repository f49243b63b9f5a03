#!/usr/bin/env bash
# The editor end-to-end test, after scripts/e2e-setup.sh: builds, bundles, packages the VSIX,
# then runs test/e2e/runner.ts (code-server + Chromium): the extension's mocha suite
# from this checkout, then the installed VSIX driven through the UI, with a screenshot
# of the hover in test/e2e/artifacts/. Exits non-zero on any failure; a 10-minute
# timeout ends the runner, which stops every code-server it started by pid.
set -euo pipefail
cd "$(dirname "$0")/../.."

started=$(date +%s)
phase=${1:-all}

echo "e2e: build (tsc, and the bundles the extension runs from: dist/)"
npx tsc -b . test/e2e
npm run --silent bundle
if [ "$phase" != "suite" ]; then
  echo "e2e: package"
  mkdir -p test/e2e/artifacts
  node scripts/package.mjs >test/e2e/artifacts/package.log 2>&1 || { cat test/e2e/artifacts/package.log; exit 1; }
  tail -2 test/e2e/artifacts/package.log
fi

timeout -k 30 600 node out/test/e2e/runner.js --phase "$phase" --vsix factcheck-zh.vsix
echo "e2e: passed in $(( $(date +%s) - started )) s"
