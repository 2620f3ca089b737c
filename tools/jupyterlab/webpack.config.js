// Builds JupyterLab's page (index.js) into build/bundle.js, and copies each extension's settings schemas and themes
// into build/ where lab.py serves them (@jupyterlab/builder's ensureAssets, which also writes build/style.js).
const path = require('path');
const Build = require('@jupyterlab/builder').Build;
const lab = require('./package.json').jupyterlab;

const build = path.resolve(__dirname, 'build');
const assets = Build.ensureAssets({
  packageNames: [...lab.extensions, ...lab.mimeExtensions],
  output: build,
  hashFunction: 'sha256'
});

const inlineUpTo10kB = mimetype => ({ loader: 'url-loader', options: { limit: 10000, mimetype } });

module.exports = [
  {
    entry: './index.js',
    output: { path: build, filename: 'bundle.js', hashFunction: 'sha256' },
    mode: 'development',
    devtool: false,
    bail: true,
    module: {
      rules: [
        { test: /\.css$/, use: ['style-loader', 'css-loader'] },
        { test: /\.html$/, use: 'file-loader' },
        { test: /\.md$/, use: 'raw-loader' },
        { test: /\.(jpg|png|gif)$/, use: 'file-loader' },
        { test: /\.js\.map$/, use: 'file-loader' },
        { test: /\.woff2(\?v=\d+\.\d+\.\d+)?$/, use: inlineUpTo10kB('application/font-woff') },
        { test: /\.woff(\?v=\d+\.\d+\.\d+)?$/, use: inlineUpTo10kB('application/font-woff') },
        { test: /\.ttf(\?v=\d+\.\d+\.\d+)?$/, use: inlineUpTo10kB('application/octet-stream') },
        { test: /\.eot(\?v=\d+\.\d+\.\d+)?$/, use: 'file-loader' },
        // In style sheets an SVG becomes a data URI; in scripts, its text (JupyterLab's icons).
        { test: /\.svg(\?v=\d+\.\d+\.\d+)?$/, issuer: /\.css$/, use: { loader: 'svg-url-loader', options: { encoding: 'none', limit: 10000 } } },
        { test: /\.svg(\?v=\d+\.\d+\.\d+)?$/, issuer: /\.js$/, use: 'raw-loader' }
      ]
    },
    plugins: [
      // Blueprint and the path polyfill read process.env and process.cwd(), which a page has not.
      new (require('webpack').DefinePlugin)({ 'process.env': '{}', process: { cwd: () => '/' } })
    ]
  },
  ...assets
];
