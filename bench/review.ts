/**
 * Benchmark: a reviewer's batch. `nianbao report` over 1,000 reports (the five seeds and variants
 * of them with other agencies and years, as .docx and as web pages), in-process: reports per
 * second for reading, linting and writing the HTML report together, and the per-report cost the
 * scale plan (docs/scale.md) rests on.
 *
 *   npm run bench:review            BENCH_REPORTS=2000 npm run bench:review
 *
 * Target: ≥ 200 reports/s on the 2-core CI machine. Results go to test-output/bench-review.json.
 */
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
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(out, { force: true });
  process.exitCode = perSecond >= TARGET_PER_SECOND ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
