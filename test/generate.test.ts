import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseWordprocessingML, readDocument, type Table, type TableCell, type TableRow } from '../src/docmodel';
import { lintDocx } from '../src/engine';
import {
  blankReportDocx, buildDocx, defaultGroupMerge, documentXml, reportSkeletonXml, reportTitle, standardCellAddress,
  standardGridWidths, standardRowCells, standardRowXml, standardTableLayout, standardTablesXml, standardTableXml,
} from '../src/generate';
import { template, TABLE_IDS, templateTable, type TableId, type Variant } from '../src/template';

const CURRENT_YEAR = 2026;
const OUTPUT_DIR = join(__dirname, '..', 'test-output', 'generated');
const AGENCY = '某某市某某区人民政府';

const titleParagraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
/** A document holding the given tables under a title naming the year (2019 format: a 2020 report). */
const docWith = (year: number, ...tables: string[]) =>
  buildDocx(documentXml(titleParagraph(`某机关${year}年政府信息公开工作年度报告`) + tables.join(titleParagraph(''))));

const yearFor = (variant: Variant) => (variant === '2019' ? 2020 : 2025);

function findCell(table: Table, text: string): { row: TableRow; cell: TableCell } {
  for (const row of table.rows) {
    const cell = row.cells.find((c) => c.text === text);
    if (cell) return { row, cell };
  }
  assert.fail(`no cell “${text}”`);
}

function assertFullRows(table: Table, width: number): void {
  for (const row of table.rows) {
    assert.equal(row.cells.reduce((n, c) => n + c.gridSpan, 0), width, `row ${row.rowIndex} covers ${width} grid columns`);
    let g = 0;
    for (const c of row.cells) {
      assert.equal(c.gridColumn, g);
      g += c.gridSpan;
    }
  }
}

/** Each w:tc of the XML, with its content. */
const tcs = (xml: string) => xml.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];

describe('generate: standard tables and report skeleton', () => {
  let blank: Uint8Array;

  before(() => {
    blank = blankReportDocx({ agency: AGENCY, year: 2025 });
    mkdirSync(OUTPUT_DIR, { recursive: true });
    writeFileSync(join(OUTPUT_DIR, 'blank-report.docx'), blank);
  });

  describe('blank report', () => {
    it('lints as a 2025 report on the 2021 format with nothing left but its placeholders (title 某某, three prompts)', () => {
      const result = lintDocx(blank, { currentYear: CURRENT_YEAR });
      assert.deepEqual(result.diagnostics.map((d) => `${d.rule} ${d.severity}`), Array(4).fill('placeholder error'));
      assert.equal(result.template, '2021');
      assert.deepEqual(result.year, { year: 2025, source: 'title' });
      assert.equal(result.report.headings.length, 6);
      const applications = result.report.tables.find((t) => t.id === 'applications');
      assert.ok(applications);
      assert.equal(applications.rows.length, 25);
      assert.ok(applications.rows.every((r) => r.templateRow !== null));
      assert.deepEqual(result.report.tables.map((t) => [t.id, t.missingRows.length]), [['active', 0], ['applications', 0], ['review', 0]]);
    });

    it('has the title, the six headings, the 统计期限 and 信息处理费 sentences, tables under 二/三/四', () => {
      const model = readDocument(blank);
      const texts = model.paragraphs.map((p) => p.text);
      assert.equal(texts[0].replace('\n', ''), reportTitle(AGENCY, 2025));
      for (const h of template.headings) assert.ok(texts.includes(`${h.numeral}、${h.title}`), h.title);
      assert.ok(texts.some((t) => t.includes('本报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止。')));
      assert.ok(texts.some((t) => t.includes('信息处理费')));
      // Reading order: each table directly after its heading.
      const order = model.blocks.map((b) => (b.kind === 'table' ? `table${b.tableIndex}` : b.text));
      template.headings.forEach((h) => {
        if (!h.table) return;
        const at = order.indexOf(`${h.numeral}、${h.title}`);
        assert.equal(order[at + 1], `table${TABLE_IDS.indexOf(h.table)}`);
      });
      assert.equal(model.tables.length, 3);
    });

    it('uses 公文 typography: title font, 黑体 headings, 仿宋_GB2312 三号 body with a 2-character indent', () => {
      const xml = documentXml(reportSkeletonXml({ agency: AGENCY, year: 2025 }));
      const has = (re: RegExp) => assert.ok(re.test(xml), String(re));
      has(/w:eastAsia="方正小标宋简体" w:cs="[^"]*"\/><w:sz w:val="44"\/>/);
      has(/<w:outlineLvl w:val="0"\/><w:rPr><w:rFonts [^>]*w:eastAsia="黑体"[^>]*\/><w:sz w:val="32"\/>/);
      has(/<w:ind w:firstLineChars="200" w:firstLine="640"\/><w:jc w:val="both"\/><w:rPr><w:rFonts [^>]*w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="32"\/>/);
      has(/<w:pgSz w:w="11906" w:h="16838"\/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);
    });

    it('is a complete package', () => {
      const files = unzipSync(blank);
      for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/_rels/document.xml.rels', 'word/styles.xml', 'word/settings.xml']) {
        assert.ok(files[part], part);
      }
      const types = strFromU8(files['[Content_Types].xml']);
      for (const name of Object.keys(files).filter((n) => n.endsWith('.xml') && n !== '[Content_Types].xml')) {
        assert.ok(types.includes(`PartName="/${name}"`), `content type for ${name}`);
      }
      const rels = strFromU8(files['word/_rels/document.xml.rels']);
      for (const m of rels.matchAll(/Target="([^"]+)"/g)) assert.ok(files[`word/${m[1]}`], m[1]);
      assert.match(strFromU8(files['word/styles.xml']), /w:styleId="Normal"[\s\S]*仿宋_GB2312/);
      // Reproducible: same input, same bytes.
      assert.deepEqual(blankReportDocx({ agency: AGENCY, year: 2025 }), blank);
    });

    it('escapes XML special characters in the agency name', () => {
      const agency = `A&B<C>"D'`;
      const bytes = blankReportDocx({ agency, year: 2025 });
      const model = readDocument(bytes);
      assert.equal(model.paragraphs[0].text.replace('\n', ''), reportTitle(agency, 2025));
      assert.match(strFromU8(unzipSync(bytes)['docProps/core.xml']), /<dc:title>A&amp;B&lt;C&gt;&quot;D&apos;2025年/);
      // Named, the report still holds its three prompts, and nothing else.
      assert.deepEqual(lintDocx(bytes, { currentYear: CURRENT_YEAR }).diagnostics.map((d) => d.rule), Array(3).fill('placeholder'));
    });

    it('converts to PDF with LibreOffice when soffice is installed', function () {
      const soffice = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'soffice')).find((p) => existsSync(p));
      if (!soffice) this.skip();
      this.timeout(180_000);
      const dir = mkdtempSync(join(tmpdir(), 'nianbao-generate-'));
      try {
        const input = join(dir, 'blank-report.docx');
        writeFileSync(input, blank);
        execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], { timeout: 170_000, stdio: 'ignore' });
        const pdf = join(dir, 'blank-report.pdf');
        assert.ok(existsSync(pdf), 'PDF written');
        assert.equal(readFileSync(pdf).subarray(0, 4).toString('latin1'), '%PDF');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('each standard table', () => {
    for (const variant of ['2021', '2019'] as const) {
      for (const id of TABLE_IDS) {
        it(`表${templateTable(id, variant).numeral} (${variant}) reads back onto its template with no findings`, () => {
          const bytes = docWith(yearFor(variant), standardTableXml(id, variant));
          const result = lintDocx(bytes, { currentYear: CURRENT_YEAR });
          assert.deepEqual(result.diagnostics.filter((d) => d.table === id), []);
          const mapped = result.report.tables.find((t) => t.id === id);
          assert.ok(mapped);
          if (mapped.variantDecided) assert.equal(mapped.variant, variant);
          const t = templateTable(id, variant);
          const rowCount = t.blocks.reduce((n, b) => n + b.rows.length, 0);
          assert.equal(mapped.rows.length, rowCount);
          assert.ok(mapped.rows.every((r) => r.templateRow && [...r.cells.values()].every((c) => c.value.kind === 'number' || c.cell.text === '0')));
          const table = readDocument(bytes).tables[0];
          assert.equal(table.gridColumnCount, t.gridColumns);
          assertFullRows(table, t.gridColumns);
        });
      }
    }

    it('a whole 2020 report on the 2019 format lints clean', () => {
      const tables = standardTablesXml('2019');
      const body = template.headings.map((h) => titleParagraph(`${h.numeral}、${h.title}`) + (h.table ? tables[h.table] : '')).join('');
      const bytes = buildDocx(documentXml(titleParagraph('某机关2020年政府信息公开工作年度报告') + body));
      const result = lintDocx(bytes, { currentYear: CURRENT_YEAR });
      assert.deepEqual(result.diagnostics, []);
      assert.equal(result.template, '2019');
    });

    it('has the standard look: centred, fixed layout, single borders, grid widths, a paragraph in every cell', () => {
      for (const variant of ['2021', '2019'] as const) {
        for (const id of TABLE_IDS) {
          const xml = standardTableXml(id, variant);
          assert.match(xml, /^<w:tbl><w:tblPr><w:tblW w:w="\d+" w:type="dxa"\/><w:jc w:val="center"\/>/);
          assert.match(xml, /<w:tblLayout w:type="fixed"\/>/);
          for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) assert.match(xml, new RegExp(`<w:${side} w:val="single"`));
          const widths = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
          assert.deepEqual(widths, standardGridWidths(id, variant));
          const total = widths.reduce((a, b) => a + b, 0);
          assert.ok(total >= 9000 && total <= 9600, `width ${total}`);
          const t = templateTable(id, variant);
          if (t.labelColumns > 0) assert.ok(widths.slice(0, t.labelColumns).reduce((a, b) => a + b) > widths[t.labelColumns] * t.labelColumns);
          for (const tc of tcs(xml)) {
            assert.match(tc, /<w:p>/);
            assert.match(tc, /<w:vAlign w:val="center"\/>/);
          }
          assert.ok(/w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="21"\/>/.test(xml), 'table text 仿宋_GB2312 五号');
          assert.ok(/w:eastAsia="黑体"[^>]*\/><w:sz w:val="21"\/>/.test(xml), 'table headers 黑体 五号');
        }
      }
    });
  });

  describe('merges', () => {
    const tableOf = (id: TableId, variant: Variant) => readDocument(docWith(yearFor(variant), standardTableXml(id, variant))).tables[0];

    it('表三 2021: header note 3×3, 自然人/总计 2 rows, 法人或其他组织 5 columns', () => {
      const t = tableOf('applications', '2021');
      const note = findCell(t, templateTable('applications', '2021').blocks[0].header[0][0].text).cell;
      assert.deepEqual([note.gridColumn, note.gridSpan, note.verticalMerge, note.rowSpan], [0, 3, 'restart', 3]);
      assert.deepEqual([t.rows[1].cells[0].verticalMerge, t.rows[2].cells[0].verticalMerge, t.rows[2].cells[0].gridSpan], ['continue', 'continue', 3]);
      assert.deepEqual(pick(findCell(t, '申请人情况').cell), [3, 7, null, 1]);
      assert.deepEqual(pick(findCell(t, '自然人').cell), [3, 1, 'restart', 2]);
      assert.deepEqual(pick(findCell(t, '总计').cell), [9, 1, 'restart', 2]);
      assert.deepEqual(pick(findCell(t, '法人或其他组织').cell), [4, 5, null, 1]);
      assert.deepEqual(t.rows[2].cells.map((c) => c.text), ['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']);
    });

    it('表三 2021: 三、 over 22 rows in column 1, groups in column 2 sharing the first sub-row, label spans', () => {
      const t = tableOf('applications', '2021');
      assert.deepEqual(pick(findCell(t, '三、本年度办理结果').cell), [0, 1, 'restart', 22]);
      assert.deepEqual(pick(findCell(t, '（三）不予公开').cell), [1, 1, 'restart', 8]);
      assert.deepEqual(pick(findCell(t, '（四）无法提供').cell), [1, 1, 'restart', 3]);
      assert.deepEqual(pick(findCell(t, '（五）不予处理').cell), [1, 1, 'restart', 5]);
      assert.deepEqual(pick(findCell(t, '（六）其他处理').cell), [1, 1, 'restart', 3]);
      const withheld = findCell(t, '（三）不予公开');
      assert.equal(withheld.row.cells[2].text, '1.属于国家秘密');
      assert.equal(findCell(t, '三、本年度办理结果').row.cells[1].text, '（一）予以公开');
      assert.deepEqual(pick(findCell(t, '一、本年新收政府信息公开申请数量').cell), [0, 3, null, 1]);
      assert.deepEqual(pick(findCell(t, '四、结转下年度继续办理').cell), [0, 3, null, 1]);
      assert.deepEqual(pick(findCell(t, '（一）予以公开').cell), [1, 2, null, 1]);
      assert.deepEqual(pick(findCell(t, '（七）总计').cell), [1, 2, null, 1]);
      assert.deepEqual(pick(findCell(t, '3.其他').cell), [2, 1, null, 1]);
      assert.equal(t.rows.length, 3 + 25);
    });

    it('表三 2019: （六）其他处理 spans 2 columns, 三、 spans 20 rows', () => {
      const t = tableOf('applications', '2019');
      assert.deepEqual(pick(findCell(t, '（六）其他处理').cell), [1, 2, null, 1]);
      assert.deepEqual(pick(findCell(t, '三、本年度办理结果').cell), [0, 1, 'restart', 20]);
      assert.equal(t.rows.length, 3 + 23);
    });

    it('表二: block titles span 4 columns, single-column blocks span 3', () => {
      const t = tableOf('active', '2021');
      const titles = t.rows.filter((r) => r.cells.length === 1);
      assert.deepEqual(titles.map((r) => [r.cells[0].text, r.cells[0].gridSpan]), templateTable('active', '2021').blocks.map((b) => [b.title, 4]));
      assert.deepEqual(pick(findCell(t, '本年收费金额（单位：万元）').cell), [1, 3, null, 1]);
      const fees = findCell(t, '行政事业性收费').row;
      assert.deepEqual(fees.cells.map((c) => [c.text, c.gridSpan]), [['行政事业性收费', 1], ['0', 3]]);
    });

    it('表四: 行政复议 5 / 行政诉讼 10, outcomes over 2 rows, 5 + 5 suit groups, 15 outcome headers, one data row', () => {
      const t = tableOf('review', '2021');
      assert.deepEqual(t.rows[0].cells.map((c) => [c.text, c.gridSpan]), [['行政复议', 5], ['行政诉讼', 10]]);
      assert.deepEqual(t.rows[1].cells.map((c) => [c.gridSpan, c.verticalMerge, c.rowSpan]), [
        ...Array(5).fill([1, 'restart', 2]), [5, null, 1], [5, null, 1],
      ]);
      assert.deepEqual(t.rows[1].cells.slice(5).map((c) => c.text), ['未经复议直接起诉', '复议后起诉']);
      assert.deepEqual(t.rows[2].cells.map((c) => c.verticalMerge), [...Array(5).fill('continue'), ...Array(10).fill(null)]);
      assert.equal(t.rows[2].cells.filter((c) => c.text !== '').length, 10);
      assert.equal(t.rows.length, 4);
      assert.deepEqual(t.rows[3].cells.map((c) => c.text), Array(15).fill('0'));
    });
  });

  describe('values and labels', () => {
    it('writes values where asked and reads them back at the right place', () => {
      const values = (id: TableId, row: string, column: string) => (id === 'applications' && row === 'received' && column === 'natural' ? '7' : undefined);
      const bytes = buildDocx(documentXml(reportSkeletonXml({ agency: AGENCY, year: 2025, values })));
      const model = readDocument(bytes);
      const received = findCell(model.tables[1], '一、本年新收政府信息公开申请数量').row;
      assert.deepEqual(received.cells.map((c) => c.text), ['一、本年新收政府信息公开申请数量', '7', '0', '0', '0', '0', '0', '0']);
      assert.equal(received.cells[1].gridColumn, 3);
      const address = standardCellAddress('applications', '2021', 'received', 'natural');
      assert.equal(model.tables[1].rows[address.rowIndex].cells[address.cellIndex].text, '7');
      const mapped = lintDocx(bytes, { currentYear: CURRENT_YEAR }).report.tables.find((t) => t.id === 'applications')!;
      assert.equal(mapped.rows.find((r) => r.templateRow?.key === 'received')!.cells.get('natural')!.cell.text, '7');
    });

    it('standardCellAddress agrees with the parsed table for every data cell', () => {
      for (const id of TABLE_IDS) {
        const t = templateTable(id, '2021');
        const table = readDocument(docWith(2025, standardTableXml(id, '2021', { values: (r, c) => `${r}/${c}` }))).tables[0];
        for (const block of t.blocks) {
          for (const row of block.rows) {
            for (const column of block.columns) {
              const a = standardCellAddress(id, '2021', row.key, column.key);
              assert.equal(table.rows[a.rowIndex].cells[a.cellIndex].text, `${row.key}/${column.key}`);
            }
          }
        }
      }
    });

    it('escapes values and labels, and can replace labels', () => {
      const xml = standardTableXml('active', '2021', {
        values: (row, column) => (row === 'regulations' && column === 'issued' ? '<1&2>' : undefined),
        labels: (canonical, place) => (place.role === 'row' && place.rowKey === 'regulations' ? `${canonical}&"规"` : undefined),
      });
      const table = parseWordprocessingML(documentXml(xml)).tables[0];
      const row = findCell(table, '规章&"规"').row;
      assert.equal(row.cells[1].text, '<1&2>');
    });
  });

  describe('one data row (for the fix engine)', () => {
    it('gives the standard merges by default', () => {
      assert.deepEqual(defaultGroupMerge('applications', '2021', 'received'), []);
      assert.deepEqual(defaultGroupMerge('applications', '2021', 'disclosed'), ['restart']);
      assert.deepEqual(defaultGroupMerge('applications', '2021', 'partlyDisclosed'), ['continue']);
      assert.deepEqual(defaultGroupMerge('applications', '2021', 'stateSecret'), ['continue', 'restart']);
      assert.deepEqual(defaultGroupMerge('applications', '2021', 'prohibitedByLaw'), ['continue', 'continue']);
      assert.deepEqual(defaultGroupMerge('applications', '2021', 'noSupplement'), ['continue', 'restart']);
      const cells = standardRowCells('applications', '2021', 'noSupplement');
      assert.deepEqual(cells.map((c) => [c.role, c.text, c.gridColumn, c.gridSpan, c.verticalMerge]), [
        ['group', '', 0, 1, 'continue'],
        ['group', '（六）其他处理', 1, 1, 'restart'],
        ['label', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 2, 1, null],
        ...['natural', 'commercial', 'research', 'publicInterest', 'legal', 'otherOrganisation', 'total'].map((_, i) => ['data', '0', 3 + i, 1, null]),
      ]);
      assert.deepEqual(cells.slice(3).map((c) => c.columnKey), templateTable('applications', '2021').blocks[0].columns.map((c) => c.key));
    });

    it('takes the merge state of the group cells, one for all levels or per level', () => {
      const all = standardRowCells('applications', '2021', 'repeated', { groupMerge: 'restart' });
      assert.deepEqual(all.slice(0, 2).map((c) => [c.text, c.verticalMerge]), [['三、本年度办理结果', 'restart'], ['（五）不予处理', 'restart']]);
      const mixed = standardRowCells('applications', '2021', 'petitions', { groupMerge: ['continue', 'continue'] });
      assert.deepEqual(mixed.slice(0, 2).map((c) => [c.text, c.verticalMerge]), [['', 'continue'], ['', 'continue']]);
      assert.throws(() => standardRowCells('applications', '2021', 'petitions', { groupMerge: ['continue'] }), /groupMerge/);
      assert.throws(() => standardRowCells('applications', '2021', 'nonsense'), /没有行 nonsense/);
      const review = standardRowCells('review', '2021', 'cases', { values: (_, c) => (c === 'reviewTotal' ? '3' : undefined) });
      assert.equal(review.length, 15);
      assert.equal(review[4].text, '3');
    });

    it('renders a <w:tr> with the given grid widths', () => {
      const widths = [1000, 1000, 2000, 700, 700, 700, 700, 700, 700, 700];
      const xml = standardRowXml('applications', '2021', 'stateSecret', { gridWidths: widths });
      assert.match(xml, /^<w:tr>[\s\S]*<\/w:tr>$/);
      assert.deepEqual([...xml.matchAll(/<w:tcW w:w="(\d+)"/g)].map((m) => Number(m[1])), [1000, 1000, 2000, ...Array(7).fill(700)]);
      assert.equal(tcs(xml).length, 10);
      assert.throws(() => standardRowXml('applications', '2021', 'stateSecret', { gridWidths: [1, 2] }), /gridWidths/);
    });

    it('turns the 2019 （六）其他处理 row into the three 2021 rows', () => {
      const document = documentXml(titleParagraph('某机关2025年政府信息公开工作年度报告') + standardTableXml('applications', '2019'));
      const table = parseWordprocessingML(document).tables[0];
      const old = findCell(table, '（六）其他处理').row;
      const rows = templateTable('applications', '2021').blocks[0].rows.filter((r) => r.groups.includes('（六）其他处理'));
      assert.equal(rows.length, 3);
      const replaced = document.slice(0, old.source.start)
        + rows.map((r) => standardRowXml('applications', '2021', r.key)).join('')
        + document.slice(old.source.end);
      const bytes = buildDocx(replaced);
      const result = lintDocx(bytes, { currentYear: CURRENT_YEAR });
      const mapped = result.report.tables.find((t) => t.id === 'applications')!;
      assert.equal(mapped.variant, '2021');
      assert.equal(mapped.rows.length, 25);
      assert.deepEqual(result.diagnostics.filter((d) => d.table === 'applications'), []);
      const parsed = readDocument(bytes).tables[0];
      assert.deepEqual(pick(findCell(parsed, '三、本年度办理结果').cell), [0, 1, 'restart', 22]);
      assert.deepEqual(pick(findCell(parsed, '（六）其他处理').cell), [1, 1, 'restart', 3]);
    });
  });

  describe('layout and purity', () => {
    it('the layout covers every grid column in every row', () => {
      for (const t of template.tables) {
        for (const row of standardTableLayout(t.id, t.variant)) {
          assert.equal(row.cells.reduce((n, c) => n + c.gridSpan, 0), t.gridColumns);
        }
      }
    });

    it('src/generate uses no Node or DOM APIs', () => {
      const dir = join(__dirname, '..', 'src', 'generate');
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
        const source = readFileSync(join(dir, file), 'utf8');
        assert.doesNotMatch(source, /from ['"](node:|fs|path|os|child_process|docx['"])|require\(/, file);
        assert.doesNotMatch(source, /\b(window\.|document\.(body|create\w*|getElement\w*|query\w*)|DOMParser|XMLSerializer|Buffer\.|process\.)/, file);
      }
    });
  });
});

function pick(cell: TableCell): [number, number, TableCell['verticalMerge'], number] {
  return [cell.gridColumn, cell.gridSpan, cell.verticalMerge, cell.rowSpan];
}
