import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  SEED_IDS, buildSeedDocx, deleteTableRow, documentXml, fragmentText, insertParagraphAfter, insertTableRowAfter,
  inspectParagraphs, inspectTables, largeReportSpec, layoutTable, paragraphsOf, parsedSeed, removeParagraph, renderDocx,
  replaceParagraph, seedFile, seedSpec, setActiveValue, setApplicationsValue, setCellText, setReviewValue, setRowLabel,
  standardTable, filledValues, swapTableRows, tablesOf, type InspectedTable, type ReportSpec, type SeedId,
} from './support/fixtures';

const OUT_DIR = path.resolve(__dirname, '../test-output/fixtures');

async function xmlOf(id: SeedId): Promise<string> {
  return documentXml(await buildSeedDocx(id));
}

/** Total grid width of each row (gridSpan summed over all w:tc, continue cells included). */
const rowWidths = (table: InspectedTable) => table.map((row) => row.reduce((n, c) => n + c.gridSpan, 0));
const count = (table: InspectedTable, merge: 'restart' | 'continue') =>
  table.flat().filter((c) => c.vMerge === merge).length;
/** The w:tc of a row whose text is `label`. */
const rowWith = (tables: InspectedTable[], label: string) => {
  for (const t of tables) for (const row of t) if (row.some((c) => c.text === label)) return row;
  throw new Error(`row ${label} not in document`);
};
const numbersIn = (text: string) => text.split(/[\t\n]/).map((s) => s.trim()).filter((s) => /^[0-9]+(\.[0-9]+)?$/.test(s));

describe('fixture builder', () => {
  before(() => fs.mkdirSync(OUT_DIR, { recursive: true }));

  describe('seed documents', () => {
    for (const id of SEED_IDS) {
      it(`renders seed ${id} (written to test-output/fixtures/${id}.docx)`, async () => {
        const bytes = await buildSeedDocx(id);
        assert.ok(bytes.length > 5000);
        assert.equal(bytes[0], 0x50); // PK
        fs.writeFileSync(path.join(OUT_DIR, `${id}.docx`), bytes);
        const tables = inspectTables(await xmlOf(id));
        assert.equal(tables.length, id === '001' ? 4 : 3);
        for (const table of tables) {
          const widths = new Set(rowWidths(table));
          assert.equal(widths.size, 1, `every row spans the same grid: ${[...widths]}`);
          assert.ok([4, 10, 15].includes([...widths][0]));
          // continue cells carry no text
          assert.ok(table.flat().filter((c) => c.vMerge === 'continue').every((c) => c.text === ''));
        }
      });
    }

    it('takes every table value from the seed text, in order', () => {
      for (const id of SEED_IDS) {
        const seedText = fs.readFileSync(seedFile(id), 'utf8');
        const { values } = parsedSeed(id);
        const ours = [...values.active, ...values.applications, ...values.review].flat().filter((v) => v !== '');
        const region = seedText.slice(seedText.indexOf('主动公开政府信息情况\n'), seedText.search(/\n\s*五、/));
        assert.deepEqual(ours, numbersIn(region), `seed ${id}`);
      }
    });

    it('detects the 2019 format of seed 000 only', () => {
      for (const id of SEED_IDS) {
        const { variants } = parsedSeed(id);
        const expected = id === '000' ? '2019' : '2021';
        assert.deepEqual([variants.active, variants.applications], [expected, expected], `seed ${id}`);
      }
    });

    it('keeps the paragraphs outside the tables verbatim, wrong headings included', () => {
      const texts = (id: SeedId) => paragraphsOf(seedSpec(id)).map((p) => p.text);
      assert.ok(texts('000').includes('4、 政府信息公开行政复议、行政诉讼情况'));
      assert.ok(texts('000').includes(' 五、存在的主要问题及改进情况'));
      assert.ok(texts('003').includes('其他需要报告的事项'));
      assert.ok(texts('003').includes('四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'));
      assert.ok(texts('001').includes('2025年1月20日'));
      assert.ok(texts('004').some((t) => t.includes('依法依规公开的意识 and 能力')));
      for (const id of SEED_IDS) {
        const seedLines = new Set(fs.readFileSync(seedFile(id), 'utf8').split('\n').map((l) => l.replace('[bookmark: _GoBack]', '')));
        for (const t of texts(id)) assert.ok(seedLines.has(t), `seed ${id}: "${t}" is a seed line`);
        const styles = paragraphsOf(seedSpec(id)).map((p) => p.style);
        assert.equal(styles[0], 'title');
      }
    });

    it('builds 表三 with the standard merges (seed 002)', async () => {
      const [active, applications, review] = inspectTables(await xmlOf('002'));
      assert.equal(count(active, 'restart') + count(active, 'continue'), 0);
      assert.equal(active.length, 14);
      assert.deepEqual(active[5].map((c) => c.gridSpan), [1, 3]);
      // header: note 3×3, 自然人 and 总计 over 2 rows, 法人或其他组织 over 5 columns
      assert.equal(applications.length, 28);
      assert.deepEqual(applications[0].map((c) => [c.gridSpan, c.vMerge]), [[3, 'restart'], [7, null]]);
      assert.deepEqual(applications[1].map((c) => [c.gridSpan, c.vMerge]), [[3, 'continue'], [1, 'restart'], [5, null], [1, 'restart']]);
      assert.deepEqual(applications[2].map((c) => c.vMerge), ['continue', 'continue', null, null, null, null, null, 'continue']);
      assert.equal(applications[2][2].text, '商业\n企业', 'line break inside the cell');
      // 三、本年度办理结果 over 22 rows in column 1; groups in column 2
      assert.equal(applications[5][0].text, '三、本年度办理结果');
      assert.equal(applications[5][0].vMerge, 'restart');
      for (let r = 6; r <= 26; r++) assert.equal(applications[r][0].vMerge, 'continue', `row ${r}`);
      assert.equal(applications[27][0].vMerge, null);
      assert.deepEqual(applications[7].slice(0, 3).map((c) => [c.text, c.vMerge]),
        [['', 'continue'], ['（三）不予公开', 'restart'], ['1.属于国家秘密', null]]);
      assert.deepEqual(applications[3].map((c) => c.gridSpan), [3, 1, 1, 1, 1, 1, 1, 1]);
      assert.deepEqual(applications[5].map((c) => c.gridSpan), [1, 2, 1, 1, 1, 1, 1, 1, 1]);
      assert.deepEqual(applications[8].map((c) => c.gridSpan), [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
      assert.equal(count(applications, 'restart'), 8);
      assert.equal(count(applications, 'continue'), 2 + 1 + 1 + 21 + 7 + 2 + 4 + 2);
      // 表四: 3 header rows and one row of 15
      assert.deepEqual(review.map((row) => row.length), [2, 7, 15, 15]);
      assert.deepEqual(review[0].map((c) => c.gridSpan), [5, 10]);
      assert.equal(count(review, 'restart'), 5);
      assert.equal(count(review, 'continue'), 5);
    });

    it('splits 表三 of seed 001 into two Word tables after 7.属于行政执法案卷', async () => {
      const tables = inspectTables(await xmlOf('001'));
      const [first, second] = [tables[1], tables[2]];
      assert.equal(first.length, 3 + 11);
      assert.equal(first[first.length - 1][2].text, '7.属于行政执法案卷');
      assert.equal(second.length, 14);
      assert.deepEqual(second[0].slice(0, 3).map((c) => [c.text, c.gridSpan, c.vMerge]),
        [['', 1, 'restart'], ['', 1, null], ['8.属于行政查询事项', 1, null]]);
      for (let r = 1; r <= 12; r++) assert.equal(second[r][0].vMerge, 'continue');
      assert.equal(second[13][0].text, '四、结转下年度继续办理');
      assert.ok(!second.flat().some((c) => c.text.includes('申请人情况')), 'no header rows in the second part');
      // the first part's merges end inside it
      assert.equal(first.slice(5).filter((row) => row[0].vMerge === 'continue').length, 8);
    });

    it('leaves the five 行政复议 cells of seed 004 blank and keeps its label spellings', async () => {
      const tables = inspectTables(await xmlOf('004'));
      const data = tables[2][3];
      assert.deepEqual(data.map((c) => c.text), ['', '', '', '', '', ...Array(10).fill('0')]);
      const texts = tables.flat(2).map((c) => c.text);
      for (const label of ['(三) 不 予公开', '三、本 年度办 理结果', '结果 维持', '商业 企业', '(四) 无 法提供', '(七) 总计']) {
        assert.ok(texts.includes(label), label);
      }
      assert.equal(texts.filter((t) => t === '结果 维持').length, 3);
    });

    it('puts the 2019 （六）其他处理 row with data into seed 000', async () => {
      const [active, applications] = inspectTables(await xmlOf('000'));
      const row = rowWith([applications], '（六）其他处理');
      assert.deepEqual(row.map((c) => c.gridSpan), [1, 2, 1, 1, 1, 1, 1, 1, 1]);
      assert.deepEqual(row.slice(2).map((c) => c.text), Array(7).fill('0'));
      assert.equal(applications.length, 3 + 23);
      assert.ok(!applications.flat().some((c) => c.text === '3.其他'));
      for (let r = 6; r <= 24; r++) assert.equal(applications[r][0].vMerge, 'continue');
      assert.ok(active.flat().some((c) => c.text === '第二十条第（九）项'));
      assert.ok(active.flat().some((c) => c.text === '其他对外管理服务事项'));
    });

    it('puts the _GoBack bookmark inside the right paragraph of seed 002', async () => {
      const paragraphs = inspectParagraphs(await xmlOf('002'));
      const marked = paragraphs.filter((p) => p.includes('<w:bookmarkStart'));
      assert.equal(marked.length, 1);
      assert.match(marked[0], /w:name="_GoBack"/);
      assert.ok(fragmentText(marked[0]).startsWith('（三）政府信息管理进一步严格。'));
      assert.ok(!paragraphs.some((p) => fragmentText(p).includes('[bookmark')));
    });

    it('has the non-zero values and split heading runs of seed 003', async () => {
      const xml = await xmlOf('003');
      const [active] = inspectTables(xml);
      assert.equal(rowWith([active], '行政许可')[1].text, '570');
      assert.equal(rowWith([active], '行政处罚')[1].text, '2');
      const heading = inspectParagraphs(xml).find((p) => fragmentText(p) === '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况')!;
      assert.equal(heading.match(/<w:r>/g)?.length, 2);
      assert.match(heading, /<w:b\/>/);
    });
  });

  describe('standardTable', () => {
    it('splits 表二 into one table per block', () => {
      const parts = standardTable('active', '2021', filledValues('active', '2021'), { splitBlocks: true });
      assert.equal(parts.length, 4);
      assert.deepEqual(parts.map((t) => t.rows[0].cells[0].text), ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
      assert.equal(standardTable('active', '2019', filledValues('active', '2019'), { splitBlocks: true }).length, 5);
    });

    it('lays out every standard table on a full grid', () => {
      for (const variant of ['2021', '2019'] as const) {
        for (const id of ['active', 'applications', 'review'] as const) {
          for (const table of standardTable(id, variant, filledValues(id, variant), id === 'applications' ? { splitAfterRow: 10 } : {})) {
            layoutTable(table, true);
          }
        }
      }
    });

    it('repeats continued labels on request and rejects a wrong value shape', () => {
      const [, second] = standardTable('applications', '2021', filledValues('applications', '2021'),
        { splitAfterRow: '7.属于行政执法案卷', continuedLabels: 'repeat' });
      assert.deepEqual(second.rows[0].cells.slice(0, 3).map((c) => [c.text, c.rowSpan]),
        [['三、本年度办理结果', 13], ['（三）不予公开', undefined], ['8.属于行政查询事项', undefined]]);
      assert.throws(() => standardTable('review', '2021', [['0']]));
    });
  });

  describe('mutations', () => {
    const applicationsRow = (spec: ReportSpec, label: string) =>
      tablesOf(spec).flatMap((t) => t.rows).find((r) => r.cells.some((c) => c.text === label))!;

    it('set values by labels, also on seed 004 spellings and split tables', async () => {
      const base = seedSpec('004');
      const spec = setReviewValue(setActiveValue(setApplicationsValue(base, '1.属于国家秘密', '自然人', '3'), '行政处罚', 0, '5'), '行政复议', '总计', '1');
      assert.deepEqual(applicationsRow(spec, '1.属于国家秘密').cells.slice(-7).map((c) => c.text), ['3', '0', '0', '0', '0', '0', '0']);
      assert.equal(applicationsRow(spec, '行政处罚').cells[1].text, '5');
      assert.equal(tablesOf(spec)[2].rows[3].cells[4].text, '1');
      assert.equal(applicationsRow(base, '1.属于国家秘密').cells.at(-7)!.text, '0', 'input unchanged');
      const grouped = setApplicationsValue(seedSpec('004'), 'handledTotal', 'total', '9');
      assert.equal(applicationsRow(grouped, '(七) 总计').cells.at(-1)!.text, '9');
      const split = setApplicationsValue(seedSpec('001'), '8.属于行政查询事项', '其他', '4');
      assert.equal(applicationsRow(split, '8.属于行政查询事项').cells.at(-2)!.text, '4');
      const [applications] = inspectTables(documentXml(await renderDocx(spec))).slice(1);
      assert.equal(rowWith([applications], '1.属于国家秘密').at(-7)!.text, '3');
      assert.throws(() => setApplicationsValue(base, '1.属于国家机密', '自然人', '1'));
    });

    it('setCellText addresses listed cells', () => {
      const spec = setCellText(seedSpec('002'), 1, 7, 1, '1.属于国家机密');
      assert.equal(tablesOf(spec)[1].rows[7].cells[1].text, '1.属于国家机密');
    });

    it('edits paragraphs', () => {
      const base = seedSpec('000');
      const fixed = replaceParagraph(base, '4、 政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政复议、行政诉讼情况');
      assert.ok(paragraphsOf(fixed).some((p) => p.text === '四、政府信息公开行政复议、行政诉讼情况'));
      const removed = removeParagraph(base, '六、其他需要报告的事项');
      assert.equal(paragraphsOf(removed).length, paragraphsOf(base).length - 1);
      const inserted = insertParagraphAfter(base, '无。', { kind: 'paragraph', text: '本年度未收取信息处理费。' });
      assert.equal(paragraphsOf(inserted).at(-1)!.text, '本年度未收取信息处理费。');
      assert.throws(() => removeParagraph(base, '七、附件'));
    });

    it('deleteTableRow shrinks the merges crossing the row and moves a merge starting in it', async () => {
      const spec = deleteTableRow(seedSpec('002'), 1, 7); // 1.属于国家秘密, first row of （三）
      const table = tablesOf(spec)[1];
      assert.equal(table.rows.length, 27);
      assert.equal(table.rows[5].cells[0].rowSpan, 21);
      assert.deepEqual(table.rows[7].cells.slice(0, 2).map((c) => [c.text, c.rowSpan]), [['（三）不予公开', 7], ['2.其他法律行政法规禁止公开', undefined]]);
      layoutTable(table, true);
      const rendered = inspectTables(documentXml(await renderDocx(spec)))[1];
      assert.equal(new Set(rowWidths(rendered)).size, 1);
      assert.equal(rendered.filter((row) => row[0].vMerge === 'continue').length, 2 + 20);
    });

    it('swapTableRows and insertTableRowAfter keep the grid whole', () => {
      const swapped = swapTableRows(seedSpec('002'), 1, 7, 8);
      const t = tablesOf(swapped)[1];
      assert.deepEqual(t.rows[7].cells.slice(0, 2).map((c) => c.text), ['（三）不予公开', '2.其他法律行政法规禁止公开']);
      assert.equal(t.rows[8].cells[0].text, '1.属于国家秘密');
      layoutTable(t, true);
      assert.throws(() => swapTableRows(seedSpec('002'), 1, 6, 7));

      const cells = [{ text: '小计' }, ...Array.from({ length: 7 }, () => ({ text: '0' }))];
      const inserted = insertTableRowAfter(seedSpec('002'), 1, 7, cells);
      const u = tablesOf(inserted)[1];
      assert.equal(u.rows.length, 29);
      assert.equal(u.rows[5].cells[0].rowSpan, 23);
      assert.equal(u.rows[7].cells[0].rowSpan, 9);
      layoutTable(u, true);
      assert.throws(() => insertTableRowAfter(seedSpec('002'), 1, 7, [{ text: 'x', colSpan: 3 }, ...cells]));
    });

    it('setRowLabel renames a label (first or all occurrences)', () => {
      const spec = setRowLabel(seedSpec('004'), '（三）不予公开', '（三）不予公开小计');
      assert.ok(tablesOf(spec)[1].rows[7].cells[0].text === '（三）不予公开小计');
      const all = setRowLabel(seedSpec('002'), '结果维持', '维持', true);
      assert.equal(tablesOf(all)[2].rows.flatMap((r) => r.cells).filter((c) => c.text === '维持').length, 3);
    });
  });

  describe('largeReportSpec', () => {
    it('builds a ~200-page report with 60 tables that renders', async function () {
      this.timeout(60000);
      const spec = largeReportSpec({ pages: 200, tables: 60 });
      const paragraphs = paragraphsOf(spec).length;
      assert.ok(paragraphs >= 1500 && paragraphs <= 2500, `${paragraphs} paragraphs`);
      assert.equal(tablesOf(spec).length, 60);
      for (const table of tablesOf(spec)) layoutTable(table, true);
      const bytes = await renderDocx(spec);
      fs.writeFileSync(path.join(OUT_DIR, 'large-200p.docx'), bytes);
      assert.equal(inspectTables(documentXml(bytes)).length, 60);
      assert.equal(largeReportSpec({ pages: 10, tables: 5 }).blocks.filter((b) => b.kind === 'table').length, 5);
    });
  });
});
