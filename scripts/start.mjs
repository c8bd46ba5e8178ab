// `npm start`: build the CLI and check the bundled sample with it, then build and serve the task
// pane (webpack-dev-server, https://localhost:3000 when the development certificates can be
// installed, else http). Prints how to sideload into Word; without Word, the browser page with
// the sample loaded. Keeps running until Ctrl+C.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(command, args) {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status ?? 1;
}

// 1. The command-line tool on the sample (what `npm start` did before the add-in existed).
if (step(npm, ['run', '--silent', 'build:cli']) !== 0) process.exit(1);
console.log('\n— 命令行检查示例报告 / CLI check of the bundled sample —');
step(process.execPath, ['bin/nianbao.js', 'lint', 'samples/sample-report.docx']);

// 2. The task pane, built in memory and served.
const webpack = require('webpack');
const WebpackDevServer = require('webpack-dev-server');
const makeConfig = require(join(root, 'webpack.config.js'));
const config = await makeConfig({ WEBPACK_SERVE: true }, { mode: 'development' });
// Our own summary below replaces webpack's asset list and the dev server's banner.
config.stats = 'errors-warnings';
config.infrastructureLogging = { level: 'warn' };
const https = typeof config.devServer.server === 'object' && config.devServer.server.type === 'https';
const origin = `${https ? 'https' : 'http'}://localhost:${config.devServer.port}`;

const compiler = webpack(config);
const server = new WebpackDevServer(config.devServer, compiler);
let printed = false;
compiler.hooks.done.tap('start', (stats) => {
  if (printed || stats.hasErrors()) return;
  printed = true;
  setImmediate(() => console.log(instructions())); // after webpack's own output
});
try {
  await server.start();
} catch (error) {
  console.error(error.code === 'EADDRINUSE'
    ? `端口 ${config.devServer.port} 已被占用：请关闭占用它的程序，或用 DEV_PORT=3001 npm start。\nPort ${config.devServer.port} is in use (set DEV_PORT to use another).`
    : `无法启动开发服务器 / Could not start the dev server: ${error.message}`);
  process.exit(1);
}

function wordInstalled() {
  if (process.platform === 'darwin') return existsSync('/Applications/Microsoft Word.app');
  if (process.platform !== 'win32') return false;
  const dirs = [process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter(Boolean);
  return dirs.some((d) => ['root\\Office16', 'Office16', 'root\\Office15'].some((o) => existsSync(join(d, 'Microsoft Office', o, 'WINWORD.EXE'))));
}

function instructions() {
  const page = `${origin}/taskpane.html?sample=1`;
  const lines = [
    '',
    '════════ 政务公开年报检查 · nianbao-lint 已启动 / is running ════════',
    `浏览器版（无需 Word，已加载示例报告）/ Browser page with the sample:`,
    `  ${page}`,
    '',
    '在 Word 中加载（旁加载）/ Sideload into Word — manifest: manifest.xml',
  ];
  if (!https) lines.push('  注意：Word 加载项需要 https，当前为 http（见上方说明）。/ Word needs https; this server is http (see above).');
  lines.push(
    '  Windows: 把 manifest.xml 放进共享文件夹，在 Word“文件 → 选项 → 信任中心 → 受信任的加载项目录”添加该文件夹，',
    '           重启 Word 后“插入 → 我的加载项 → 共享文件夹”。(or: npx office-addin-debugging start manifest.xml)',
    '  Mac:     复制 manifest.xml 到 ~/Library/Containers/com.microsoft.Word/Data/Documents/wef/ ，重启 Word，“插入 → 我的加载项”。',
    '  网页版 Word on the web: “插入 → 加载项 → 我的加载项 → 上传我的加载项”，选择 manifest.xml。',
  );
  if (!wordInstalled()) lines.push('', `本机未发现 Word：请直接在浏览器中打开 / No Word here — open in a browser: ${page}`);
  lines.push('', '按 Ctrl+C 停止 / Press Ctrl+C to stop.', '');
  return lines.join('\n');
}
