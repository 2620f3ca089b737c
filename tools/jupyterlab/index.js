// JupyterLab's page: the application shell with the plugins of the extensions package.json lists, as JupyterLab 3.6
// assembles them, leaving out those page_config disables (lab.py disables the ones whose server side is in
// JupyterLab's Python package, which is not installed here).
import { JupyterLab } from '@jupyterlab/application';
import { PageConfig } from '@jupyterlab/coreutils';

// Assets (fonts, images) load from the server's static folder for this app; set before the styles load.
__webpack_public_path__ = PageConfig.getOption('fullStaticUrl') + '/';

// build/style.js imports each extension's styles; @jupyterlab/builder writes it (webpack.config.js).
const styles = import('./build/style.js');

const extensions = [
  import('@jupyterlab/application-extension'),
  import('@jupyterlab/apputils-extension'),
  import('@jupyterlab/cell-toolbar-extension'),
  import('@jupyterlab/celltags-extension'),
  import('@jupyterlab/codemirror-extension'),
  import('@jupyterlab/completer-extension'),
  import('@jupyterlab/console-extension'),
  import('@jupyterlab/csvviewer-extension'),
  import('@jupyterlab/docmanager-extension'),
  import('@jupyterlab/documentsearch-extension'),
  import('@jupyterlab/filebrowser-extension'),
  import('@jupyterlab/fileeditor-extension'),
  import('@jupyterlab/help-extension'),
  import('@jupyterlab/htmlviewer-extension'),
  import('@jupyterlab/imageviewer-extension'),
  import('@jupyterlab/inspector-extension'),
  import('@jupyterlab/launcher-extension'),
  import('@jupyterlab/logconsole-extension'),
  import('@jupyterlab/mainmenu-extension'),
  import('@jupyterlab/markdownviewer-extension'),
  import('@jupyterlab/mathjax2-extension'),
  import('@jupyterlab/notebook-extension'),
  import('@jupyterlab/rendermime-extension'),
  import('@jupyterlab/running-extension'),
  import('@jupyterlab/settingeditor-extension'),
  import('@jupyterlab/shortcuts-extension'),
  import('@jupyterlab/statusbar-extension'),
  import('@jupyterlab/theme-dark-extension'),
  import('@jupyterlab/theme-light-extension'),
  import('@jupyterlab/toc-extension'),
  import('@jupyterlab/tooltip-extension'),
  import('@jupyterlab/translation-extension'),
  import('@jupyterlab/ui-components-extension')
];

const mimeExtensions = [
  import('@jupyterlab/javascript-extension'),
  import('@jupyterlab/json-extension'),
  import('@jupyterlab/pdf-extension')
];

/** The plugins a module exports (one or an array), without those page_config disables. */
function enabled(module) {
  const exported = module.default;
  const plugins = Array.isArray(exported) ? exported : [exported];
  return plugins.filter(plugin => !PageConfig.Extension.isDisabled(plugin.id));
}

window.addEventListener('load', async () => {
  await styles;
  const lab = new JupyterLab({
    mimeExtensions: (await Promise.all(mimeExtensions)).flatMap(enabled)
  });
  lab.registerPlugins((await Promise.all(extensions)).flatMap(enabled));
  await lab.start();
  await lab.restored;
});
