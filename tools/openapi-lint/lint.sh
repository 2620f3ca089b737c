#!/usr/bin/env bash
# Lints the web app's OpenAPI document with the Redocly CLI that package-lock.json pins, by the rules of redocly.yaml
# beside this script (the recommended ones, warnings counted as errors).
#
#   tools/openapi-lint/lint.sh [FILE]   a saved document; by default artifacts/openapi/v1.json, which the web app's
#                                       tests write from the app in memory (OpenApiContractTests)
#   tools/openapi-lint/lint.sh URL      the document of a running app, e.g. http://127.0.0.1:5080/openapi/v1.json
#
# Installs the CLI from the lock file first (npm ci) unless that version is already installed. Exit code 0 when the
# document has no problem, non-zero otherwise.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source="${1:-$root/artifacts/openapi/v1.json}"

if [[ "$source" =~ ^https?:// ]]; then
  document="$(mktemp --suffix=.json)"
  trap 'rm -f "$document"' EXIT
  curl -fsS --max-time 60 "$source" -o "$document"
elif [ -f "$source" ]; then
  document="$source"
else
  echo "openapi-lint: no document at $source; the web app's tests write it:" >&2
  echo "  dotnet test tests/BreastCancer.Web.Tests --filter FullyQualifiedName~OpenApiContractTests" >&2
  exit 2
fi

pinned="$(node -p "require('$here/package-lock.json').packages['node_modules/@redocly/cli'].version")"
installed="$(node -p "try { require('$here/node_modules/@redocly/cli/package.json').version } catch { '' }")"
if [ "$installed" != "$pinned" ]; then
  echo "openapi-lint: installing @redocly/cli $pinned from package-lock.json"
  (cd "$here" && npm ci --ignore-scripts --prefer-offline --no-audit --no-fund --loglevel=error)
fi

echo "openapi-lint: linting $source"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  "$here/node_modules/.bin/redocly" lint --config "$here/redocly.yaml" --max-problems 1000 "$document"
