"""JupyterLab 3.6's front end (built into build/ by build.sh) served by Debian's jupyter_server and jupyterlab_server.

Started as `jupyter lab` is: `python3 tools/jupyterlab/lab.py [FOLDER] [--ServerApp.OPTION=VALUE ...]`, or through
lab.sh, which builds the front end first. JupyterLab's Python package (which Debian does not package) adds to these
two servers what this file adds: the page's settings, schemas, themes and workspaces folders, MathJax from the
machine rather than a CDN, and the news plugin switched off (its server side lives in that package).
"""
import json
import os

from jupyter_core.paths import jupyter_config_dir
from jupyterlab_server import LabServerApp
from tornado.web import StaticFileHandler

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.join(HERE, "build")
MATHJAX = "/usr/share/javascript/mathjax"  # Debian's libjs-mathjax (MathJax 2.7), as the classic Notebook uses
DISABLED = ["@jupyterlab/apputils-extension:announcements"]

with open(os.path.join(HERE, "package.json"), encoding="utf-8") as package:
    VERSION = json.load(package)["dependencies"]["@jupyterlab/application"]


def _jupyter_server_extension_points():
    return [{"module": __name__, "app": JupyterLab}]


def _page_config(handler, page_config):
    page_config["disabledExtensions"] = sorted(set(page_config.get("disabledExtensions", [])) | set(DISABLED))
    page_config["fullMathjaxUrl"] = handler.base_url + "static/mathjax/MathJax.js"
    return page_config


class JupyterLab(LabServerApp):
    name = "jupyterlab"
    app_name = "JupyterLab"
    app_version = VERSION
    extension_url = "/lab"
    default_url = "/lab"
    load_other_extensions = False
    static_dir = BUILD
    schemas_dir = os.path.join(BUILD, "schemas")
    themes_dir = os.path.join(BUILD, "themes")
    templates_dir = os.path.join(HERE, "templates")
    user_settings_dir = os.path.join(jupyter_config_dir(), "lab", "user-settings")
    workspaces_dir = os.path.join(jupyter_config_dir(), "lab", "workspaces")

    def initialize_handlers(self):
        if not os.path.exists(os.path.join(BUILD, "bundle.js")):
            raise SystemExit(f"lab.py: {BUILD}/bundle.js is missing: build the front end with tools/jupyterlab/build.sh")
        if not os.path.exists(os.path.join(MATHJAX, "MathJax.js")):
            raise SystemExit(f"lab.py: {MATHJAX}/MathJax.js is missing: install Debian's libjs-mathjax")
        self.handlers.append((r"/static/mathjax/(.*)", StaticFileHandler, {"path": MATHJAX}))
        super().initialize_handlers()

    def initialize_settings(self):
        super().initialize_settings()
        self.serverapp.web_app.settings["page_config_hook"] = _page_config


if __name__ == "__main__":
    JupyterLab.launch_instance()
