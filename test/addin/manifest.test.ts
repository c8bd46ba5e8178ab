import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkManifest } from '../support/manifest-check';

const ROOT = resolve(__dirname, '../..');
const commandsSource = readFileSync(join(ROOT, 'src/hosts/word/ribbon.ts'), 'utf8');

describe('add-in manifest (offline check)', () => {
  it('manifest.xml passes: GUID id, https URLs, Word host, WordApi ≥ 1.3, ReadWriteDocument, icons present, fixAll wired', () => {
    assert.deepEqual(checkManifest(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'), { assetsDir: join(ROOT, 'assets'), commandsSource }), []);
  });

  it('the icons are real PNGs of the declared sizes', () => {
    for (const size of [16, 32, 64, 80]) {
      const png = readFileSync(join(ROOT, 'assets', `icon-${size}.png`));
      assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [size, size]);
    }
  });

  it('the check catches what it should', () => {
    const good = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
    const bad = good
      .replace(/<Id>[^<]*<\/Id>/, '<Id>not-a-guid</Id>')
      .replace('https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>', 'http://localhost:3000/taskpane.html"/>\n  </DefaultSettings>')
      .replace('MinVersion="1.3"/>', 'MinVersion="1.1"/>')
      .replace('ReadWriteDocument', 'ReadDocument')
      .replace('icon-16.png', 'icon-17.png')
      .replace('<FunctionName>fixAll</FunctionName>', '<FunctionName>fixEverything</FunctionName>');
    const problems = checkManifest(bad, { assetsDir: join(ROOT, 'assets'), commandsSource }).join('\n');
    for (const expected of ['not a GUID', 'not https', 'below 1.3', 'not ReadWriteDocument', 'icon-17.png is missing', 'FunctionName fixAll', "associate 'fixEverything'"]) {
      assert.ok(problems.includes(expected), `reports “${expected}” in:\n${problems}`);
    }
  });

  const built = join(ROOT, 'dist/manifest.xml');
  (existsSync(built) ? it : it.skip)('dist/manifest.xml (the web build) passes too', () => {
    assert.deepEqual(checkManifest(readFileSync(built, 'utf8'), { assetsDir: join(ROOT, 'dist/assets') }), []);
  });
});
