import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, EXIT_UNREADABLE_OR_USAGE } from '../src/cli/main';
import { samePath, writeFileAtomic } from '../src/cli/io';
import { agencyOf } from '../src/review';
import { readDocument } from '../src/docmodel';
import { ruleMeta, type RuleId } from '../src/rules';
import { buildSeedDocx, replaceParagraph, seedSpec, SEED_IDS, type SeedId } from './support/fixtures';
import { renderHtml } from './support/fixtures/html-writer';
import { Workbook } from 'exceljs';

/** `nianbao report` (issue 14): a reviewer's folder as one self-contained page. */

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readFile: (p) => readFileSync(p), writeFileAtomic, samePath, currentYear: 2026, now: () => new Date(2026, 0, 15, 9, 30) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('CLI: nianbao report', () => {
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-report-'));
    const inYear = (year: number) => (spec: ReturnType<typeof seedSpec>) => replaceParagraph(spec, '2024年度政府信息公开工作年度报告', `${year}年度政府信息公开工作年度报告`);
    writeFileSync(join(dir, '青同镇2024.docx'), await buildSeedDocx('003'));
    writeFileSync(join(dir, '青同镇2024（重交）.docx'), await buildSeedDocx('003'));
    writeFileSync(join(dir, '青同镇2022.docx'), await buildSeedDocx('003', inYear(2022)));
    writeFileSync(join(dir, '远大镇.html'), renderHtml(seedSpec('004')));
    writeFileSync(join(dir, '坏文件.docx'), 'PK\u0003\u0004 broken');
  });

  it('writes one self-contained page: overview, findings with cell links, unreadable files, duplicates and missing years', () => {
    const out = join(dir, '审核报告.html');
    const r = run(['report', dir, '-o', out]);
    assert.equal(r.code, EXIT_UNREADABLE_OR_USAGE, 'a file could not be read');
    assert.match(r.stdout, /4 份年报/);
    const page = readFileSync(out, 'utf8');
    assert.doesNotMatch(page, /\b(?:src|href)=["']https?:/, 'no request leaves the page');
    assert.doesNotMatch(page, /<link\b|<script\s+src/);
    assert.match(page, /<table id="overview">/);
    for (const agency of ['青同镇人民政府', '兰西县远大镇']) assert.ok(page.includes(agency), agency);
    assert.match(page, /坏文件\.docx<\/span>：/);
    assert.match(page, /青同镇人民政府 2024 年度：/, 'duplicate listed');
    assert.match(page, /缺 2023 年度/);
    assert.match(page, /网页（只能检查，不能自动修复）/);
    // 远大镇's blank 表四 cells: each finding links to its cell in the preview, which is marked.
    const link = /<a href="#(report-\d+-t\d+r\d+c\d+)">表四/.exec(page);
    assert.ok(link, 'a finding links to its cell');
    assert.match(page, new RegExp(`<td id="${link![1]}"[^>]* class="flag"`));
  });

  it('never replaces an existing report without --force; json carries the same data', () => {
    const out = join(dir, '已有.json');
    writeFileSync(out, 'keep');
    assert.equal(run(['report', dir, '--format', 'json', '-o', out]).code, EXIT_UNREADABLE_OR_USAGE);
    assert.equal(readFileSync(out, 'utf8'), 'keep');
    run(['report', dir, '--format', 'json', '-o', out, '--force']);
    const data = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(data.reports.length, 4, 'the report written before in the same folder is not read as a report');
    assert.deepEqual(data.missingYears, [{ agency: '青同镇人民政府', years: [2023], seen: [2022, 2024] }]);
    assert.equal(data.unreadable.length, 1);
    const page = data.reports.find((r: { file: string }) => r.file.endsWith('远大镇.html'));
    assert.equal(page.agency, '兰西县远大镇', "the page's breadcrumb is not taken for its title");
    assert.equal(page.page, true);
    const findings = data.reports.flatMap((r: { diagnostics: { rule: string; docs: string }[] }) => r.diagnostics);
    assert.ok(findings.length > 0 && findings.every((d: { rule: string; docs: string }) => d.docs === `docs/rules/${d.rule}.md`));
  });

  it('xlsx: an overview sheet (one row per file), every finding, and what needs attention', async () => {
    const out = join(dir, '审核报告.xlsx');
    const code = await run(['report', dir, '--format', 'xlsx', '-o', out]).code;
    assert.equal(code, EXIT_UNREADABLE_OR_USAGE, 'a file could not be read');
    const jsonOut = join(mkdtempSync(join(tmpdir(), 'nianbao-report-json-')), 'same.json');
    run(['report', dir, '--format', 'json', '-o', jsonOut]);
    const json = JSON.parse(readFileSync(jsonOut, 'utf8'));
    const workbook = new Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const rows = (name: string) => {
      const sheet = workbook.getWorksheet(name)!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      return sheet.getRows(2, sheet.rowCount - 1)!.map((row) => Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
    };
    const overview = rows('总览');
    assert.equal(overview.length, json.reports.length + json.unreadable.length + json.notReports.length, 'one row per file');
    assert.ok(overview.some((r) => r['文件'] === join(dir, '坏文件.docx') && String(r['状态']).startsWith('无法读取：')));
    const total = json.reports.reduce((n: number, r: { diagnostics: unknown[] }) => n + r.diagnostics.length, 0);
    assert.ok(total > 0);
    const listed = rows('问题清单');
    assert.equal(listed.length, total, 'every finding, once');
    const jsonRules = new Set<string>(json.reports.flatMap((r: { diagnostics: { rule: RuleId }[] }) => r.diagnostics.map((d) => ruleMeta(d.rule).name)));
    assert.deepEqual(new Set(listed.map((r) => String(r['规则']))), jsonRules, 'the rule column names each rule as the pane does');
    for (const report of json.reports) {
      const row = overview.find((r) => r['文件'] === report.file)!;
      assert.equal(row['表四错误'], report.counts.review.errors, report.file);
    }
    assert.ok(rows('需要注意').some((r) => r['类别'] === '缺少的年度' && String(r['说明']).includes('缺 2023 年度')));
  });

  it('finds the agency in the title, also when the title is split over two lines', async () => {
    const expected: Record<SeedId, string> = { '000': '西郭城镇人民政府办公室', '001': '叶城县河园镇人民政府', '002': '巨鹿县官亭镇人民政府', '003': '青同镇人民政府', '004': '兰西县远大镇' };
    for (const id of SEED_IDS as readonly SeedId[]) {
      assert.equal(agencyOf(readDocument(await buildSeedDocx(id))), expected[id], `seed ${id}`);
    }
  });
});
