#!/usr/bin/env bash
# The workbook's set-up command, on a fresh machine of this project's kind (the .NET 10 SDK, Node.js with npm):
#   1. installs what is missing from Debian: Jupyter's client (jupyter-nbconvert, python3-nbclient, jupyter-client),
#      the classic Jupyter Notebook (jupyter-notebook) to open the notebooks in a browser, the servers JupyterLab runs on
#      (python3-jupyterlab-server, with python3-jupyter-server) and MathJax (libjs-mathjax), chromium for the browser
#      checks, python3-nbformat for nbformat's own validator, python3-sklearn for the benchmark peer;
#   2. installs the .NET Interactive kernel at the version .config/dotnet-tools.json pins (dotnet tool restore) and
#      registers it with Jupyter as .net-csharp (".NET (C#)"), the kernel VS Code's Jupyter extension, the Jupyter
#      Notebook and JupyterLab run;
#   3. builds what the notebooks load: the library (lib/BreastCancer.Analysis/bin/BreastCancer.Analysis.dll) and, for
#      notebook 08, the web app's client (lib/BreastCancer.WebApp.Client/bin/BreastCancer.WebApp.Client.dll) and the
#      web app it starts with `dotnet run` (built here, that cell only checks the build: ~4 s instead of ~14 s);
#   4. builds JupyterLab 3.6's front end from the npm packages tools/jupyterlab/package-lock.json pins, which
#      tools/jupyterlab/lab.sh serves (Debian does not package JupyterLab itself).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/jupyter-nbconvert ] || missing+=(jupyter-nbconvert)
[ -x /usr/bin/jupyter-notebook ] || missing+=(jupyter-notebook)
/usr/bin/python3 -c 'import jupyterlab_server' 2>/dev/null || missing+=(python3-jupyterlab-server)
[ -f /usr/share/javascript/mathjax/MathJax.js ] || missing+=(libjs-mathjax)
/usr/bin/python3 -c 'import nbclient' 2>/dev/null || missing+=(python3-nbclient)
/usr/bin/python3 -c 'import jupyter_client' 2>/dev/null || missing+=(jupyter-client)
/usr/bin/python3 -c 'import nbformat' 2>/dev/null || missing+=(python3-nbformat)
/usr/bin/python3 -c 'import sklearn' 2>/dev/null || missing+=(python3-sklearn)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} from Debian"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

echo "setup: installing the .NET Interactive kernel pinned in .config/dotnet-tools.json"
dotnet tool restore
# Each kernel serves its browser-side script on the first free port of this range. The tool's default, 2048-3000,
# holds 2049, which browsers refuse to fetch from (the Fetch standard's bad ports), so a second kernel's page would
# stay without it; 2050-3000 holds no such port.
PATH="/usr/bin:$PATH" dotnet tool run dotnet-interactive jupyter install --http-port-range 2050-3000
PATH="/usr/bin:$PATH" jupyter kernelspec list

echo "setup: building what the notebooks load: the library, the web app's client and the web app"
dotnet build lib/BreastCancer.WebApp.Client --nologo -v q
dotnet build app/BreastCancer.Web --nologo -v q

echo "setup: building JupyterLab's front end (tools/jupyterlab)"
tools/jupyterlab/build.sh
