#!/usr/bin/env bash
# Builds JupyterLab 3.6's front end into build/ (bundle.js, the extensions' settings schemas and themes): installs the
# npm packages package-lock.json pins (npm ci), then webpack. Does nothing when build/ is newer than every input, so
# the set-up command and lab.sh can call it each time. 16 s here with npm's cache warm, most of it npm ci.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

inputs=(package.json package-lock.json index.js webpack.config.js)
if [ -f build/bundle.js ] && [ -z "$(find "${inputs[@]}" -newer build/bundle.js)" ]; then
  exit 0
fi

echo "jupyterlab: installing the front end's npm packages from package-lock.json"
npm ci --prefer-offline --no-audit --no-fund --loglevel=error
echo "jupyterlab: building the front end into $here/build"
rm -rf build
npx --no-install webpack --no-stats
