import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/main';
import { samePath, writeFileAtomic, type CliIo } from '../src/cli/io';
import { buildSeedDocx, replaceParagraph, SEED_IDS } from './support/fixtures';

/** Batches in worker threads (issue 14/15): the same output, in the same order, as in one thread. */

async function run(argv: string[], threads: CliIo['threads']) {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  const code = await runCli(argv, {
    stdout: (t) => out.push(t), stderr: (t) => err.push(t), readFile: (p) => readFileSync(p), writeFileAtomic, samePath,
    currentYear: 2026, now: () => new Date(2026, 0, 15, 9, 30), progress: (t) => progress.push(t), threads,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n'), progress };
}

describe('CLI: large batches in worker threads', function () {
  this.timeout(180000);
  // All files through the two workers (this thread only hands them out), so the workers' results are what is compared.
  const WORKERS = { count: 2, minBatch: 1, thisThreadToo: false };
  let dir: string;
  const warnings: Error[] = [];
  const onWarning = (w: Error) => warnings.push(w);
  before(() => process.on('warning', onWarning));
  after(() => process.off('warning', onWarning));
  afterEach(() => assert.deepEqual(warnings.map((w) => w.message), [], 'the workers ran (no fallback to one thread)'));
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-batch-'));
    // Files of different sizes and findings, so workers finish them out of order.
    let n = 0;
    for (const id of SEED_IDS) {
      writeFileSync(join(dir, `${String(n++).padStart(2, '0')}-${id}.docx`), await buildSeedDocx(id));
      writeFileSync(join(dir, `${String(n++).padStart(2, '0')}-${id}-2023.docx`), await buildSeedDocx(id, (s) => {
        try {
          return replaceParagraph(s, '2024年度政府信息公开工作年度报告', '2023年度政府信息公开工作年度报告');
        } catch {
          return s;
        }
      }));
    }
    writeFileSync(join(dir, `${n++}-broken.docx`), 'PK\u0003\u0004 broken');
    writeFileSync(join(dir, `${n++}-notes.pdf`), '%PDF-1.4');
  });

  it('lint: the JSON output and exit code with workers equal those of one thread', async () => {
    const single = await run(['lint', dir, '--format', 'json'], undefined);
    const threaded = await run(['lint', dir, '--format', 'json'], WORKERS);
    const files = (JSON.parse(single.stdout) as { files: { file: string }[] }).files.map((f) => f.file);
    assert.ok(files.length >= 10, `${files.length} files linted`);
    assert.deepEqual(files, [...files].sort(), 'files in input order');
    assert.equal(threaded.code, single.code);
    assert.equal(threaded.stdout, single.stdout);
  });

  it('lint: this thread and a worker sharing the files give the same output', async () => {
    const single = await run(['lint', dir, '--format', 'json'], undefined);
    const shared = await run(['lint', dir, '--format', 'json'], { count: 2, minBatch: 1 });
    assert.equal(shared.stdout, single.stdout);
  });

  it('report: the review JSON with workers equals that of one thread, and progress counts every file', async () => {
    const a = join(dir, 'single.json');
    const b = join(dir, 'threaded.json');
    const single = await run(['report', dir, '--format', 'json', '-o', a], undefined);
    const threaded = await run(['report', dir, '--format', 'json', '-o', b], WORKERS);
    assert.equal(threaded.code, single.code);
    assert.equal(readFileSync(b, 'utf8'), readFileSync(a, 'utf8'));
    const counted = threaded.progress.filter((p) => p !== '').map((p) => Number(p.split('/')[0]));
    assert.deepEqual(counted, counted.map((_, i) => i + 1));
  });
});
