import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { readDocument } from '../../src/docmodel';
import { lintDocx } from '../../src/engine';
import { fixAllDocx } from '../../src/hosts/docx';
import {
  buildSeedDocx, deleteTableRow, renderDocx, replaceParagraph, seedSpec, setActiveValue, setApplicationsValue, setReviewValue, setRowLabel, tablesOf,
  type ReportSpec, type SeedId,
} from '../support/fixtures';
import { corpusDir } from '../support/corpus';
import { flipFlopDocx, FLOP, withFlipFlopRule } from '../support/flip-flop-rule';

const OPTIONS = { currentYear: 2026 };

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** The smallest range of the original document.xml that differs in the fixed one. */
function changedRange(before: string, after: string): { start: number; end: number } {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { start, end: before.length - end };
}

const applicationsRow = (spec: ReportSpec, label: string) =>
  tablesOf(spec)[1].rows.findIndex((r) => r.cells.some((c) => c.text.replace(/\s/g, '') === label));

/** One defect per safe fix, on the clean seed 002, and the element the fix may touch. */
const DEFECTS: { name: string; rule: string; mutate: (s: ReportSpec) => ReportSpec }[] = [
  { name: 'blank cell', rule: 'empty-cell', mutate: (s) => setApplicationsValue(s, '2.重复申请', '自然人', '') },
  { name: '无 written for 0', rule: 'not-a-number', mutate: (s) => setReviewValue(s, '复议后起诉', '总计', '无') },
  { name: 'full-width digit', rule: 'not-a-number', mutate: (s) => setActiveValue(s, '行政处罚', 0, '０') },
  { name: 'misspelt row label', rule: 'row-label', mutate: (s) => setRowLabel(s, '1.属于国家秘密', '1.属于国家机密') },
  { name: 'misspelt group label', rule: 'row-label', mutate: (s) => setRowLabel(s, '（五）不予处理', '（五）不予办理') },
  { name: 'misspelt column header', rule: 'column-label', mutate: (s) => setRowLabel(s, '社会公益组织', '社会公益机构') },
  { name: 'arabic heading number', rule: 'section-heading', mutate: (s) => replaceParagraph(s, '四、政府信息公开行政复议、行政诉讼情况', '4、政府信息公开行政复议、行政诉讼情况') },
  { name: 'a row total that does not add up', rule: 'sum-mismatch', mutate: (s) => setApplicationsValue(s, '（一）予以公开', '总计', '2') },
  { name: 'missing middle row', rule: 'missing-row', mutate: (s) => deleteTableRow(s, 1, applicationsRow(s, '3.要求提供公开出版物')) },
  { name: 'missing first row of a group', rule: 'missing-row', mutate: (s) => deleteTableRow(s, 1, applicationsRow(s, '1.本机关不掌握相关政府信息')) },
];

describe('fix-all on .docx files', () => {
  for (const defect of DEFECTS) {
    it(`${defect.name}: fixed, nothing fixable left, and only the edited element changed`, async () => {
      const bytes = await buildSeedDocx('002', defect.mutate);
      const before = lintDocx(bytes, OPTIONS);
      const target = before.diagnostics.find((d) => d.rule === defect.rule && d.fix);
      assert.ok(target, `the defect gives a fixable ${defect.rule}`);

      const result = fixAllDocx(bytes, OPTIONS);
      assert.equal(result.changed, true);
      assert.deepEqual(result.remaining.diagnostics.map((d) => d.message), [], 'the fixed document is clean');

      const [a, b] = [parts(bytes), parts(result.bytes)];
      assert.deepEqual(Object.keys(b), Object.keys(a));
      for (const name of Object.keys(a)) if (name !== 'word/document.xml') assert.equal(b[name], a[name], name);

      // Every change lies inside an element some applied fix addressed (a table, when rows change).
      const model = readDocument(bytes);
      const changed = changedRange(a['word/document.xml'], b['word/document.xml']);
      const targets = result.applied.flatMap(({ fix }) => fix.edits.map((e) => {
        if ('paragraphIndex' in e) return model.paragraphs.find((p) => p.paragraphIndex === e.paragraphIndex)!.source;
        const table = model.tables[(e as { tableIndex: number }).tableIndex];
        return 'cellIndex' in e ? table.rows[e.rowIndex].cells[e.cellIndex].source : table.source;
      }));
      assert.ok(targets.some((t) => t.start <= changed.start && changed.end <= t.end), 'no change outside the edited element');
    });
  }

  const clean: SeedId[] = ['001', '002'];
  for (const id of clean) {
    it(`seed ${id}, which has nothing to fix, comes back byte-identical`, async () => {
      const bytes = await buildSeedDocx(id);
      const result = fixAllDocx(bytes, OPTIONS);
      assert.equal(result.changed, false);
      assert.equal(result.bytes, bytes);
    });
  }

  it('clean real reports come back byte-identical', () => {
    for (const name of ['pingtan-002.docx', 'pingtan-012.docx']) {
      const bytes = new Uint8Array(readFileSync(join(corpusDir(), name)));
      assert.equal(fixAllDocx(bytes, OPTIONS).bytes, bytes, name);
    }
  });

  it('seed 000: both tables move to the 2021 layout, sums still balance, only the marked cells remain as warnings', async () => {
    const result = fixAllDocx(await buildSeedDocx('000'), OPTIONS);
    const after = result.remaining;
    assert.equal(after.template, '2021');
    assert.deepEqual(after.report.tables.map((t) => `${t.id}:${t.variant}`), ['active:2021', 'applications:2021', 'review:2021']);
    assert.deepEqual([...new Set(after.diagnostics.map((d) => `${d.rule}/${d.severity}`))], ['unconfirmed-value/warning']);
    assert.deepEqual(after.diagnostics.map((d) => `${d.row}/${d.column}`), [
      '规章/本年制发件数', '规章/本年废止件数', '规章/现行有效件数',
      '行政规范性文件/本年制发件数', '行政规范性文件/本年废止件数', '行政规范性文件/现行有效件数',
      '行政事业性收费/本年收费金额（单位：万元）',
    ]);
    const comments = parts(result.bytes)['word/comments.xml'];
    assert.equal((comments.match(/<w:comment /g) ?? []).length, 7);
    assert.match(parts(result.bytes)['[Content_Types].xml'], /\/word\/comments\.xml/);
  });

  it('seed 000: the 2019 其他处理 value goes to 3.其他 and the other handling rows get 0', async () => {
    // Two applications received from 自然人, both ended as 其他处理: consistent on the 2019 format.
    const twoHandledOtherwise = (spec: ReportSpec) => ['一、本年新收政府信息公开申请数量', '（六）其他处理', '（七）总计'].reduce(
      (s, row) => setApplicationsValue(setApplicationsValue(s, row, '自然人', '2'), row, '总计', '2'), spec);
    const bytes = await buildSeedDocx('000', twoHandledOtherwise);
    assert.deepEqual(lintDocx(bytes, OPTIONS).diagnostics.filter((d) => d.rule === 'sum-mismatch' || d.rule === 'balance'), []);
    const after = fixAllDocx(bytes, OPTIONS).remaining;
    const applications = after.report.tables.find((t) => t.id === 'applications')!;
    const value = (key: string, column: string) => applications.rows.find((r) => r.templateRow?.key === key)!.cells.get(column)!.cell.text;
    assert.deepEqual([value('noSupplement', 'natural'), value('feeUnpaid', 'natural'), value('otherHandled', 'natural'), value('otherHandled', 'total')], ['0', '0', '2', '2']);
    assert.deepEqual(after.diagnostics.filter((d) => d.table === 'applications'), []);
  });

  it('stops when a pass would bring back a state it had (a cycle): one pass written, not the pass limit', async () => {
    const bytes = await flipFlopDocx();
    const result = await withFlipFlopRule(() => fixAllDocx(bytes, OPTIONS));
    assert.equal(result.passes, 1);
    assert.deepEqual(result.applied.map((a) => a.fix.description), [`改为${FLOP}`]);
    assert.ok(result.changed, 'the first pass is kept');
  });

  it('seed 004: the five blank cells become 0 and nothing is left', async () => {
    const result = fixAllDocx(await buildSeedDocx('004'), OPTIONS);
    assert.equal(result.applied.length, 5);
    assert.deepEqual(result.remaining.diagnostics, []);
  });

  it('random defects among the safe kinds are all fixed, in one pass (property)', async () => {
    const base = seedSpec('002');
    const columns = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
    const rows = ['1.属于国家秘密', '2.重复申请', '（一）予以公开', '3.其他', '四、结转下年度继续办理'];
    const defect = fc.tuple(fc.constantFrom(...rows), fc.constantFrom(...columns), fc.constantFrom('', '无', '/', '—', 'O', '零', '０', ' '));
    await fc.assert(fc.asyncProperty(fc.array(defect, { minLength: 1, maxLength: 6 }), async (defects) => {
      let spec = base;
      for (const [row, column, text] of defects) spec = setApplicationsValue(spec, row, column, text);
      const result = fixAllDocx(await renderDocx(spec), OPTIONS);
      // Each of these cells is fixed by its own edit: one pass writes them all.
      assert.equal(result.passes, 1, result.applied.map((a) => a.fix.description).join('；'));
      assert.deepEqual(result.remaining.diagnostics.filter((d) => d.fix), []);
      assert.deepEqual(result.remaining.diagnostics.filter((d) => d.severity === 'error'), []);
    }), { numRuns: 15 });
  });

  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  (soffice ? it : it.skip)('LibreOffice opens a fixed file (converts it to PDF)', async function () {
    this.timeout(180000);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-lo-'));
    writeFileSync(join(dir, 'fixed.docx'), fixAllDocx(await buildSeedDocx('000'), OPTIONS).bytes);
    const run = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'fixed.docx')], { encoding: 'utf8', timeout: 170000 });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(existsSync(join(dir, 'fixed.pdf')));
  });
});

describe('comments go where the document keeps its comments', () => {
  it('adds to an existing comments part under another name instead of creating an unreferenced one', async () => {
    const source = unzipSync(await buildSeedDocx('000'));
    const relsName = 'word/_rels/document.xml.rels';
    const rels = strFromU8(source[relsName] ?? strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'));
    source[relsName] = strToU8(rels.replace('</Relationships>', '<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="remarks.xml"/></Relationships>'));
    source['word/remarks.xml'] = strToU8('<?xml version="1.0"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="审核人"><w:p><w:r><w:t>已有批注</w:t></w:r></w:p></w:comment></w:comments>');
    const result = parts(fixAllDocx(zipSync(source), OPTIONS).bytes);
    assert.equal(result['word/comments.xml'], undefined);
    assert.equal((result['word/remarks.xml'].match(/<w:comment /g) ?? []).length, 8);
    assert.match(result['word/remarks.xml'], /w:id="1"/);
  });
});
