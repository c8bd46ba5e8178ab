import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samePath, writeFileAtomic } from '../src/cli/io';
import { runCli, EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE_OR_USAGE } from '../src/cli/main';
import { lintDocx } from '../src/engine';
import { crossYear } from '../src/rules/cross-year';
import { isPreviousYearNumbers, previousYearNumbers, reportAgency } from '../src/rules';
import { buildSeedDocx, setActiveValue, setApplicationsValue, type ReportSpec } from './support/fixtures';
import { ruleTester } from './support/rule-tester';

/*
 * Pairs of seed renderings: seed 002 (巨鹿县官亭镇, 2024) as this year, and the same seed with its
 * years moved back one as last year's report.
 */
const asYear = (year: number) => (s: ReportSpec): ReportSpec => ({
  blocks: s.blocks.map((b) => (b.kind === 'paragraph' ? { ...b, text: b.text.replace(/2024/g, String(year)).replace(/2025/g, String(year + 1)), runs: undefined } : b)),
});
const both = (row: string, value: number) => (s: ReportSpec) =>
  setApplicationsValue(setApplicationsValue(s, row, 'natural', String(value)), row, 'total', String(value));
/** 表二 行政规范性文件: 本年制发, 本年废止, 现行有效. */
const normative = (issued: number, repealed: number, inForce: number) => (s: ReportSpec) =>
  setActiveValue(setActiveValue(setActiveValue(s, 'normativeDocuments', 0, String(issued)), 'normativeDocuments', 1, String(repealed)), 'normativeDocuments', 2, String(inForce));
const pipe = (...fs: ((s: ReportSpec) => ReportSpec)[]) => (s: ReportSpec) => fs.reduce((x, f) => f(x), s);

/** Last year (2023): 2 applications carried forward, 10 行政规范性文件 in force. */
const lastYear = () => buildSeedDocx('002', pipe(asYear(2023), both('received', 2), both('carryForward', 2), normative(0, 0, 10)));
/** This year (2024) continuing correctly: 2 carried over and handled, 10 + 3 − 1 = 12 in force. */
const continuing = (change: (s: ReportSpec) => ReportSpec = (s) => s) =>
  buildSeedDocx('002', pipe(both('carriedOver', 2), both('disclosed', 2), both('handledTotal', 2), normative(3, 1, 12), change));

const lint = (bytes: Uint8Array, previous?: Uint8Array) => {
  const previousYear = previous ? (() => {
    const last = lintDocx(previous, { currentYear: 2026 });
    return previousYearNumbers(last.report, '2023年报.docx', reportAgency(last.document));
  })() : null;
  return lintDocx(bytes, { currentYear: 2026, previousYear }).diagnostics;
};
const crossYearFindings = (bytes: Uint8Array, previous?: Uint8Array) => lint(bytes, previous).filter((d) => d.rule === crossYear.meta.id);

const lastYearNumbers = async () => {
  const last = lintDocx(await lastYear(), { currentYear: 2026 });
  return previousYearNumbers(last.report, '2023年报.docx', reportAgency(last.document));
};

ruleTester(crossYear, {
  valid: [
    { name: 'this year continues last year', bytes: () => continuing(), previousYear: lastYearNumbers },
    { name: 'no last year given', bytes: () => continuing(both('carriedOver', 0)) },
  ],
  invalid: [{
    name: '上年结转 differs from last year’s 结转下年度继续办理, 现行有效件数 does not follow',
    bytes: () => continuing(pipe(both('carriedOver', 0), both('received', 2), normative(3, 1, 13))),
    previousYear: lastYearNumbers,
    errors: [{ table: 'active', column: '现行有效件数' }, { table: 'applications', column: '自然人' }, { table: 'applications', column: '总计' }],
  }],
});

describe('rule cross-year', () => {
  it('finds nothing when this year continues last year’s numbers, nor without last year', async () => {
    assert.deepEqual(crossYearFindings(await continuing(), await lastYear()), []);
    assert.deepEqual(crossYearFindings(await continuing(both('carriedOver', 0))), []);
    assert.deepEqual(lint(await continuing(), await lastYear()), [], 'the pair is clean as a whole');
  });

  it('上年结转 differing from last year’s 结转下年度继续办理: an error per column, naming last year’s file and number', async () => {
    const found = crossYearFindings(await continuing(pipe(both('carriedOver', 0), both('received', 2))), await lastYear());
    assert.deepEqual(found.map((d) => [d.severity, d.table, d.row, d.column]), [
      ['error', 'applications', '二、上年结转政府信息公开申请数量', '自然人'],
      ['error', 'applications', '二、上年结转政府信息公开申请数量', '总计'],
    ]);
    assert.match(found[0].message, /2023年报\.docx（2023 年度）.*为 2/);
    assert.ok(found[0].location && 'tableIndex' in found[0].location);
  });

  it('现行有效件数 ≠ last year’s + 本年制发 − 本年废止', async () => {
    const [finding, ...rest] = crossYearFindings(await continuing(normative(3, 1, 13)), await lastYear());
    assert.deepEqual(rest, []);
    assert.deepEqual([finding.table, finding.row, finding.column], ['active', '行政规范性文件', '现行有效件数']);
    assert.match(finding.message, /10 ＋ 本年制发 3 － 本年废止 1 应为 12/);
  });

  it('compares only with the year before', async () => {
    const twoYearsBack = await buildSeedDocx('002', pipe(asYear(2022), both('carryForward', 5)));
    assert.deepEqual(crossYearFindings(await continuing(), twoYearsBack), []);
  });

  it('what a host stores is recognised, anything else is not', async () => {
    const last = lintDocx(await lastYear(), { currentYear: 2026 });
    const numbers = previousYearNumbers(last.report, 'a.docx', reportAgency(last.document));
    assert.ok(isPreviousYearNumbers(JSON.parse(JSON.stringify(numbers))));
    assert.equal(numbers.agency, '巨鹿县官亭镇人民政府');
    assert.deepEqual(numbers.inForce, { regulations: 0, normativeDocuments: 10 });
    for (const bad of [null, 3, {}, { ...numbers, carryForward: { total: '2' } }]) assert.equal(isPreviousYearNumbers(bad), false);
  });
});

describe('CLI: last year’s report', () => {
  let dir: string;
  const run = (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readFile: (p) => readFileSync(p), writeFileAtomic, samePath, currentYear: 2026 });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-prev-'));
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', '2023.docx'), await lastYear());
    writeFileSync(join(dir, 'reports', '2024.docx'), await continuing(both('carriedOver', 0)));
    writeFileSync(join(dir, 'good-2024.docx'), await continuing());
    writeFileSync(join(dir, 'other-agency-2023.docx'), await buildSeedDocx('003', pipe(asYear(2023), both('carryForward', 7))));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--prev: checks against the given report and names it', () => {
    const bad = run(['lint', join(dir, 'reports', '2024.docx'), '--prev', join(dir, 'reports', '2023.docx')]);
    assert.equal(bad.code, EXIT_FINDINGS);
    assert.match(bad.stdout, /对比上一年报告：.*2023\.docx（2023 年度）/);
    assert.match(bad.stdout, /表三 “二、上年结转政府信息公开申请数量” 行 “总计” 列 .*\[cross-year\]/);
    const good = run(['lint', join(dir, 'good-2024.docx'), '--prev', join(dir, 'reports', '2023.docx')]);
    assert.equal(good.code, EXIT_CLEAN, good.stdout);
    assert.match(good.stdout, /对比上一年报告/);
  });

  it('pairs an agency’s consecutive reports in a folder automatically, and not other agencies’', () => {
    const r = run(['lint', join(dir, 'reports'), join(dir, 'other-agency-2023.docx'), '--format', 'json']);
    const files = JSON.parse(r.stdout).files as { file: string; previous?: { file: string; year: number; used: boolean }; diagnostics: { rule: string }[] }[];
    const [, y2024, other] = files;
    assert.match(y2024.previous!.file, /reports[/\\]2023\.docx$/);
    assert.equal(y2024.diagnostics.filter((d) => d.rule === 'cross-year').length, 2);
    assert.equal(files[0].previous, undefined, '2023 has no 2022 report beside it');
    assert.equal(other.previous, undefined);
  });

  it('a --prev that is not the year before is named and not compared; an unreadable one is a usage error', () => {
    const r = run(['lint', join(dir, 'good-2024.docx'), '--prev', join(dir, 'good-2024.docx')]);
    assert.match(r.stdout, /未对比上一年报告：.*2024 年度，不是本报告的上一年度/);
    const missing = run(['lint', join(dir, 'good-2024.docx'), '--prev', join(dir, 'nope.docx')]);
    assert.equal(missing.code, EXIT_UNREADABLE_OR_USAGE);
    assert.match(missing.stderr, /无法使用上一年报告/);
  });
});
