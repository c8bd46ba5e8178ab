import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { samePath, writeFileAtomic } from '../src/cli/io';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli, EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE_OR_USAGE } from '../src/cli/main';
import { buildSeedDocx, setApplicationsValue, type ReportSpec } from './support/fixtures';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readFile: (p) => readFileSync(p), writeFileAtomic, samePath, currentYear: 2026 });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('CLI: nianbao lint', () => {
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-'));
    writeFileSync(join(dir, 'clean.docx'), await buildSeedDocx('002'));
    writeFileSync(join(dir, 'blank-cells.docx'), await buildSeedDocx('004'));
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    writeFileSync(join(dir, 'bad', '~$lock.docx'), 'lock');
    writeFileSync(join(dir, 'notes.docx'), await buildSeedDocx('002', () => ({ blocks: [{ kind: 'paragraph', text: '会议纪要' }] })));
  });

  it('exits 0 on a clean report', () => {
    const r = run(['lint', join(dir, 'clean.docx')]);
    assert.equal(r.code, EXIT_CLEAN);
    assert.match(r.stdout, /未发现问题/);
  });

  it('exits 1 with findings named as a person finds them', () => {
    const r = run(['lint', join(dir, 'blank-cells.docx')]);
    assert.equal(r.code, EXIT_FINDINGS);
    assert.match(r.stdout, /表四 “行政复议” “结果维持” 列 .*单元格为空 \[empty-cell\]/);
    assert.match(r.stdout, /共 5 个错误，0 个警告/);
  });

  it('writes the JSON contract exactly', () => {
    const r = run(['lint', join(dir, 'blank-cells.docx'), '--format', 'json']);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json), ['files']);
    const [file] = json.files;
    assert.deepEqual(Object.keys(file), ['file', 'template', 'error', 'diagnostics']);
    assert.equal(file.template, '2021');
    assert.equal(file.error, null);
    const [d] = file.diagnostics;
    assert.deepEqual(Object.keys(d), ['rule', 'severity', 'table', 'row', 'column', 'message', 'fixable', 'location', 'fix', 'suggestions', 'docs']);
    const location = { tableIndex: 2, rowIndex: 3, cellIndex: 0 };
    assert.deepEqual({ ...d, message: undefined, fix: undefined }, {
      rule: 'empty-cell', severity: 'error', table: 'review', row: '行政复议', column: '结果维持', message: undefined, fixable: true,
      location, fix: undefined, suggestions: [], docs: 'docs/rules/empty-cell.md',
    });
    assert.ok(existsSync(join(__dirname, '..', d.docs)), 'the docs path names a page that ships with the package');
    assert.deepEqual(d.fix.changes, [{ table: 'review', row: '行政复议', column: '结果维持', from: '', to: '0', location }]);
  });

  it('gives a sum repair as data: one finding for the table, every change with its labels, and the evidence indented in text', async () => {
    const spec = (s: ReportSpec) => setApplicationsValue(setApplicationsValue(s, '（一）予以公开', '总计', '2'), '一、本年新收政府信息公开申请数量', '总计', '2');
    const file = join(mkdtempSync(join(tmpdir(), 'nianbao-sums-')), 'sums.docx');
    writeFileSync(file, await buildSeedDocx('002', spec));
    const json = JSON.parse(run(['lint', file, '--format', 'json']).stdout);
    const sums = json.files[0].diagnostics.filter((d: { rule: string }) => d.rule === 'sum-mismatch' || d.rule === 'balance');
    assert.equal(sums.length, 1);
    const [d] = sums;
    assert.notEqual(d.fix, null, 'the only smallest repair, and it recomputes totals: safe');
    assert.deepEqual(d.suggestions, []);
    const best = d.fix;
    assert.deepEqual(best.changes.map((c: { row: string; column: string; from: string; to: string }) => [c.row, c.column, c.from, c.to]).sort(), [
      ['一、本年新收政府信息公开申请数量', '总计', '2', '0'],
      ['（一）予以公开', '总计', '2', '0'],
    ]);
    for (const c of best.changes) assert.deepEqual(Object.keys(c), ['table', 'row', 'column', 'from', 'to', 'location']);
    const text = run(['lint', file]).stdout.split('\n');
    const at = text.findIndex((l) => l.includes('[sum-mismatch]'));
    assert.match(text[at], /^  error +表三 +.*应为 0（现为 2）/);
    assert.match(text[at + 1], /^ {6}修复：按各项重新计算总计（2 个单元格/);
    assert.ok(text.slice(at + 1).some((l) => /^ {6}依据：/.test(l)));
    assert.ok(!text.some((l) => /R\d（/.test(l)), 'no rule codes');
  });

  it('walks folders, reports a .doc as unreadable (exit 2) and still checks the other files', () => {
    const r = run(['lint', dir, '--format', 'json']);
    assert.equal(r.code, EXIT_UNREADABLE_OR_USAGE);
    const files = JSON.parse(r.stdout).files as { file: string; error: string | null; template: string | null; diagnostics: unknown[] }[];
    assert.deepEqual(files.map((f) => f.file.slice(dir.length + 1)), ['bad/old.doc', 'blank-cells.docx', 'clean.docx', 'notes.docx']);
    assert.match(files[0].error!, /\.doc/);
    assert.equal(files[1].diagnostics.length, 5);
  });

  it('gives a document that is not a report no findings, only a notice', () => {
    const r = run(['lint', join(dir, 'notes.docx')]);
    assert.equal(r.code, EXIT_CLEAN);
    assert.match(r.stdout, /未找到年度报告的表格/);
    assert.equal(JSON.parse(run(['lint', join(dir, 'notes.docx'), '--format', 'json']).stdout).files[0].template, null);
  });

  it('exits 2 on wrong usage with a Chinese message', () => {
    assert.equal(run([]).code, EXIT_UNREADABLE_OR_USAGE);
    assert.match(run(['lint']).stderr, /请指定/);
    assert.match(run(['lint', 'x.docx', '--format', 'xml']).stderr, /不支持的输出格式/);
    assert.match(run(['check']).stderr, /未知命令/);
    assert.equal(run(['lint', join(dir, 'missing.docx')]).code, EXIT_UNREADABLE_OR_USAGE);
  });

  it('runs as the installed binary (built dist/)', () => {
    const bin = resolve(__dirname, '../bin/nianbao.js');
    const result = spawnSync(process.execPath, [bin, 'lint', join(dir, 'blank-cells.docx'), '--format', 'json'], { encoding: 'utf8' });
    assert.equal(result.status, EXIT_FINDINGS, result.stderr);
    assert.equal(JSON.parse(result.stdout).files[0].diagnostics.length, 5);
  });
});
