#!/usr/bin/env bash
# JupyterLab on this machine, started as `jupyter lab` is: `tools/jupyterlab/lab.sh [FOLDER] [OPTION ...]`, e.g.
# `tools/jupyterlab/lab.sh notebooks/`. It prints an address with a token to open in a browser; Ctrl+C stops it.
# The front end is JupyterLab 3.6's, built by build.sh (first, if needed); lab.py serves it with Debian's
# jupyter_server and jupyterlab_server. As root, add --allow-root. Options are jupyter_server's
# (--port=8889, --no-browser, --ServerApp.token=...).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/build.sh"
exec /usr/bin/python3 "$here/lab.py" "$@"
