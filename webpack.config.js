/* eslint-disable */
// The add-in's web build: the task pane (Word and standalone browser page) and, when present, the
// ribbon's function commands. The CLI is built separately by tsc into dist/node (kept by `clean`).
//
// Options (environment variables):
//   OFFICE_JS=local   self-host office.js: copy node_modules/@microsoft/office-js/dist/ to
//                     dist/office-js/ and load it from there (for intranets without internet).
//                     Default: Microsoft's CDN.
//   DEV_HTTPS=off     dev server: plain http, do not try the development certificates.
//   DEV_PORT=3000     dev server port.
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const root = __dirname;
const exists = (p) => fs.existsSync(path.join(root, p));
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CERT_TIMEOUT_MS = 30000;

/**
 * office-addin-dev-certs installs its CA with `sudo` through execSync: run it in a detached child
 * (no terminal, so sudo cannot prompt) with a timeout, so a build never waits for a password.
 * Resolves to { ca, cert, key } or to { error } explaining why https is not available.
 */
function devCertificates() {
  const script = `
    require('office-addin-dev-certs').getHttpsServerOptions()
      .then((o) => process.stdout.write(JSON.stringify({ ca: String(o.ca), cert: String(o.cert), key: String(o.key) })))
      .catch((e) => { process.stderr.write(String(e && e.message || e)); process.exit(1); });`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SUDO_ASKPASS: '/bin/false' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch {}
      resolve({ error: `证书安装超时（${CERT_TIMEOUT_MS / 1000} 秒）` });
    }, CERT_TIMEOUT_MS);
    child.on('error', (e) => { clearTimeout(timer); resolve({ error: e.message }); });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) {
        try { return resolve(JSON.parse(out)); } catch {}
      }
      resolve({ error: (err.trim().split('\n')[0] || `退出码 ${code}`).slice(0, 300) });
    });
  });
}

async function devServerOptions(port) {
  const base = {
    port,
    // Only this machine: the page handles documents; nothing is offered to the network.
    host: 'localhost',
    headers: { 'Access-Control-Allow-Origin': '*' },
    client: { overlay: { errors: true, warnings: false } },
    static: false,
  };
  if (process.env.DEV_HTTPS === 'off') return { ...base, server: 'http' };
  const certs = await devCertificates();
  if (!certs.error) return { ...base, server: { type: 'https', options: certs } };
  console.warn([
    '',
    `[dev-server] 无法使用 https 开发证书：${certs.error}`,
    '[dev-server] 改用 http 提供服务：浏览器版可以直接使用；Word 加载项需要 https——',
    '[dev-server] 请以管理员身份运行 `npx office-addin-dev-certs install` 后重新启动。',
    `[dev-server] Could not install the dev certificates (${certs.error}); serving plain http.`,
    '[dev-server] The browser page works; sideloading into Word needs https (run `npx office-addin-dev-certs install` as an administrator).',
    '',
  ].join('\n'));
  return { ...base, server: 'http' };
}

/**
 * The WPS 加载项 package, written to dist/wps/: ribbon.xml, main.js (ribbon callbacks) with the
 * background page index.html, taskpane.html, images, and in deploy/ the files for installing it
 * (publish.xml, jsplugins.xml, an oem.ini excerpt) with this version filled in.
 */
const WPS_ADDIN = {
  name: 'nianbao_lint',
  entries: { 'wps/main': './src/wps-addin/main.ts', 'wps/taskpane': './src/wps-addin/taskpane.tsx' },
  pages: () => [
    // The templates load their script by a path relative to the page (inject: false), so the
    // folder may be renamed as WPS's offline install wants (nianbao_lint_<version>).
    new HtmlWebpackPlugin({ filename: 'wps/taskpane.html', template: './src/wps-addin/taskpane.html', inject: false }),
    new HtmlWebpackPlugin({ filename: 'wps/index.html', template: './src/wps-addin/index.html', inject: false }),
  ],
  copies() {
    const { version } = require('./package.json');
    const fill = (content) => content.toString().replace(/\{\{name\}\}/g, WPS_ADDIN.name).replace(/\{\{version\}\}/g, version);
    return [
      { from: 'src/wps-addin/ribbon.xml', to: 'wps/ribbon.xml' },
      { from: 'src/wps-addin/images', to: 'wps/images' },
      { from: 'src/wps-addin/deploy', to: 'wps/deploy', transform: fill },
    ];
  },
};

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const localOfficeJs = process.env.OFFICE_JS === 'local';
  const officeJsUrl = localOfficeJs ? 'office-js/office.js' : CDN_OFFICE_JS;
  const hasCommands = exists('src/commands/commands.ts');

  // review.html: the reviewer's page (many reports at once), a page of its own beside the task pane.
  const entry = { taskpane: './src/taskpane/index.tsx', review: './src/review-page/index.tsx' };
  if (hasCommands) entry.commands = './src/commands/commands.ts';
  // The WPS 加载项 (dist/wps/): its own task pane page and main.js with the ribbon's callbacks.
  Object.assign(entry, WPS_ADDIN.entries);

  const pages = [
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './src/taskpane/taskpane.html',
      chunks: ['taskpane'],
      templateParameters: { officeJsUrl },
    }),
    new HtmlWebpackPlugin({ filename: 'review.html', template: './src/review-page/review.html', chunks: ['review'] }),
  ];
  if (hasCommands && exists('src/commands/commands.html')) {
    pages.push(new HtmlWebpackPlugin({
      filename: 'commands.html',
      template: './src/commands/commands.html',
      chunks: ['commands'],
      templateParameters: { officeJsUrl },
    }));
  }

  pages.push(...WPS_ADDIN.pages());

  const copies = [...WPS_ADDIN.copies()];
  if (exists('manifest.xml')) copies.push({ from: 'manifest.xml', to: 'manifest.xml' });
  if (exists('assets')) copies.push({ from: 'assets', to: 'assets', noErrorOnMissing: true }); // may still be empty
  // Copied as published: marked minimized so Terser leaves Microsoft's files alone (and the build stays fast).
  if (localOfficeJs) copies.push({ from: 'node_modules/@microsoft/office-js/dist', to: 'office-js', info: { minimized: true } });

  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-source-map',
    context: root,
    entry,
    output: {
      path: path.join(root, 'dist'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      assetModuleFilename: 'assets/[name][ext]',
      // dist/node holds the CLI build (tsc): never delete it.
      clean: { keep: /^node\// },
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        // Type-checking runs separately (npm run typecheck); here only transpile.
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', noEmit: false, sourceMap: true } } } },
        { test: /\.docx$/, type: 'asset/resource', generator: { filename: 'samples/[name][ext]' } },
      ],
    },
    plugins: [...pages, ...(copies.length ? [new CopyWebpackPlugin({ patterns: copies })] : [])],
    // Fluent UI makes a large bundle; it is served locally, so size warnings are noise.
    performance: { hints: false },
    devServer: env.WEBPACK_SERVE ? await devServerOptions(Number(process.env.DEV_PORT || 3000)) : undefined,
  };
};
