#!/usr/bin/env bash
# The whole benchmark comparison of issue 10, written to bench/results.md:
#   1. installs what the peer and the measurements need from Debian where it is missing (python3-sklearn,
#      python3-flask, gunicorn, wrk, GNU time);
#   2. builds the web app as notebook 08 runs it (Debug), the benchmarks, the web app and the notebook runner in
#      Release, and runs `bench all`, passing on its options (--runs N, --study-runs N, --only KEY,..., --out FILE).
#      Run it on an otherwise idle machine: about 20 minutes, plus about 12 minutes per run of the whole study (both
#      sides; 5 runs unless --study-runs N).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
/usr/bin/python3 -c 'import sklearn' 2>/dev/null || missing+=(python3-sklearn)
/usr/bin/python3 -c 'import flask' 2>/dev/null || missing+=(python3-flask)
[ -x /usr/bin/gunicorn ] || missing+=(gunicorn)
[ -x /usr/bin/wrk ] || missing+=(wrk)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench: installing ${missing[*]} from Debian"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# "Warm" means built: notebook 08 starts the web app with `dotnet run` (the Debug build), so build that here too, or
# the study's first run would time a rebuild of the app after any change to the library.
dotnet build app/BreastCancer.Web --nologo -v q
exec dotnet run -c Release --project bench/BreastCancer.Bench -- all "$@"
