import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samePath, writeFileAtomic } from '../src/cli/io';
import { EXIT_UNREADABLE_OR_USAGE, runCli } from '../src/cli/main';
import { DocumentReadError, readDocument } from '../src/docmodel';
import { readZipArchive, compressedData } from '../src/docmodel/zip-archive';
import { lintDocx } from '../src/engine';
import { fixAllDocx } from '../src/hosts/docx';
import { buildSeedDocx } from './support/fixtures';
import { testHost } from './taskpane/support';
import { craftEntriesOf, craftZip, partsOf, withDocumentXml, zeroBomb } from './support/fixtures/package-craft';

const CURRENT_YEAR = 2026;
const GB = 1024;
const tooLarge = (e: unknown) => e instanceof DocumentReadError && e.code === 'too-large' && /^文件过大/.test(e.message);

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readFile: (p) => readFileSync(p), writeFileAtomic, samePath, currentYear: CURRENT_YEAR });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('size limits: hostile packages are refused quickly and clearly', () => {
  let seed: Uint8Array;
  let dir: string;
  /** The seed's main part replaced by 3 GB of zeros that honestly declare their size. */
  let declaredBomb: Uint8Array;
  /** The seed's main part replaced by gigabytes of zeros declared as 1 KB; the stream breaks after 3 GB. */
  let lyingBomb: Uint8Array;

  before(async () => {
    seed = await buildSeedDocx('004');
    dir = mkdtempSync(join(tmpdir(), 'nianbao-limits-'));
    const withMain = (deflated: { stream: Uint8Array; declaredSize: number }) =>
      craftZip(craftEntriesOf(seed).map((e) => (e.name === 'word/document.xml' ? { name: e.name, deflated } : e)));
    declaredBomb = withMain({ stream: zeroBomb(3 * GB, true), declaredSize: 3 * GB * 1024 * 1024 });
    lyingBomb = withMain({ stream: zeroBomb(3 * GB, true), declaredSize: 1024 });
    writeFileSync(join(dir, 'declared.docx'), declaredBomb);
    writeFileSync(join(dir, 'lying.docx'), lyingBomb);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the bombs are small files', () => {
    assert.ok(declaredBomb.length < 8 * 1024 * 1024, `${declaredBomb.length}`);
  });

  it('a part declaring more than the limit is refused by its declared size, before inflating', () => {
    // With a 1 GB part limit, inflating would reach the broken end of the stream and say "corrupt";
    // "too large" can only come from the declared 3 GB.
    const limits = { maxPartBytes: 1024 * 1024 * 1024, maxTotalBytes: 1024 * 1024 * 1024 };
    assert.throws(() => lintDocx(declaredBomb, { currentYear: CURRENT_YEAR, limits }), tooLarge);
    assert.throws(() => fixAllDocx(declaredBomb, { currentYear: CURRENT_YEAR, limits }), tooLarge);
  });

  it('a part whose declared size lies is refused while inflating, as soon as it passes the limit', () => {
    // Inflating everything would hit the broken end after 3 GB and say "corrupt" (or run out of memory).
    assert.throws(() => readDocument(lyingBomb), tooLarge);
    assert.throws(() => fixAllDocx(lyingBomb, { currentYear: CURRENT_YEAR }), tooLarge);
  });

  it('the CLI says 文件过大 with exit 2 for lint and fix, never “utf-8” or 内部错误, and writes nothing', () => {
    for (const name of ['declared.docx', 'lying.docx']) {
      const lint = run(['lint', join(dir, name)]);
      assert.equal(lint.code, EXIT_UNREADABLE_OR_USAGE);
      assert.match(lint.stdout, /无法读取：文件过大/);
      assert.doesNotMatch(lint.stdout + lint.stderr, /utf-8|内部错误/i);
      const fix = run(['fix', join(dir, name), '-o', join(dir, `${name}.out.docx`)]);
      assert.equal(fix.code, EXIT_UNREADABLE_OR_USAGE);
      assert.match(fix.stderr, /文件过大/);
    }
    assert.deepEqual(readdirNames(dir), ['declared.docx', 'lying.docx']);
  });

  it('--max-part-mb and --max-total-mb lower or raise the limits', () => {
    writeFileSync(join(dir, 'seed.docx'), seed);
    try {
      assert.equal(run(['lint', join(dir, 'seed.docx')]).code, 1); // 004 has errors, and is read
      const small = run(['lint', join(dir, 'seed.docx'), '--max-part-mb', '0.001']);
      assert.equal(small.code, EXIT_UNREADABLE_OR_USAGE);
      assert.match(small.stdout, /文件过大：部件 word\/document\.xml/);
      const tinyFile = run(['lint', join(dir, 'seed.docx'), '--max-total-mb', '0.001', '--max-part-mb', '0.001']);
      assert.match(tinyFile.stdout, /文件过大/);
      const bad = run(['lint', join(dir, 'seed.docx'), '--max-part-mb', 'lots']);
      assert.equal(bad.code, EXIT_UNREADABLE_OR_USAGE);
      assert.match(bad.stderr, /--max-part-mb 需要一个正数/);
      // Raised above the declared size, the declared bomb is inflated (and stops at its broken end, a few MB in).
      writeFileSync(join(dir, 'small-bomb.docx'), craftZip(craftEntriesOf(seed).map((e) => (e.name === 'word/document.xml' ? { name: e.name, deflated: { stream: zeroBomb(4, true), declaredSize: 100 * 1024 * 1024 } } : e))));
      assert.match(run(['lint', join(dir, 'small-bomb.docx')]).stdout, /文件过大/);
      const raised = run(['lint', join(dir, 'small-bomb.docx'), '--max-part-mb', '200']);
      assert.match(raised.stdout, /文件已损坏/);
      rmSync(join(dir, 'small-bomb.docx'));
    } finally {
      rmSync(join(dir, 'seed.docx'));
    }
  });

  it('fix copies the parts it does not edit without inflating them (byte for byte)', () => {
    // An image part whose data is not even a valid deflate stream: inflating it would fail.
    const undecodable = { name: 'word/media/broken.bin', deflated: { stream: new Uint8Array([0xff, 0xfe, 0xfd, 0xfc]), declaredSize: 3 * 1024 * 1024 * 1024 } };
    const docx = craftZip([...craftEntriesOf(seed), undecodable]);
    assert.equal(lintDocx(docx, { currentYear: CURRENT_YEAR }).diagnostics.length, 5);
    const fixed = fixAllDocx(docx, { currentYear: CURRENT_YEAR });
    assert.equal(fixed.applied.length, 5);
    const before = readZipArchive(docx);
    const after = readZipArchive(fixed.bytes);
    assert.deepEqual(after.entries.map((e) => e.name), before.entries.map((e) => e.name));
    for (const entry of before.entries) {
      const out = after.entries.find((e) => e.name === entry.name)!;
      const same = Buffer.from(compressedData(after, out)).equals(Buffer.from(compressedData(before, entry)));
      assert.equal(same, entry.name !== 'word/document.xml', entry.name);
    }
    assert.deepEqual(lintDocx(fixed.bytes, { currentYear: CURRENT_YEAR }).diagnostics, []);
  });

  it('XML in another declared encoding (GB2312) or with bytes that are not UTF-8 is read, not refused as “utf-8”', () => {
    const gbkDeclared = withDocumentXml(seed, (xml) => xml.replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="GB2312" standalone="yes"?>'));
    const gbkBytes = partsOf(gbkDeclared).map(([n, b]): [string, Uint8Array] => [n, n === 'word/document.xml' ? encodeGbk(new TextDecoder().decode(b)) : b]);
    const gbk = craftZip(gbkBytes.map(([name, data]) => ({ name, data })));
    const expected = lintDocx(seed, { currentYear: CURRENT_YEAR }).diagnostics.map((d) => d.message);
    assert.deepEqual(lintDocx(gbk, { currentYear: CURRENT_YEAR }).diagnostics.map((d) => d.message), expected);
    // Fixed, the part is written as UTF-8 and says so.
    const fixed = fixAllDocx(gbk, { currentYear: CURRENT_YEAR });
    assert.equal(fixed.applied.length, 5);
    assert.deepEqual(lintDocx(fixed.bytes, { currentYear: CURRENT_YEAR }).diagnostics, []);
    assert.match(new TextDecoder().decode(new Map(partsOf(fixed.bytes)).get('word/document.xml')!.subarray(0, 100)), /encoding="UTF-8"/);
    const broken = withDocumentXml(seed, (xml) => xml.replace('</w:body>', '<w:p><w:r><w:t>\uFFFD</w:t></w:r></w:p></w:body>'));
    const invalidUtf8 = craftZip(partsOf(broken).map(([name, data]) => ({ name, data: name === 'word/document.xml' ? replaceBytes(data, [0xef, 0xbf, 0xbd], [0xc3, 0x28, 0x20]) : data })));
    assert.equal(lintDocx(invalidUtf8, { currentYear: CURRENT_YEAR }).diagnostics.length, 5);
  });

  it('the browser page refuses an over-large file before reading it, and a bomb while opening it, keeping the open document', async () => {
    const { host, controls } = testHost();
    await controls.open(seed, '某镇年报.docx');
    let read = false;
    const huge = { name: '巨大.docx', size: 300 * 1024 * 1024, arrayBuffer: async () => { read = true; return new ArrayBuffer(0); } } as unknown as Blob & { name: string };
    await assert.rejects(controls.openFile(huge), tooLarge);
    assert.equal(read, false);
    await assert.rejects(controls.open(lyingBomb, 'bomb.docx'), tooLarge);
    await assert.rejects(controls.open(declaredBomb, 'bomb.docx'), tooLarge);
    assert.equal(controls.currentFileName(), '某镇年报.docx');
    assert.equal((await host.check({ currentYear: CURRENT_YEAR, reportYear: null, trackChanges: false, comments: false })).lint.diagnostics.length, 5);
  });

  it('findings are capped per rule, with one more finding counting the rest', async () => {
    // Every 0 in the report's tables blanked: well over a hundred empty cells.
    const blank = withDocumentXml(await buildSeedDocx('002'), (xml) => xml.replace(/<w:t([^>]*)>0<\/w:t>/g, '<w:t$1></w:t>'));
    const all = lintDocx(blank, { currentYear: CURRENT_YEAR, maxFindingsPerRule: 10_000 }).diagnostics.filter((d) => d.rule === 'empty-cell');
    assert.ok(all.length > 20, `${all.length}`);
    const capped = lintDocx(blank, { currentYear: CURRENT_YEAR, maxFindingsPerRule: 20 }).diagnostics.filter((d) => d.rule === 'empty-cell');
    assert.equal(capped.length, 21);
    assert.deepEqual(capped.slice(0, 20).map((d) => d.message), all.slice(0, 20).map((d) => d.message));
    assert.match(capped[20].message, new RegExp(`还有 ${all.length - 20} 处未列出`));
    assert.equal(capped[20].fix, null);
  });
});

const readdirNames = (dir: string) => readdirSync(dir).sort();

function replaceBytes(data: Uint8Array, from: number[], to: number[]): Uint8Array {
  const out = Buffer.from(data);
  const at = out.indexOf(Buffer.from(from));
  assert.ok(at >= 0);
  Buffer.from(to).copy(out, at);
  return new Uint8Array(out);
}

/** GBK bytes of a text (Node has a GBK decoder but no encoder: build the table from the decoder). */
function encodeGbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(bytes);
}

describe('lint and fix agree on a broken package', () => {
  it('an entry whose data is not where the directory says makes both say 文件已损坏, even a part lint would not read', async () => {
    const seed = await buildSeedDocx('002');
    const docx = craftZip(craftEntriesOf(seed));
    const archive = readZipArchive(docx);
    const unread = archive.entries.find((e) => e.name === 'docProps/app.xml')!;
    const broken = new Uint8Array(docx);
    broken[unread.headerOffset] = 0; // the local header's signature
    const corrupt = (e: unknown) => e instanceof DocumentReadError && e.code === 'corrupt';
    assert.throws(() => lintDocx(broken, { currentYear: CURRENT_YEAR }), corrupt);
    assert.throws(() => fixAllDocx(broken, { currentYear: CURRENT_YEAR }), corrupt);
  });
});
