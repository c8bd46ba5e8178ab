import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseWordprocessingML } from '../src/docmodel';
import { lintDocument, lintDocx } from '../src/engine';
import { applyFixes, documentXmlOf, openDocx } from '../src/hosts/docx';
import { buildSeedDocx, cloneSpec, filledValues, isTable, setReviewValue, standardTable, type ReportSpec, type TableSpec } from './support/fixtures';

/** Replaces the seed's standard table `ordinal` (0 表二, 1 表三, 2 表四) by other Word tables. */
function replaceTable(spec: ReportSpec, ordinal: number, replacement: TableSpec[]): ReportSpec {
  const target = spec.blocks.filter(isTable)[ordinal];
  return { blocks: spec.blocks.flatMap((b) => (b === target ? replacement : [b])) };
}

describe('table layouts found in real reports', () => {
  it('表二 split into four small tables is one standard table, with no findings', async () => {
    const split = standardTable('active', '2021', filledValues('active', '2021'), { splitBlocks: true });
    assert.equal(split.length, 4);
    const r = lintDocx(await buildSeedDocx('002', (s) => replaceTable(s, 0, split)), { currentYear: 2026 });
    assert.deepEqual(r.diagnostics.map((d) => d.rule), []);
    assert.equal(r.report.tables.find((t) => t.id === 'active')!.parts.length, 4);
  });

  it('表三 split after any row still maps all 25 rows', async () => {
    for (const after of ['（一）予以公开', '3.补正后申请内容仍不明确', '3.其他']) {
      const parts = standardTable('applications', '2021', filledValues('applications', '2021'), { splitAfterRow: after });
      const r = lintDocx(await buildSeedDocx('002', (s) => replaceTable(s, 1, parts)), { currentYear: 2026 });
      assert.deepEqual(r.diagnostics.map((d) => d.message), [], after);
      assert.equal(r.report.tables.find((t) => t.id === 'applications')!.rows.length, 25, after);
    }
  });

  it('a table that only mentions a label is not taken for a standard table', async () => {
    const r = lintDocx(await buildSeedDocx('002', (s) => ({ blocks: [...s.blocks, { kind: 'table', rows: [{ cells: [{ text: '行政许可' }, { text: '说明' }] }] }] })), { currentYear: 2026 });
    assert.deepEqual(r.diagnostics.map((d) => d.rule), []);
  });
});

describe('engine stays host-independent', () => {
  const ENGINE = ['template', 'docmodel', 'mapping', 'rules', 'engine'];
  it('imports no Node built-in and uses no browser, process or network global', () => {
    for (const folder of ENGINE) {
      const dir = resolve(__dirname, '../src', folder);
      const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
      for (const file of files) {
        const source = readFileSync(join(dir, file), 'utf8');
        assert.doesNotMatch(source, /from '(node:|fs|path|os|child_process)/, `${folder}/${file}`);
        // `document` is a legitimate variable name here (the DocumentModel), so only unambiguous globals are checked.
        assert.doesNotMatch(source, /\b(window|process|require|navigator|localStorage|fetch|XMLHttpRequest|DOMParser)\s*[.(]/, `${folder}/${file}`);
      }
    }
  });
});

describe('a 2021 report that kept one 2019 block', () => {
  it('reports the leftover 第二十条第（九）项 block as extra rows only, not as wrong headers or cells', async () => {
    const trial = standardTable('active', '2019', filledValues('active', '2019', '7'), { splitBlocks: true });
    const leftover = trial[trial.length - 1];
    const r = lintDocx(await buildSeedDocx('002', (s) => {
      const active = s.blocks.filter(isTable)[0];
      return { blocks: s.blocks.flatMap((b) => (b === active ? [b, leftover] : [b])) };
    }), { currentYear: 2026 });
    assert.deepEqual(r.diagnostics.map((d) => d.rule), ['extra-row', 'extra-row']);
    assert.ok(r.diagnostics.some((d) => d.message.includes('第二十条第（九）项')));
  });
});

describe('a caption row inside the table', () => {
  const captions: [number, string, number][] = [
    [0, '表二 主动公开政府信息情况', 4],
    [1, '表三：收到和处理政府信息公开申请情况', 10],
    [2, '四、政府信息公开行政复议、行政诉讼情况（单位：件）', 15],
  ];
  for (const [ordinal, caption, width] of captions) {
    it(`“${caption}” above the header is not a row of the table`, async () => {
      const r = lintDocx(await buildSeedDocx('002', (s) => {
        const copy = cloneSpec(s);
        copy.blocks.filter(isTable)[ordinal].rows.unshift({ cells: [{ text: caption, colSpan: width }] });
        return copy;
      }), { currentYear: 2026 });
      assert.deepEqual(r.diagnostics.map((d) => d.message), []);
    });
  }

  it('and a real defect under it is still found', async () => {
    const r = lintDocx(await buildSeedDocx('002', (s) => {
      const copy = cloneSpec(setReviewValue(s, '行政复议', '总计', ''));
      copy.blocks.filter(isTable)[2].rows.unshift({ cells: [{ text: '表四 政府信息公开行政复议、行政诉讼情况', colSpan: 15 }] });
      return copy;
    }), { currentYear: 2026 });
    assert.deepEqual(r.diagnostics.map((d) => `${d.rule} ${d.row} ${d.column}`), ['empty-cell 行政复议 总计']);
  });
});

describe('documents that are not annual reports', () => {
  it('a small table mentioning 行政复议 and 行政诉讼 in another kind of report is not 表四', async () => {
    const r = lintDocx(await buildSeedDocx('002', () => ({
      blocks: [
        { kind: 'paragraph', text: '某某县2024年法治政府建设年度报告' },
        { kind: 'paragraph', text: '一、主要举措和成效' },
        { kind: 'table', rows: [{ cells: [{ text: '行政复议' }, { text: '行政诉讼' }] }, { cells: [{ text: '12' }, { text: '3' }] }] },
        { kind: 'paragraph', text: '二、存在的不足和原因' },
      ],
    })), { currentYear: 2026 });
    assert.equal(r.isReport, false);
    assert.deepEqual(r.diagnostics, []);
  });

  it('a 表三 continued in a piece with a single standard label is still joined', async () => {
    const parts = standardTable('applications', '2021', filledValues('applications', '2021'), { splitAfterRow: '（七）总计' });
    const r = lintDocx(await buildSeedDocx('002', (s) => {
      const target = s.blocks.filter(isTable)[1];
      return { blocks: s.blocks.flatMap((b) => (b === target ? parts : [b])) };
    }), { currentYear: 2026 });
    assert.deepEqual(r.diagnostics.map((d) => d.message), []);
    assert.equal(r.report.tables.find((t) => t.id === 'applications')!.parts.length, 2);
  });
});

describe('a report laid out inside a one-cell frame table (as web pages converted to Word often are)', () => {
  it('finds the standard tables inside the frame, and fixes address them', async () => {
    const bytes = await buildSeedDocx('004');
    const xml = documentXmlOf(openDocx(bytes));
    const inner = parseWordprocessingML(xml).tables[1].source;
    const framed = `${xml.slice(0, inner.start)}<w:tbl><w:tr><w:tc><w:p/>${xml.slice(inner.start, inner.end)}<w:p/></w:tc></w:tr></w:tbl>${xml.slice(inner.end)}`;
    const model = parseWordprocessingML(framed);
    assert.equal(model.tables.length, 3);
    const result = lintDocument(model, { currentYear: 2026 });
    assert.deepEqual(result.diagnostics.map((d) => d.rule), Array(5).fill('empty-cell'));
    const fixed = applyFixes(framed, result.diagnostics.map((d) => d.fix!), 0);
    assert.equal(fixed.applied.length, 5);
    assert.deepEqual(lintDocument(parseWordprocessingML(fixed.xml), { currentYear: 2026 }).diagnostics, []);
  });

  it('a table with several cells keeps its nested tables to itself', () => {
    const nested = '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
    const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr><w:tc>${nested}<w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>`;
    assert.equal(parseWordprocessingML(xml).tables.length, 1);
  });
});
