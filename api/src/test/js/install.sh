#!/bin/sh
# Installs the suite's Node tools when npm is on this machine: jsonstat-toolkit, the JSON-stat client that
# JsonStatToolkitTest reads our answers back with, and Spectral, which SpecLintTest lints the spec with.
# Run by Maven before the tests, so the README's one test command covers them. Without npm it only
# warns: those tests then skip, or fail where TIPX_REQUIRE_NODE_TOOLS=1
# (as in CI), so a missing client is never mistaken for a passing check.
cd "$(dirname "$0")" || exit 1
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: JsonStatToolkitTest and SpecLintTest will not run (install Node.js 20+ to run it)" >&2
  exit 0
fi
# A dependency of Spectral's asks to report the install to its vendor from a postinstall script: no.
SCARF_ANALYTICS=false npm ci --no-audit --no-fund --silent || echo "npm ci failed: JsonStatToolkitTest and SpecLintTest will not run" >&2
exit 0
