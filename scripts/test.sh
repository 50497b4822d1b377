#!/usr/bin/env bash
# `npm test`: everything, in the order that fails fastest — typecheck, lint, unit tests,
# integration tests on PGlite and on PostgreSQL, production build, end-to-end in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

# Chromium and a PostgreSQL server come from Debian; install them when missing (as root),
# or stop at once saying what to install.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ${missing[*]} from Debian…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing ${missing[*]}: install with 'sudo apt-get install -y ${missing[*]}' and run npm test again." >&2
    exit 1
  fi
fi

mkdir -p tests/.tmp
step() { printf '\n== %s ==\n' "$1"; }

step "typecheck"
npx tsc --noEmit && npx tsc --noEmit -p app/offline/sw
step "lint"
npx eslint --max-warnings=0 .
step "unit and integration tests (PGlite and PostgreSQL)"
npx vitest run --reporter=default --reporter=json --outputFile.json=tests/.tmp/vitest.json
step "build"
npm run build --silent
step "end-to-end (Chromium, JavaScript on and off)"
PLAYWRIGHT_JSON_OUTPUT_NAME=tests/.tmp/playwright.json npx playwright test --reporter=list,json

step "reliability (officers under load while the server is killed and PostgreSQL stopped)"
# A CI-sized run; `npm run test:reliability` alone runs the full 200 officers.
npm run test:reliability --silent -- --officers 50 --report tests/.tmp/reliability.json

node scripts/test-summary.js tests/.tmp/vitest.json tests/.tmp/playwright.json tests/.tmp/reliability.json
