import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import webpack from 'webpack';

const ROOT = path.resolve(__dirname, '../../..');

/** Bundles ./browser-entry.ts for the page (as the add-in is built); it defines `window.__fakeWps`. */
export async function bundleFakeWps(): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), 'nianbao-fake-wps-'));
  try {
    const compiler = webpack({
      context: ROOT,
      entry: path.join(__dirname, 'browser-entry.ts'),
      mode: 'development',
      devtool: false,
      target: 'web',
      module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: false } } }] },
      resolve: { extensions: ['.ts', '.tsx', '.js'] },
      output: { path: out, filename: 'fake-wps.js', library: { type: 'window', name: '__fakeWps' } },
      performance: { hints: false },
    });
    const stats = await new Promise<webpack.Stats>((resolve, reject) => {
      compiler.run((error, result) => {
        compiler.close(() => undefined);
        if (error || !result) reject(error ?? new Error('webpack gave no result'));
        else resolve(result);
      });
    });
    if (stats.hasErrors()) throw new Error(`bundling the fake WPS failed:\n${stats.toString({ all: false, errors: true })}`);
    return readFileSync(path.join(out, 'fake-wps.js'), 'utf8');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
