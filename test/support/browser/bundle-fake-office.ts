import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import webpack from 'webpack';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Bundles ./fake-office.ts for the browser (webpack's Node API, as the add-in is built) and returns
 * the script text; it defines `window.__fakeOffice` ({ install, selection, calls, documentBase64 }).
 */
export async function bundleFakeOffice(): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), 'nianbao-fake-office-'));
  try {
    const compiler = webpack({
      context: ROOT,
      entry: path.join(__dirname, 'fake-office.ts'),
      mode: 'development',
      devtool: false,
      target: 'web',
      module: {
        rules: [{ test: /\.tsx?$/, exclude: /node_modules/, loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: false } } }],
      },
      resolve: { extensions: ['.ts', '.tsx', '.js'] },
      output: { path: out, filename: 'fake-office.js', library: { type: 'window', name: '__fakeOffice' } },
      performance: { hints: false },
    });
    const stats = await new Promise<webpack.Stats>((resolve, reject) => {
      compiler.run((error, result) => {
        compiler.close(() => undefined);
        if (error || !result) reject(error ?? new Error('webpack gave no result'));
        else resolve(result);
      });
    });
    if (stats.hasErrors()) throw new Error(`bundling the fake Office failed:\n${stats.toString({ all: false, errors: true })}`);
    return readFileSync(path.join(out, 'fake-office.js'), 'utf8');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
