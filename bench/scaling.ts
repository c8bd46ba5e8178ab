/**
 * Figures of issue 15 beside the mammoth ratio (bench/run.ts prints them): the parser's floor,
 * linearity in table size, fix-all with hundreds of fixes against its lint, and memory per file in
 * a batch. Each figure is a ratio, so machine load cancels out as far as it can.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SaxesParser } from 'saxes';
import { extractDocumentXml } from '../src/docmodel';
import { lintDocx } from '../src/engine';
import { fixAllDocx } from '../src/hosts/docx';
import type { ReportSpec } from '../test/support/fixtures';

const CURRENT_YEAR = new Date().getFullYear();
const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** The floor: unzip plus one bare saxes pass over document.xml (no handlers doing anything). */
export function runFloor(bytes: Uint8Array): number {
  const start = process.hrtime.bigint();
  const xml = extractDocumentXml(bytes);
  const parser = new SaxesParser();
  let elements = 0;
  parser.on('opentag', () => elements++);
  parser.write(xml).close();
  const ms = elapsedMs(start);
  if (elements === 0) throw new Error('no elements');
  return ms;
}

/** Median ms of `runs` calls of `f`, after one untimed call. */
function timed(f: () => unknown, runs: number): number {
  f();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    f();
    samples.push(elapsedMs(t));
  }
  return median(samples);
}

/** A document whose one table has `rows` rows of four cells (an appendix list), after a title. */
function bigTableSpec(rows: number): ReportSpec {
  const cells = (...texts: string[]) => ({ cells: texts.map((text) => ({ text })) });
  return {
    blocks: [
      { kind: 'paragraph', text: '附表  各村（社区）政务公开事项统计表', style: 'heading' },
      { kind: 'table', rows: [cells('序号', '单位', '数量', '备注'), ...Array.from({ length: rows }, (_, i) => cells(String(i + 1), `第${i}村民委员会`, String(i % 50), ''))] },
    ],
  };
}

export interface LinearityFigure {
  rows1000Ms: number;
  rows5000Ms: number;
  ratio: number;
}

/** Lint of a 5000-row table against a 1000-row one: ~5 when linear, ~25 when quadratic. */
export async function measureLinearity(): Promise<LinearityFigure> {
  const { renderDocx } = await import('../test/support/fixtures');
  const small = await renderDocx(bigTableSpec(1000));
  const large = await renderDocx(bigTableSpec(5000));
  const rows1000Ms = timed(() => lintDocx(small, { currentYear: CURRENT_YEAR }), 7);
  const rows5000Ms = timed(() => lintDocx(large, { currentYear: CURRENT_YEAR }), 5);
  return { rows1000Ms: round(rows1000Ms), rows5000Ms: round(rows5000Ms), ratio: round(rows5000Ms / rows1000Ms) };
}

export interface FixFigure {
  documentXmlMb: number;
  fixesApplied: number;
  lintMs: number;
  fixAllMs: number;
  ratio: number;
}

/**
 * Fix-all on the large report (200 pages, 60 tables) with every value of the three standard tables
 * left blank: hundreds of safe fixes (blank → 0) in one document, against one lint of it.
 */
export async function measureFixAll(): Promise<FixFigure> {
  const fixtures = await import('../test/support/fixtures');
  const spec = fixtures.largeReportSpec({ pages: 200, tables: 60 });
  const standard = fixtures.tablesOf(spec).filter((t) => t.rows.some((r) => r.cells.some((c) => /信息内容|申请人情况|行政复议/.test(c.text))));
  for (const table of standard) for (const row of table.rows) for (const cell of row.cells) if (cell.text === '0') cell.text = '';
  const bytes = await fixtures.renderDocx(spec);
  const lintMs = timed(() => lintDocx(bytes, { currentYear: CURRENT_YEAR }), 5);
  let applied = 0;
  const fixAllMs = timed(() => {
    applied = fixAllDocx(bytes, { currentYear: CURRENT_YEAR }).applied.length;
  }, 3);
  return { documentXmlMb: round(extractDocumentXml(bytes).length / 1e6, 1), fixesApplied: applied, lintMs: round(lintMs), fixAllMs: round(fixAllMs), ratio: round(fixAllMs / lintMs) };
}

export interface BatchMemoryFigure {
  files: number;
  /** Heap kept per file with the batch's results alive (KB), as `nianbao lint` keeps them now. */
  keptKbPerFile: number;
  /** The same when whole lint results are kept (what `nianbao lint` kept before: documents included). */
  wholeResultKbPerFile: number;
}

const MEMORY_FLAG = '--batch-memory-child';

/**
 * Memory per file in a batch, measured in fresh child processes for a small and a four times
 * larger batch: flat when the figure per file does not grow with the number of files.
 */
export function measureBatchMemory(files: Uint8Array[], counts: number[]): BatchMemoryFigure[] | string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-batch-'));
  try {
    const largest = Math.max(...counts);
    for (let i = 0; i < largest; i++) fs.writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}.docx`), files[i % files.length]);
    return counts.map((count) => {
      const child = spawnSync(process.execPath, [...process.execArgv, __filename, MEMORY_FLAG, dir, String(count)], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(child.stderr.trim().split('\n').slice(-3).join(' '));
      return JSON.parse(child.stdout) as BatchMemoryFigure;
    });
  } catch (e) {
    return `child failed: ${(e as Error).message}`;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function batchMemoryChild(dir: string, count: number): Promise<void> {
  const { checkFile } = await import('../src/cli/previous-year');
  const { processIo } = await import('../src/cli/io');
  const { DEFAULT_LIMITS } = await import('../src/docmodel');
  const io = processIo();
  const paths = fs.readdirSync(dir).sort().slice(0, count).map((f) => path.join(dir, f));
  // Warm up (the JIT's code and the caches are not per file), then measure each way of keeping results.
  for (const p of paths.slice(0, 5)) checkFile(p, io, DEFAULT_LIMITS);
  const keptPerFile = (keep: (p: string) => unknown) => {
    gc();
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept = paths.map(keep);
    gc();
    gc();
    const after = process.memoryUsage().heapUsed;
    if (kept.length !== paths.length) throw new Error('lost results');
    return (after - before) / 1024 / paths.length;
  };
  const keptKbPerFile = keptPerFile((p) => checkFile(p, io, DEFAULT_LIMITS));
  const wholeResultKbPerFile = keptPerFile((p) => lintDocx(io.readFile(p), { currentYear: CURRENT_YEAR }));
  process.stdout.write(JSON.stringify({ files: count, keptKbPerFile: round(keptKbPerFile, 1), wholeResultKbPerFile: round(wholeResultKbPerFile, 1) }));
}

if (process.argv[2] === MEMORY_FLAG) {
  batchMemoryChild(process.argv[3], Number(process.argv[4])).catch((e) => {
    console.error(e);
    process.exit(2);
  });
}
