import { strict as assert } from 'node:assert';
import { parseWordprocessingML } from '../../src/docmodel';
import { rowText, type Fix } from '../../src/edits/types';
import { applyFixes } from '../../src/hosts/docx';
import { paragraphLikeXml } from '../../src/ooxml/cell-xml';
import { applySplices } from '../../src/ooxml/xml-tree';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) => `<w:document ${W}><w:body>${body}</w:body></w:document>`;
const run = (text: string, bold = false) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t>${text}</w:t></w:r>`;
const cell = (inner: string, props = '<w:tcW w:w="1000" w:type="dxa"/>') => `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr>${inner}</w:p></w:tc>`;
const TABLE = `<w:tbl><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="2000"/><w:gridCol w:w="500"/></w:tblGrid>` +
  `<w:tr>${cell(run('组', true), '<w:tcW w:w="1000" w:type="dxa"/><w:vMerge w:val="restart"/>')}${cell(run('1.甲'))}${cell(run('无'))}</w:tr>` +
  `<w:tr>${cell('', '<w:tcW w:w="1000" w:type="dxa"/><w:vMerge/>')}${cell(run('2.乙'))}${cell('<w:bookmarkStart w:id="7" w:name="keep"/>' + run('3') + run('4') + '<w:bookmarkEnd w:id="7"/>')}</w:tr></w:tbl>`;
const XML = doc(`<w:p>${run('标题')}</w:p>${TABLE}<w:p>${run('尾')}</w:p>`);

const fix = (...edits: Fix['edits']): Fix => ({ description: 'test', edits });
const model = (xml: string) => parseWordprocessingML(xml);

/** The part of `after` that differs from `before`: [start, endInBefore, endInAfter]. */
function changedRegion(before: string, after: string): [number, number, number] {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return [start, before.length - end, after.length - end];
}

describe('applying edits to WordprocessingML', () => {
  it('sets a cell text keeping cell, paragraph and run formatting, changing nothing outside the cell', () => {
    const target = model(XML).tables[0].rows[0].cells[1];
    const result = applyFixes(XML, [fix({ kind: 'set-cell-text', tableIndex: 0, rowIndex: 0, cellIndex: 1, expected: '1.甲', text: '1.丙' })], 0);
    const after = model(result.xml).tables[0].rows[0].cells[1];
    assert.equal(after.text, '1.丙');
    const [start, end] = changedRegion(XML, result.xml);
    assert.ok(start >= target.source.start && end <= target.source.end, 'change stays inside the cell');
    assert.match(result.xml.slice(after.source.start, after.source.end), /<w:tcW w:w="1000" w:type="dxa"\/><\/w:tcPr><w:p><w:pPr><w:jc w:val="center"\/><\/w:pPr><w:r><w:t xml:space="preserve">1\.丙<\/w:t>/);
  });

  it('joins several runs into one and keeps bookmarks in the cell', () => {
    const result = applyFixes(XML, [fix({ kind: 'set-cell-text', tableIndex: 0, rowIndex: 1, cellIndex: 2, expected: '34', text: '0' })], 0);
    const c = model(result.xml).tables[0].rows[1].cells[2];
    assert.equal(c.text, '0');
    assert.deepEqual(c.bookmarks, ['keep']);
  });

  it('skips a stale fix (the text changed since the lint) and applies nothing of it', () => {
    const result = applyFixes(XML, [fix({ kind: 'set-cell-text', tableIndex: 0, rowIndex: 0, cellIndex: 2, expected: '5', text: '0' })], 0);
    assert.equal(result.xml, XML);
    assert.equal(result.applied.length, 0);
    assert.match(result.skipped[0].reason, /内容已变化/);
  });

  it('applies a fix whole or not at all, and never two fixes on the same element', () => {
    const good = fix({ kind: 'set-cell-text', tableIndex: 0, rowIndex: 0, cellIndex: 2, expected: '无', text: '0' });
    const overlapping = fix({ kind: 'set-cell-text', tableIndex: 0, rowIndex: 0, cellIndex: 2, expected: '无', text: '9' });
    const halfStale = fix(
      { kind: 'set-cell-text', tableIndex: 0, rowIndex: 1, cellIndex: 1, expected: '2.乙', text: '2.丁' },
      { kind: 'set-cell-text', tableIndex: 0, rowIndex: 9, cellIndex: 0, expected: '', text: 'x' },
    );
    const result = applyFixes(XML, [good, overlapping, halfStale], 0);
    assert.deepEqual(result.applied, [good]);
    const rows = model(result.xml).tables[0].rows;
    assert.equal(rows[0].cells[2].text, '0');
    assert.equal(rows[1].cells[1].text, '2.乙');
  });

  it('treats two insertions at one point as a conflict: the first is written, the second skipped, never both in an order of chance', () => {
    const insert = (text: string) => fix({ kind: 'insert-after', after: { paragraphIndex: 0 }, expected: '标题', xml: `<w:p>${run(text)}</w:p>` });
    const [first, second] = [insert('甲'), insert('乙')];
    const result = applyFixes(XML, [first, second], 0);
    assert.deepEqual(result.applied, [first]);
    assert.deepEqual(result.skipped.map((s) => [s.fix, s.reason]), [[second, '与另一处修改重叠，未同时应用']]);
    assert.deepEqual(model(result.xml).blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])), ['标题', '甲', '尾']);

    const rows = (text: string) => fix({
      kind: 'insert-rows', tableIndex: 0, rowIndex: 2, formatRowIndex: 1, expected: rowText(model(XML).tables[0].rows[1].cells),
      rows: [[{ text: '', gridSpan: 1, verticalMerge: 'continue' }, { text, gridSpan: 2, verticalMerge: null }]],
    });
    const [third, fourth] = [rows('3.丙'), rows('3.丁')];
    const rowResult = applyFixes(XML, [third, fourth], 0);
    assert.deepEqual(rowResult.applied, [third]);
    assert.equal(model(rowResult.xml).tables[0].rows.length, 3);
  });

  it('inserts a row that continues the merge above it, sized from the grid', () => {
    const before = model(XML).tables[0];
    const result = applyFixes(XML, [fix({
      kind: 'insert-rows', tableIndex: 0, rowIndex: 2, formatRowIndex: 1, expected: rowText(before.rows[1].cells),
      rows: [[{ text: '', gridSpan: 1, verticalMerge: 'continue' }, { text: '3.丙', gridSpan: 2, verticalMerge: null }]],
    })], 0);
    const table = model(result.xml).tables[0];
    assert.equal(table.rows.length, 3);
    assert.equal(table.rows[0].cells[0].rowSpan, 3);
    assert.equal(table.rows[2].cells[1].text, '3.丙');
    assert.equal(table.rows[2].cells[1].gridSpan, 2);
    assert.match(result.xml, /<w:tcW w:w="2500" w:type="dxa"\/><w:gridSpan w:val="2"\/>/);
  });

  it('replaces a row by several, and takes over a merge start', () => {
    const t = model(XML).tables[0];
    const result = applyFixes(XML, [fix(
      { kind: 'continue-merge', tableIndex: 0, rowIndex: 0, cellIndex: 0, expected: '组' },
      {
        kind: 'insert-rows', tableIndex: 0, rowIndex: 0, formatRowIndex: 0, expected: rowText(t.rows[0].cells),
        rows: [[{ text: '组', gridSpan: 1, verticalMerge: 'restart' }, { text: '0.零', gridSpan: 1, verticalMerge: null }, { text: '0', gridSpan: 1, verticalMerge: null }]],
      },
    )], 0);
    const rows = model(result.xml).tables[0].rows;
    assert.deepEqual(rows.map((r) => r.cells.map((c) => c.text).join('|')), ['组|0.零|0', '|1.甲|无', '|2.乙|34']);
    assert.equal(rows[0].cells[0].rowSpan, 3);
  });

  it('deleting the row that starts a merge hands the merge start and its text to the row below', () => {
    const t = model(XML).tables[0];
    const result = applyFixes(XML, [fix({ kind: 'delete-row', tableIndex: 0, rowIndex: 0, expected: rowText(t.rows[0].cells) })], 0);
    const rows = model(result.xml).tables[0].rows;
    assert.equal(rows.length, 1);
    assert.equal(rows[0].cells[0].text, '组');
    assert.equal(rows[0].cells[0].verticalMerge, null);
  });

  it('rewrites a paragraph and inserts content after it', () => {
    const result = applyFixes(XML, [
      fix({ kind: 'set-paragraph-text', paragraphIndex: 0, expected: '标题', text: '一、总体情况' }),
      fix({ kind: 'insert-after', after: { tableIndex: 0 }, expected: rowText(model(XML).tables[0].rows[0].cells) + '\n' + rowText(model(XML).tables[0].rows[1].cells), xml: `<w:p>${run('新段')}</w:p>` }),
    ], 0);
    assert.deepEqual(model(result.xml).paragraphs.map((p) => p.text), ['一、总体情况', '新段', '尾']);
  });

  it('marks a generated value with a comment and a confirmation bookmark, and confirm-value removes the mark', () => {
    const t = model(XML).tables[0];
    const rows = [[{ text: '', gridSpan: 1, verticalMerge: 'continue' as const }, { text: '3.丙', gridSpan: 1, verticalMerge: null }, { text: '0', gridSpan: 1, verticalMerge: null, comment: '请填写' }]];
    const marked = applyFixes(XML, [fix({ kind: 'insert-rows', tableIndex: 0, rowIndex: 2, formatRowIndex: 1, expected: rowText(t.rows[1].cells), rows })], 5);
    assert.deepEqual(marked.comments, [{ id: 5, text: '请填写' }]);
    const cellModel = model(marked.xml).tables[0].rows[2].cells[2];
    assert.deepEqual(cellModel.bookmarks, ['_nbConfirm_0_5']);
    assert.match(marked.xml, /<w:commentRangeStart w:id="5"\/>.*<w:commentReference w:id="5"\/>/);
    const confirmed = applyFixes(marked.xml, [fix({ kind: 'confirm-value', tableIndex: 0, rowIndex: 2, cellIndex: 2, expected: '0' })], 6);
    assert.deepEqual(model(confirmed.xml).tables[0].rows[2].cells[2].bookmarks, []);
    assert.doesNotMatch(confirmed.xml, /_nbConfirm_/);
  });
});

describe('rewriting text that has tracked changes', () => {
  it('leaves no tracked change that would bring old text back on accept or reject', () => {
    const tracked = doc(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1.属于国家</w:t></w:r><w:del w:id="9"><w:r><w:delText>秘密</w:delText></w:r></w:del><w:ins w:id="10"><w:r><w:t>机密</w:t></w:r></w:ins><w:bookmarkStart w:id="1" w:name="keep"/><w:bookmarkEnd w:id="1"/></w:p></w:tc></w:tr></w:tbl>`);
    const result = applyFixes(tracked, [fix({ kind: 'set-cell-text', tableIndex: 0, rowIndex: 0, cellIndex: 0, expected: '1.属于国家机密', text: '1.属于国家秘密' })], 0);
    const cellXml = result.xml.slice(result.xml.indexOf('<w:tc>'), result.xml.indexOf('</w:tc>'));
    assert.doesNotMatch(cellXml, /w:del|w:ins|delText/);
    assert.match(cellXml, /bookmarkStart/);
    const rejected = cellXml.replace(/<w:ins\b[\s\S]*?<\/w:ins>/g, '').replace(/<w:delText>/g, '<w:t>');
    assert.equal(model(doc(`<w:tbl><w:tr>${rejected}</w:tc></w:tr></w:tbl>`)).tables[0].rows[0].cells[0].text, '1.属于国家秘密');
  });
});

describe('a paragraph made like another', () => {
  it('keeps the formatting but not the numbering, bookmarks or ids', () => {
    const model = '<w:p w14:paraId="1A2B"><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr><w:jc w:val="left"/></w:pPr><w:bookmarkStart w:id="3" w:name="_Toc1"/><w:r><w:rPr><w:b/></w:rPr><w:t>四、旧</w:t></w:r><w:bookmarkEnd w:id="3"/></w:p>';
    assert.equal(paragraphLikeXml(model, '三、新'), '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">三、新</w:t></w:r></w:p>');
  });
});

describe('many fixes in one document', () => {
  const rows = 300;
  const bigTable = `<w:tbl><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/></w:tblGrid>` +
    Array.from({ length: rows }, (_, i) => `<w:tr>${cell(run(`行${i}`))}${cell(i % 3 === 0 ? '' : run(String(i)))}</w:tr>`).join('') + '</w:tbl>';
  const bigXml = doc(`<w:p>${run('标题')}</w:p>${bigTable}<w:p>${run('尾')}</w:p>`);
  const blankCellFixes = Array.from({ length: rows }, (_, i) => i).filter((i) => i % 3 === 0)
    .map((i) => fix({ kind: 'set-cell-text', tableIndex: 0, rowIndex: i, cellIndex: 1, expected: '', text: '0' }));

  it('applies a hundred fixes at once exactly as applied one after another', () => {
    const together = applyFixes(bigXml, blankCellFixes, 0);
    assert.equal(together.applied.length, blankCellFixes.length);
    assert.equal(together.skipped.length, 0);
    // Applied from the last to the first, one at a time, every offset stays valid: the reference result.
    const oneByOne = [...blankCellFixes].reverse().reduce((xml, f) => applyFixes(xml, [f], 0).xml, bigXml);
    assert.equal(together.xml, oneByOne);
    const cells = model(together.xml).tables[0].rows.map((r) => r.cells[1].text);
    assert.deepEqual(cells, Array.from({ length: rows }, (_, i) => (i % 3 === 0 ? '0' : String(i))));
  });

  it('keeps insertions at one point in reverse of the given order, before a replacement starting there', () => {
    const xml = 'abcdef';
    const spliced = applySplices(xml, [
      { start: 2, end: 2, text: '1' },
      { start: 4, end: 6, text: 'X' },
      { start: 2, end: 2, text: '2' },
      { start: 2, end: 3, text: 'C' },
      { start: 0, end: 0, text: '<' },
    ]);
    assert.equal(spliced, '<ab21CdX');
  });
});
