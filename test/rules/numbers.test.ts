import { strict as assert } from 'node:assert';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { lintDocx } from '../../src/engine';
import { fixAllDocx } from '../../src/hosts/docx';
import { parseCellValue } from '../../src/mapping';
import { notANumber } from '../../src/rules/not-a-number';
import { buildSeedDocx, setActiveValue, setApplicationsValue, type ReportSpec } from '../support/fixtures';
import { ruleTester } from '../support/rule-tester';

const OPTIONS = { currentYear: 2026 };

describe('cell values: note marks and digits apart', () => {
  it('a note mark after a number is a note, not a digit', () => {
    for (const written of ['570¹', '570²³', '570[1]', '570［1］', '570（注1）', '570(注)', '570*', '570※', '570①', '570 ¹']) {
      const v = parseCellValue(written, 'count');
      assert.ok(v.kind === 'number' && v.value === 570 && v.regular, `${written}: ${JSON.stringify(v)}`);
    }
  });

  it('text written as superscript is a note mark, whatever its characters', () => {
    const v = parseCellValue('5701', 'count', [{ start: 3, end: 4 }]);
    assert.ok(v.kind === 'number' && v.value === 570 && v.regular);
    // A cell written all in superscript is a formatting slip: its number still counts.
    const all = parseCellValue('12', 'count', [{ start: 0, end: 2 }]);
    assert.ok(all.kind === 'number' && all.value === 12);
  });

  it('digits apart are unclear, never joined', () => {
    for (const written of ['1 2', '5\n70', '1\u30002', '１ ２']) {
      const v = parseCellValue(written, 'count');
      assert.ok(v.kind === 'text' && v.note.includes('无法确定'), `${JSON.stringify(written)}: ${JSON.stringify(v)}`);
    }
    assert.deepEqual(parseCellValue(' 12\n', 'count'), { kind: 'number', value: 12, regular: true, plain: null, note: null, noteMark: '' });
  });
});

/** Seed 003's 行政许可 570, its last digit a superscript run (a footnote mark typed as raised text). */
async function withRaisedMark(): Promise<Uint8Array> {
  const bytes = await buildSeedDocx('003', (s) => setActiveValue(s, '行政许可', 0, '570¹'));
  const parts = unzipSync(bytes);
  const xml = strFromU8(parts['word/document.xml']);
  const raised = xml.replace('>570¹</w:t>', '>570</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>1</w:t>');
  assert.notEqual(raised, xml);
  parts['word/document.xml'] = strToU8(raised.replace(/>570¹</g, '>570<'));
  return zipSync(parts);
}

/**
 * Seed 003's 行政许可 570 with its mark 1 in a run whose character style (NoteMark, based on
 * FootnoteMark) raises it: nothing on the run itself says superscript. `ownAlign` gives NoteMark
 * a w:vertAlign of its own, overriding the inherited one.
 */
async function withStyledMark(options: { ownAlign?: string; prefix?: string } = {}): Promise<Uint8Array> {
  const parts = unzipSync(await withRaisedMark());
  const xml = strFromU8(parts['word/document.xml']);
  parts['word/document.xml'] = strToU8(xml.replace('<w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>1</w:t>', '<w:rPr><w:rStyle w:val="NoteMark"/></w:rPr><w:t>1</w:t>'));
  const own = options.ownAlign ? `<w:rPr><w:vertAlign w:val="${options.ownAlign}"/></w:rPr>` : '';
  let styles = strFromU8(parts['word/styles.xml']).replace('</w:styles>',
    '<w:style w:type="character" w:styleId="NoteMark"><w:name w:val="note mark"/><w:basedOn w:val="FootnoteMark"/>' + own + '</w:style>'
    + '<w:style w:type="character" w:styleId="FootnoteMark"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style></w:styles>');
  if (options.prefix) styles = styles.replace(/(<\/?)w:/g, `$1${options.prefix}:`).replace(/ w:/g, ` ${options.prefix}:`).replace('xmlns:w=', `xmlns:${options.prefix}=`);
  parts['word/styles.xml'] = strToU8(styles);
  return zipSync(parts);
}

const licensingValue = (bytes: Uint8Array) => {
  const report = lintDocx(bytes, OPTIONS).report;
  const licensing = report.tables.find((t) => t.id === 'active')!.rows.find((r) => r.templateRow?.key === 'licensing')!;
  return [...licensing.cells.values()][0].value;
};

describe('note marks raised by their character style', () => {
  it('a run whose style (or the style it is based on) is superscript holds a note mark: 570¹ is 570', async () => {
    for (const bytes of [await withStyledMark(), await withStyledMark({ prefix: 'ns0' })]) {
      const v = licensingValue(bytes);
      assert.ok(v.kind === 'number' && v.value === 570 && v.regular, JSON.stringify(v));
    }
  });

  it('a style that sets its own baseline is not raised, whatever it is based on', async () => {
    const v = licensingValue(await withStyledMark({ ownAlign: 'baseline' }));
    assert.ok(v.kind === 'number' && v.value === 5701, JSON.stringify(v));
  });

  it('fix-all leaves the marked number and its styled run as they are', async () => {
    const result = fixAllDocx(await withStyledMark(), OPTIONS);
    assert.deepEqual(result.applied.filter((a) => a.diagnostic.table === 'active').map((a) => a.fix.description), []);
    assert.deepEqual(result.remaining.diagnostics.filter((d) => d.table === 'active'), []);
    assert.ok(strFromU8(unzipSync(result.bytes)['word/document.xml']).includes('>570</w:t></w:r><w:r><w:rPr><w:rStyle w:val="NoteMark"/></w:rPr><w:t>1</w:t>'));
  });
});

const TOTAL = '（七）总计';
/** Two applications received, both published: the totals are 2, the 总计 of 予以公开 written as 无. */
const twoPublished = (total: string) => (s: ReportSpec) => ['一、本年新收政府信息公开申请数量', '（一）予以公开', TOTAL].reduce(
  (spec, row) => setApplicationsValue(setApplicationsValue(spec, row, '自然人', '2'), row, '总计', row === '（一）予以公开' ? total : '2'), s);

ruleTester(notANumber, {
  valid: [
    { name: 'seed 003: 行政许可 570¹ (a note mark)', seed: '003', mutate: (s) => setActiveValue(s, '行政许可', 0, '570¹') },
    { name: 'a note mark in brackets', mutate: (s) => setApplicationsValue(s, '2.重复申请', '自然人', '0（注1）') },
  ],
  invalid: [
    { name: 'digits apart: "1 2"', mutate: (s) => setApplicationsValue(s, '2.重复申请', '自然人', '1 2'), errors: [{ severity: 'error', fixable: false, messageIncludes: ['无法确定'] }] },
    { name: 'digits in two lines', mutate: (s) => setApplicationsValue(s, '2.重复申请', '自然人', '5\n70'), errors: [{ severity: 'error', fixable: false }] },
    { name: '无 where the sums allow 0', mutate: (s) => setApplicationsValue(s, '2.重复申请', '自然人', '无'), errors: [{ fixable: true }] },
    {
      name: '无 where the sums imply 2',
      mutate: twoPublished('无'),
      errors: [{ row: '（一）予以公开', column: '总计', fixable: false, messageIncludes: ['应为 2'] }],
    },
  ],
});

describe('not-a-number fixes', () => {
  it('never read 570¹ as 5701, written as text or as a superscript run', async () => {
    for (const bytes of [await buildSeedDocx('003', (s) => setActiveValue(s, '行政许可', 0, '570¹')), await withRaisedMark()]) {
      const report = lintDocx(bytes, OPTIONS);
      const licensing = report.report.tables.find((t) => t.id === 'active')!.rows.find((r) => r.templateRow?.key === 'licensing')!;
      const v = [...licensing.cells.values()][0].value;
      assert.ok(v.kind === 'number' && v.value === 570, JSON.stringify(v));
      assert.deepEqual(report.diagnostics.filter((d) => d.rule === 'not-a-number'), []);
    }
  });

  it('leave digits apart as they are', async () => {
    const bytes = await buildSeedDocx('002', (s) => setApplicationsValue(s, '2.重复申请', '自然人', '1 2'));
    const result = fixAllDocx(bytes, OPTIONS);
    assert.ok(result.remaining.diagnostics.some((d) => d.rule === 'not-a-number' && d.message.includes('1 2')));
  });

  it('offer the value the sums imply for 无, and 0 only as a choice', async () => {
    const [finding] = lintDocx(await buildSeedDocx('002', twoPublished('无')), OPTIONS).diagnostics.filter((d) => d.rule === 'not-a-number');
    assert.deepEqual(finding.suggestions.map((f) => f.edits.map((e) => (e as { text: string }).text)), [['2'], ['0']]);
  });

  it('keep the note mark when rewriting a full-width number', async () => {
    const bytes = await buildSeedDocx('002', (s) => setApplicationsValue(s, '2.重复申请', '自然人', '０*'));
    const [finding] = lintDocx(bytes, OPTIONS).diagnostics.filter((d) => d.rule === 'not-a-number');
    assert.deepEqual(finding.fix!.edits.map((e) => (e as { text: string }).text), ['0*']);
  });
});

describe('sum fixes keep note marks', () => {
  it('a total with a note mark is corrected, the mark kept', async () => {
    const bytes = await buildSeedDocx('002', twoPublished('3[1]'));
    const fixes = lintDocx(bytes, OPTIONS).diagnostics.filter((d) => d.rule === 'sum-mismatch').flatMap((d) => [d.fix, ...d.suggestions]).filter((f) => f !== null);
    const texts = fixes.flatMap((f) => f!.edits.map((e) => (e as { text: string }).text));
    assert.ok(texts.includes('2[1]'), texts.join(', '));
  });
});
