/**
 * Benchmark: a reviewer's batch. `nianbao report` over 1,000 reports (the five seeds and variants
 * of them with other agencies and years, as .docx and as web pages), in-process: reports per
 * second for reading, linting and writing the HTML report together, and the per-report cost the
 * scale plan (docs/scale.md) rests on. Then, when the CLI is built (dist/), the same through the
 * built CLI in one thread and with worker threads, and the break-even of worker threads by batch size.
 *
 *   npm run bench:review            BENCH_REPORTS=2000 npm run bench:review
 *
 * Target: ≥ 200 reports/s on the 2-core CI machine. Results go to test-output/bench-review.json.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../src/cli/main';
import { samePath, writeFileAtomic } from '../src/cli/io';
import { renderDocx, seedSpec, SEED_IDS, type SeedId } from '../test/support/fixtures';
import { renderHtml } from '../test/support/fixtures/html-writer';

const REPORTS = Number(process.env.BENCH_REPORTS || 1000);
const TARGET_PER_SECOND = Number(process.env.BENCH_REVIEW_TARGET || 200);
const OUTPUT_FILE = path.resolve(__dirname, '..', 'test-output', 'bench-review.json');

async function variants(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const id of SEED_IDS as readonly SeedId[]) {
    const spec = seedSpec(id);
    for (let k = 0; k < 10; k++) {
      // Another agency per variant: the title's text before the year, where the seed's title has one.
      const renamed = { ...spec, blocks: spec.blocks.map((b) => (b.kind === 'paragraph' && /年.*政府信息公开/.test(b.text) ? { ...b, text: b.text.replace(/^[^\d]*/, `第${k}镇人民政府`), runs: undefined } : b)) };
      out.push({ name: `${id}-${k}.docx`, bytes: await renderDocx(renamed) });
      if (k === 0) out.push({ name: `${id}-page.html`, bytes: renderHtml(spec) });
    }
  }
  return out;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-review-'));
  const distinct = await variants();
  for (let i = 0; i < REPORTS; i++) {
    const v = distinct[i % distinct.length];
    fs.writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}-${v.name}`), v.bytes);
  }
  const io = { stdout: () => {}, stderr: (t: string) => process.stderr.write(t + '\n'), readFile: (p: string) => fs.readFileSync(p), writeFileAtomic, samePath, currentYear: 2026 };
  const out = path.join(os.tmpdir(), `nianbao-bench-review-${process.pid}.html`);
  const started = process.hrtime.bigint();
  const code = runCli(['report', dir, '-o', out, '--force'], io);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const perSecond = REPORTS / seconds;
  const result = { reports: REPORTS, seconds: Number(seconds.toFixed(2)), reportsPerSecond: Math.round(perSecond), msPerReport: Number((1000 / perSecond).toFixed(2)), htmlBytes: fs.statSync(out).size, exitCode: code, cores: os.cpus().length, target: TARGET_PER_SECOND };
  fs.mkdirSync(path.dirname(OUTPUT_FILE), { recursive: true });
  fs.writeFileSync(OUTPUT_FILE, JSON.stringify(result, null, 2));
  console.log(`report over ${REPORTS} files: ${result.seconds} s, ${result.reportsPerSecond} reports/s (${result.msPerReport} ms each), HTML ${(result.htmlBytes / 1e6).toFixed(1)} MB; target ≥ ${TARGET_PER_SECOND}/s: ${perSecond >= TARGET_PER_SECOND ? 'met' : 'NOT met'}`);
  const threaded = fs.existsSync(DIST_MAIN) ? throughBuiltCli(dir, out) : null;
  if (threaded) {
    for (const t of threaded) console.log(`  built CLI, ${t.command} over ${REPORTS} files, ${t.threads}: ${t.seconds} s, ${t.perSecond} reports/s`);
    console.log(`  worker break-even (lint, built CLI's batch, ${os.cpus().length} cores): ${breakEven(dir).map((b) => `${b.files} files ${b.oneThreadMs} ms one thread / ${b.withWorkersMs} ms with workers`).join('; ')}`);
  } else console.log('  (dist/ not built: run npm run build:cli for the built CLI and worker-thread figures)');
  fs.writeFileSync(OUTPUT_FILE, JSON.stringify({ ...result, builtCli: threaded }, null, 2));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(out, { force: true });
  process.exitCode = perSecond >= TARGET_PER_SECOND ? 0 : 1;
}

const REPO = path.resolve(__dirname, '..');
const DIST_MAIN = path.join(REPO, 'dist/node/cli/main.js');

/** Runs the built CLI in a child process with worker threads allowed (as installed) or not; wall time. */
function builtCli(args: string[], threads: boolean): number {
  const script = `const m = require(${JSON.stringify(DIST_MAIN)}); const io = require(${JSON.stringify(path.join(REPO, 'dist/node/cli/io.js'))});
    const r = m.runCli(${JSON.stringify(args)}, { ...io.processIo(), stdout: () => {}, progress: undefined${threads ? '' : ', threads: undefined'} });
    Promise.resolve(r).then((c) => { process.exitCode = c === 2 ? 2 : 0; });`;
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`built CLI failed: ${child.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function throughBuiltCli(dir: string, out: string) {
  return (['report', 'lint'] as const).flatMap((command) => [false, true].map((threads) => {
    const args = command === 'report' ? ['report', dir, '-o', out, '--force'] : ['lint', dir, '--format', 'json'];
    const seconds = builtCli(args, threads);
    return { command, threads: threads ? 'worker threads' : 'one thread', seconds: Number(seconds.toFixed(2)), perSecond: Math.round(REPORTS / seconds) };
  }));
}

/** Lint of the first n files by the built batch, in one thread and with workers (forced on): where do workers start to pay? */
function breakEven(dir: string) {
  return [25, 50, 100, 200, 400].filter((n) => n <= REPORTS).map((files) => {
    const script = `const b = require(${JSON.stringify(path.join(REPO, 'dist/node/cli/batch.js'))}); const io = require(${JSON.stringify(path.join(REPO, 'dist/node/cli/io.js'))});
      const { collectInputs } = require(${JSON.stringify(path.join(REPO, 'dist/node/cli/collect-files.js'))}); const { DEFAULT_LIMITS } = require(${JSON.stringify(path.join(REPO, 'dist/node/docmodel/index.js'))});
      const inputs = collectInputs([${JSON.stringify(dir)}]).slice(0, ${files});
      const t = performance.now();
      Promise.resolve(b.processBatch('lint', inputs, { ...io.processIo(), threads: process.argv[1] === 'one' ? undefined : { count: require('os').availableParallelism(), minBatch: 1 } }, DEFAULT_LIMITS))
        .then(() => process.stdout.write(String(Math.round(performance.now() - t))));`;
    const time = (mode: string) => Number(spawnSync(process.execPath, ['-e', script, mode], { encoding: 'utf8' }).stdout);
    return { files, oneThreadMs: time('one'), withWorkersMs: time('workers') };
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
