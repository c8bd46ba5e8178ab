import { strict as assert } from 'node:assert';
import { strToU8, zipSync } from 'fflate';
import fc from 'fast-check';
import { DocumentReadError, parseWordprocessingML, raisedStyleIds, readDocument } from '../src/docmodel';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const p = (inner: string) => `<w:p>${inner}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (text: string, props = '') => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${p(r(text))}</w:tc>`;
const docx = (xml: string) => zipSync({
  '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
  '_rels/.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
  'word/document.xml': strToU8(xml),
});

describe('document model', () => {
  it('joins runs and reads text as the reader sees it', () => {
    const m = parseWordprocessingML(doc(
      p(r('一、') + r('总体') + '<w:ins w:id="1"><w:r><w:t>情况</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>删掉</w:delText></w:r></w:del>') +
      p(`<w:sdt><w:sdtContent><w:customXml><w:smartTag><w:hyperlink>${r('包')}</w:hyperlink></w:smartTag></w:customXml></w:sdtContent></w:sdt>${r('装')}`) +
      p(`${r('甲')}<w:r><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>3</w:t></w:r>`) +
      p(`<mc:AlternateContent><mc:Choice>${r('选')}</mc:Choice><mc:Fallback>${r('备')}</mc:Fallback></mc:AlternateContent>`),
    ));
    assert.deepEqual(m.paragraphs.map((x) => x.text), ['一、总体情况', '包装', '甲\t乙\n丙3', '选']);
  });

  it('reads tables as a grid: gridBefore, gridSpan, vertical merges and Word cell indices', () => {
    const m = parseWordprocessingML(doc(`<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
      <w:tr>${tc('A', '<w:vMerge w:val="restart"/>')}${tc('B', '<w:gridSpan w:val="2"/>')}</w:tr>
      <w:tr>${tc('', '<w:vMerge/>')}${tc('C')}${tc('D')}</w:tr>
      <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('E')}${tc('F')}</w:tr></w:tbl>`));
    const [table] = m.tables;
    assert.equal(table.gridColumnCount, 3);
    const cells = table.rows.map((row) => row.cells.map((c) => `${c.cellIndex}@${c.gridColumn}+${c.gridSpan}${c.verticalMerge ? `/${c.verticalMerge}${c.rowSpan}` : ''}:${c.text}`));
    assert.deepEqual(cells, [['0@0+1/restart2:A', '1@1+2:B'], ['0@0+1/continue1:', '1@1+1:C', '2@2+1:D'], ['0@1+1:E', '1@2+1:F']]);
  });

  it('reads a table of several cells holding tables as a layout frame: its cells’ content in reading order', () => {
    const nested = `<w:tbl><w:tr>${tc('内')}</w:tr></w:tbl>`;
    const m = parseWordprocessingML(doc(`<w:tbl><w:tr><w:tc>${p(r('外'))}${nested}</w:tc>${tc('旁')}</w:tr></w:tbl>${p(r('后'))}`));
    assert.deepEqual(m.blocks.map((b) => (b.kind === 'table' ? `T${b.tableIndex}:${b.rows[0].cells[0].text}` : b.text)), ['外', 'T0:内', '旁', '后']);
    assert.equal(m.tables.length, 1);
  });

  it('unwraps layout frames inside layout frames, and survives nesting thousands deep', () => {
    const inner = (label: string) => `<w:tbl><w:tr>${tc(label)}</w:tr></w:tbl>`;
    const frame = (content: string) => `<w:tbl><w:tr><w:tc>${content}<w:p/></w:tc>${tc('边')}</w:tr></w:tbl>`;
    const m = parseWordprocessingML(doc(frame(frame(inner('表')))));
    assert.deepEqual(m.blocks.map((b) => (b.kind === 'table' ? `T${b.tableIndex}:${b.rows[0].cells[0].text}` : b.text)), ['T0:表', '', '边', '', '边']);
    const deep = parseWordprocessingML(doc('<w:tbl><w:tr><w:tc>'.repeat(5000) + inner('底') + '<w:p/></w:tc></w:tr></w:tbl>'.repeat(5000)));
    assert.deepEqual(deep.tables.map((t) => t.rows[0].cells[0].text), ['底']);
  });

  it('unwraps a one-cell frame table holding tables: its content is the body’s', () => {
    const inner = `<w:tbl><w:tr>${tc('表')}</w:tr></w:tbl>`;
    const m = parseWordprocessingML(doc(`${p(r('前'))}<w:tbl><w:tr><w:tc>${p(r('说明'))}${inner}</w:tc></w:tr></w:tbl>${p(r('后'))}`));
    assert.deepEqual(m.blocks.map((b) => (b.kind === 'table' ? `T${b.tableIndex}:${b.rows[0].cells[0].text}` : b.text)), ['前', '说明', 'T0:表', '后']);
    assert.deepEqual(m.paragraphs.map((x) => x.paragraphIndex), [0, 1, 3]);
  });

  it('records source ranges that cut out exactly the element', () => {
    const xml = doc(`${p(r('标题'))}<w:tbl><w:tr>${tc('格')}</w:tr></w:tbl>`);
    const m = parseWordprocessingML(xml);
    const cell = m.tables[0].rows[0].cells[0];
    assert.equal(xml.slice(cell.source.start, cell.source.end), tc('格'));
    assert.equal(xml.slice(m.paragraphs[0].source.start, m.paragraphs[0].source.end), p(r('标题')));
  });

  it('marks automatically numbered paragraphs', () => {
    const m = parseWordprocessingML(doc(`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${r('总体情况')}</w:p>`));
    assert.equal(m.paragraphs[0].autoNumbered, true);
  });

  it('reads a flat OPC package as getOoxml() returns it', () => {
    const flat = `<?xml version="1.0"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml"><pkg:xmlData>${doc(p(r('平')))
      .replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '')}</pkg:xmlData></pkg:part></pkg:package>`;
    assert.equal(readDocument(strToU8(flat)).paragraphs[0].text, '平');
  });

  it('reads a .docx zip', () => {
    assert.equal(readDocument(docx(doc(p(r('文'))))).paragraphs[0].text, '文');
  });

  describe('bad input gets a Chinese message and a code', () => {
    const ole = (extra: string) => {
      const bytes = new Uint8Array(4096);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      [...extra].forEach((ch, i) => { bytes[1024 + i * 2] = ch.charCodeAt(0); });
      return bytes;
    };
    const cases: [string, Uint8Array, string, RegExp][] = [
      ['legacy .doc', ole('WordDocument'), 'legacy-doc', /另存为/],
      ['encrypted .docx', ole('EncryptionInfo'), 'encrypted', /加密/],
      ['corrupt zip', docx(doc('')).slice(0, 60), 'corrupt', /损坏/],
      ['zip without a document', zipSync({ 'a.txt': strToU8('x') }), 'not-word', /不是 Word/],
      ['PDF', strToU8('%PDF-1.7 ...'), 'not-word', /PDF/],
      ['empty file', new Uint8Array(0), 'empty', /空/],
      ['malformed XML', docx('<w:document><w:body><w:p></w:body>'), 'corrupt', /损坏/],
    ];
    for (const [name, bytes, code, message] of cases) {
      it(name, () => {
        assert.throws(() => readDocument(bytes), (e: unknown) => e instanceof DocumentReadError && e.code === code && message.test(e.message));
      });
    }
  });
});

describe('document model: what Word shows, not what it keeps', () => {
  const table = (...cells: string[]) => `<w:tbl><w:tblGrid>${cells.map(() => '<w:gridCol/>').join('')}</w:tblGrid><w:tr>${cells.join('')}</w:tr></w:tbl>`;
  const cellsOf = (xml: string) => parseWordprocessingML(doc(xml)).tables[0].rows[0].cells;

  it('hidden text (w:vanish) is not read; w:vanish w:val="0" is visible text', () => {
    const hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t>9</w:t></w:r>';
    const shown = '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>2</w:t></w:r>';
    assert.deepEqual(cellsOf(table(`<w:tc>${p(r('1') + hidden)}</w:tc>`, `<w:tc>${p(r('1') + shown)}</w:tc>`)).map((c) => c.text), ['1', '12']);
    const heading = parseWordprocessingML(doc(p('<w:r><w:rPr><w:vanish/></w:rPr><w:t>（填写说明）</w:t></w:r>' + r('一、总体情况')))).paragraphs[0];
    assert.equal(heading.text, '一、总体情况');
  });

  it('tracked formatting changes (the properties as they were) are not read as the current ones', () => {
    const oldHidden = '<w:r><w:rPr><w:rPrChange w:id="1" w:author="a"><w:rPr><w:vanish/><w:vertAlign w:val="superscript"/></w:rPr></w:rPrChange></w:rPr><w:t>5</w:t></w:r>';
    const [cell] = cellsOf(table(`<w:tc>${p(r('1') + oldHidden)}</w:tc>`));
    assert.equal(cell.text, '15');
    assert.deepEqual(cell.superscripts, []);
    const oldSpan = '<w:tcPr><w:gridSpan w:val="2"/><w:tcPrChange w:id="2" w:author="a"><w:tcPr><w:gridSpan w:val="3"/><w:vMerge w:val="restart"/></w:tcPr></w:tcPrChange></w:tcPr>';
    const model = parseWordprocessingML(doc(`<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:tblGridChange w:id="3"><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid></w:tblGridChange></w:tblGrid><w:tr><w:tc>${oldSpan}${p(r('x'))}</w:tc></w:tr></w:tbl>`));
    const [spanned] = model.tables[0].rows[0].cells;
    assert.equal(spanned.gridSpan, 2);
    assert.equal(spanned.verticalMerge, null);
    assert.equal(model.tables[0].gridColumnCount, 2);
    const wasNumbered = parseWordprocessingML(doc(p('<w:pPr><w:pPrChange w:id="4" w:author="a"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr>' + r('一、总体情况')))).paragraphs[0];
    assert.equal(wasNumbered.autoNumbered, false);
  });
});

describe('document model: superscript through character styles', () => {
  const style = (id: string, inner: string) => `<w:style w:type="character" w:styleId="${id}"><w:name w:val="${id}"/>${inner}</w:style>`;
  const styles = (...defs: string[]) => `<w:styles ${W}>${defs.join('')}</w:styles>`;
  const raised = (align: string) => `<w:rPr><w:vertAlign w:val="${align}"/></w:rPr>`;

  it('finds the styles that raise their text, directly or through w:basedOn, own setting first', () => {
    const ids = raisedStyleIds(styles(
      style('Mark', raised('superscript')),
      style('Derived', '<w:basedOn w:val="Mark"/>'),
      style('Lowered', '<w:basedOn w:val="Mark"/>' + raised('baseline')),
      style('Plain', '<w:rPr><w:b/></w:rPr>'),
      style('LoopA', '<w:basedOn w:val="LoopB"/>'),
      style('LoopB', '<w:basedOn w:val="LoopA"/>'),
      '<w:style w:type="character" w:styleId="Empty"/>',
    ));
    assert.deepEqual([...ids].sort(), ['Derived', 'Mark']);
  });

  it('reads a flat OPC package with its own styles part (as Word and WPS hand over a range)', () => {
    const body = `<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>${p(r('570') + '<w:r><w:rPr><w:rStyle w:val="Mark"/></w:rPr><w:t>1</w:t></w:r>')}</w:tc></w:tr></w:tbl>`;
    const cell = (xml: string) => parseWordprocessingML(xml).tables[0].rows[0].cells[0];
    const flat = '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
      + `<pkg:part pkg:name="/word/document.xml"><pkg:xmlData>${doc(body).replace(/^<\?xml[^>]*\?>/, '')}</pkg:xmlData></pkg:part>`
      + `<pkg:part pkg:name="/word/styles.xml"><pkg:xmlData>${styles(style('Mark', raised('superscript')))}</pkg:xmlData></pkg:part></pkg:package>`;
    assert.deepEqual(cell(flat).superscripts, [{ start: 3, end: 4 }]);
    assert.deepEqual(cell(doc(body)).superscripts, [], 'no styles part: nothing raised');
  });
});

describe('document model: rows and tables deleted under Track Changes', () => {
  const del = '<w:del w:id="1" w:author="x" w:date="2026-01-01T00:00:00Z"/>';
  const deletedRow = (text: string) => `<w:tr><w:trPr>${del}</w:trPr><w:tc><w:p><w:del w:id="2" w:author="x"><w:r><w:delText>${text}</w:delText></w:r></w:del></w:p></w:tc></w:tr>`;
  const row = (text: string) => `<w:tr>${tc(text)}</w:tr>`;

  it('a deleted row is not read, and the rows after it keep Word’s row index', () => {
    const model = parseWordprocessingML(doc(`<w:tbl>${row('a')}${deletedRow('old')}${row('b')}</w:tbl>`));
    assert.deepEqual(model.tables[0].rows.map((x) => [x.rowIndex, x.cells[0].text]), [[0, 'a'], [2, 'b']]);
  });

  it('a table whose rows are all deleted is not read, and the tables after it keep Word’s table index', () => {
    const model = parseWordprocessingML(doc(`<w:tbl>${deletedRow('old')}${deletedRow('older')}</w:tbl>${p(r('x'))}<w:tbl>${row('new')}</w:tbl>`));
    assert.deepEqual(model.tables.map((t) => [t.tableIndex, t.rows[0].cells[0].text]), [[1, 'new']]);
    assert.deepEqual(model.blocks.map((b) => b.kind), ['paragraph', 'table']);
  });

  it('a w:del inside a cell (deleted text) does not mark its row deleted', () => {
    const model = parseWordprocessingML(doc(`<w:tbl><w:tr><w:tc><w:p><w:del w:id="3" w:author="x"><w:r><w:delText>old</w:delText></w:r></w:del>${r('new')}</w:p></w:tc></w:tr></w:tbl>`));
    assert.equal(model.tables[0].rows[0].cells[0].text, 'new');
  });
});

describe('document model on arbitrary input (property)', () => {
  const onlyReadErrors = (read: () => unknown) => {
    try {
      read();
      return true;
    } catch (error) {
      return error instanceof DocumentReadError && /[\u4e00-\u9fff]/.test(error.message);
    }
  };
  it('any bytes either read or fail with a Chinese DocumentReadError, never another exception', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => onlyReadErrors(() => readDocument(bytes))), { numRuns: 300 });
  });
  it('any text as document.xml inside a real zip does too', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => onlyReadErrors(() => readDocument(docx(text)))), { numRuns: 300 });
  });
  it('truncated and bit-flipped .docx files do too', () => {
    const good = docx(doc(p(r('一、总体情况'))));
    fc.assert(fc.property(fc.nat(good.length - 1), fc.nat(255), (at, value) => {
      const flipped = good.slice();
      flipped[at] = value;
      return onlyReadErrors(() => readDocument(good.slice(0, at))) && onlyReadErrors(() => readDocument(flipped));
    }), { numRuns: 300 });
  });
});
