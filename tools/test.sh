#!/usr/bin/env bash
# The workbook's test command: everything, on a fresh machine of this project's kind.
#   1. runs the set-up command (tools/setup.sh): Debian's Jupyter client, chromium, nbformat and scikit-learn where
#      missing, the .NET Interactive kernel pinned in .config/dotnet-tools.json registered with Jupyter, the library
#      and the web app's client that the notebooks load;
#   2. checks formatting against .editorconfig (dotnet format --verify-no-changes);
#   3. builds with warnings as errors and runs every test: the library, the fast scorer, the web app, the benchmark
#      harness, the runner, every notebook through the runner and through Jupyter's own client in the .net-csharp kernel, and the
#      exports in headless Chromium;
#   4. lints the web app's OpenAPI document, which the web app's tests wrote to artifacts/openapi/v1.json, with the
#      Redocly CLI pinned in tools/openapi-lint (its recommended rules, warnings counted as errors).
set -euo pipefail
cd "$(dirname "$0")/.."

tools/setup.sh

echo "test: checking formatting"
dotnet format BreastCancer.slnx --verify-no-changes

echo "test: building and running the tests"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
rm -f artifacts/openapi/v1.json
dotnet test BreastCancer.slnx --nologo 2>&1 | tee "$log" || status=$?

echo "test: linting the OpenAPI document"
tools/openapi-lint/lint.sh artifacts/openapi/v1.json || status=$?

# One closing line for the whole suite, summed over the test assemblies.
awk '/(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
if [ "$status" -eq 0 ] && ! grep -qE "(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[1-9]" "$log"; then
  echo "test: no test ran" >&2
  exit 1
fi
exit "$status"
