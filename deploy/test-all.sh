#!/usr/bin/env bash
# The whole test suite (README's second command; .ci/run calls it): installs what it needs, then runs
# the Rust runtime's own tests and every vitest suite (unit, stage, end-to-end over the corpus), then the
# "kafka" project (vitest.config.ts): the Kafka tests, one file at a time, against a real broker.
set -euo pipefail
cd "$(dirname "$0")/.."
PORTALIS_WITH_TEST_DEPS=1 bash deploy/ensure-deps.sh
if [ -f runtime/Cargo.toml ] && command -v cargo >/dev/null; then
  echo "== runtime: cargo test" >&2
  (cd runtime && cargo test --quiet --offline 2>&1 | tail -n 20)
fi
echo "== vitest" >&2
report=$(mktemp)
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`)' "$report" || true
rm -f "$report"
exit $status
