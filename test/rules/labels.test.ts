import { columnLabel } from '../../src/rules/column-label';
import { extraRow } from '../../src/rules/extra-row';
import { missingRow } from '../../src/rules/missing-row';
import { missingTable } from '../../src/rules/missing-table';
import { correctedLabel, rowLabel } from '../../src/rules/row-label';
import { rowOrder } from '../../src/rules/row-order';
import { buildSeedDocx, cloneSpec, deleteTableRow, insertTableRowAfter, setApplicationsValue, setRowLabel, swapTableRows, tablesOf, type ReportSpec } from '../support/fixtures';
import { strict as assert } from 'node:assert';
import { lintDocx } from '../../src/engine';
import { lintCase, ruleTester } from '../support/rule-tester';

/** Row index in the spec's 表三 (ordinal 1) of a data row label. */
function applicationsRow(spec: ReportSpec, label: string): number {
  const rows = tablesOf(spec)[1].rows;
  const index = rows.findIndex((r) => r.cells.some((c) => c.text.replace(/\s/g, '') === label));
  if (index < 0) throw new Error(`no row ${label}`);
  return index;
}

ruleTester(rowLabel, {
  valid: [
    { name: 'clean' },
    { name: 'half-width brackets, spaces and line breaks are harmless', mutate: (s) => setRowLabel(setRowLabel(s, '（一）予以公开', '(一) 予以\n公开'), '1.属于国家秘密', '1、属于 国家秘密') },
    { name: 'seed 004 label spellings', seed: '004' },
  ],
  invalid: [
    { name: 'changed word', mutate: (s) => setRowLabel(s, '1.属于国家秘密', '1.属于国家机密'), errors: [{ row: '1.属于国家秘密', fixable: true, messageIncludes: ['国家机密'] }] },
    { name: 'missing 行政', mutate: (s) => setRowLabel(s, '行政规范性文件', '规范性文件'), errors: [{ table: 'active', row: '行政规范性文件' }] },
    { name: 'group label misspelt', mutate: (s) => setRowLabel(s, '（四）无法提供', '（四）不能提供'), errors: [{ row: '（四）无法提供' }] },
  ],
});

ruleTester(columnLabel, {
  valid: [{ name: 'clean' }, { name: 'line break inside a header', mutate: (s) => setRowLabel(s, '商业企业', '商业\n企业') }],
  invalid: [
    { name: 'misspelt header', mutate: (s) => setRowLabel(s, '法律服务机构', '法律服务结构'), errors: [{ table: 'applications', column: '法律服务机构', fixable: true }] },
  ],
});

ruleTester(missingRow, {
  valid: [{ name: 'clean' }],
  invalid: [
    { name: 'row deleted from 表三', mutate: (s) => deleteTableRow(s, 1, applicationsRow(s, '2.重复申请')), errors: [{ row: '2.重复申请', fixable: true, messageIncludes: ['3.要求提供公开出版物'] }] },
    {
      // Its number is still in the totals: a row of zeros would leave them unbalanced, so it is no safe fix.
      name: 'a deleted row that held data is a suggestion, not a safe zero insert',
      mutate: (s) => {
        const withData = ['received', 'disclosed', 'handledTotal'].reduce((x, row) => setApplicationsValue(setApplicationsValue(x, row, 'natural', '1'), row, 'total', '1'), s);
        return deleteTableRow(withData, 1, applicationsRow(withData, '（一）予以公开'));
      },
      errors: [{ row: '（一）予以公开', fixable: false, messageIncludes: ['请填写实际数值'] }],
    },
  ],
});

ruleTester(extraRow, {
  valid: [{ name: 'clean' }],
  invalid: [
    {
      name: 'a 小计 row',
      mutate: (s) => insertTableRowAfter(s, 1, applicationsRow(s, '2.上年结转政府信息公开申请数量'.replace('2.', '二、')), [{ text: '小计', colSpan: 3 }, ...Array.from({ length: 7 }, () => ({ text: '0' }))]),
      errors: [{ row: null, messageIncludes: ['小计'] }],
    },
  ],
});

ruleTester(rowOrder, {
  valid: [{ name: 'clean' }],
  invalid: [
    {
      name: 'two sub-rows swapped',
      mutate: (s) => swapTableRows(s, 1, applicationsRow(s, '4.无正当理由大量反复申请'), applicationsRow(s, '5.要求行政机关确认或重新出具已获取信息')),
      errors: [{ severity: 'warning' }],
    },
  ],
});

ruleTester(missingTable, {
  valid: [{ name: 'all three tables present' }],
  invalid: [
    {
      name: '表四 removed',
      mutate: (s) => ({ blocks: s.blocks.filter((b) => b !== tablesOf(s)[tablesOf(s).length - 1]) }),
      errors: [{ table: 'review', row: null }],
    },
  ],
});

/**
 * 表三 with a column a third-party template adds (法人或其他组织小计, after 其他), or without 法律服务机构:
 * the header and every data row change together, as in such documents.
 */
function withApplicationsColumn(spec: ReportSpec, change: 'add-subtotal' | 'drop-legal'): ReportSpec {
  const copy = cloneSpec(spec);
  const table = tablesOf(copy)[1];
  const [first, second, third, ...data] = table.rows;
  const widen = (cell: { colSpan?: number }, by: number) => { cell.colSpan = (cell.colSpan ?? 1) + by; };
  const by = change === 'add-subtotal' ? 1 : -1;
  widen(first.cells[1], by); // 申请人情况
  widen(second.cells[1], by); // 法人或其他组织
  if (change === 'add-subtotal') third.cells.splice(third.cells.length, 0, { text: '法人或其他组织小计' });
  else third.cells.splice(third.cells.findIndex((c) => c.text.replace(/\s/g, '') === '法律服务机构'), 1);
  for (const row of data) {
    const total = row.cells.length - 1;
    if (change === 'add-subtotal') row.cells.splice(total, 0, { text: '0' });
    else row.cells.splice(total - 2, 1);
  }
  return copy;
}

ruleTester(columnLabel, {
  valid: [],
  invalid: [
    { name: 'an added 小计 column (values still map by header)', mutate: (s) => withApplicationsColumn(s, 'add-subtotal'), errors: [{ column: null, messageIncludes: ['法人或其他组织小计'] }] },
    { name: 'a dropped column', mutate: (s) => withApplicationsColumn(s, 'drop-legal'), errors: [{ column: '法律服务机构', messageIncludes: ['缺少'] }] },
  ],
});

/** 表三 with 商业企业 and 科研机构 swapped, header and data together (the data stays with its header). */
function withSwappedColumns(spec: ReportSpec): ReportSpec {
  const copy = cloneSpec(spec);
  const table = tablesOf(copy)[1];
  const third = table.rows[2];
  const a = third.cells.findIndex((c) => c.text.replace(/\s/g, '') === '商业企业');
  [third.cells[a], third.cells[a + 1]] = [third.cells[a + 1], third.cells[a]];
  for (const row of table.rows.slice(3)) {
    const first = row.cells.length - 6;
    [row.cells[first], row.cells[first + 1]] = [row.cells[first + 1], row.cells[first]];
  }
  return copy;
}

/** Two applications from 科研机构, both disclosed: consistent figures in one column. */
const researchApplications = (spec: ReportSpec) => ['一、本年新收政府信息公开申请数量', '（一）予以公开', '（七）总计'].reduce(
  (s, row) => setApplicationsValue(setApplicationsValue(s, row, '科研机构', '2'), row, '总计', '2'), spec);

ruleTester(columnLabel, {
  valid: [],
  invalid: [
    {
      name: 'two columns swapped: reported as moved, no header rewrite',
      mutate: (s) => withSwappedColumns(researchApplications(s)),
      errors: [{ fixable: false, messageIncludes: ['位置'] }],
    },
  ],
});

describe('swapped columns', () => {
  it('are read by their headers: the figures stay in their columns, nothing else is reported', async () => {
    const found = await lintCase({ name: 'swap', mutate: (s) => withSwappedColumns(researchApplications(s)) });
    assert.deepEqual(found.map((d) => d.rule), ['column-label']);
    const result = lintDocx(await buildSeedDocx('002', (s) => withSwappedColumns(researchApplications(s))), { currentYear: 2026 });
    const received = result.report.tables.find((t) => t.id === 'applications')!.rows.find((r) => r.templateRow?.key === 'received')!;
    assert.deepEqual([received.cells.get('research')!.cell.text, received.cells.get('commercial')!.cell.text], ['2', '0']);
  });
});

describe('row-label fixes keep the document’s numbering style', () => {
  it('rewrites the words and keeps 2、 or (四)', () => {
    assert.equal(correctedLabel('2、重复申请事项', '2.重复申请'), '2、重复申请');
    assert.equal(correctedLabel('(四) 不能提供', '（四）无法提供'), '(四)无法提供');
    assert.equal(correctedLabel('重复申请', '2.重复申请'), '2.重复申请');
    assert.equal(correctedLabel('3.重复申请', '2.重复申请'), '2.重复申请');
  });

  it('the fixed document is clean', async () => {
    const found = await lintCase({ name: 'numbered', mutate: (s) => setRowLabel(s, '1.属于国家秘密', '1、属于国家机密') });
    assert.deepEqual(found.map((d) => d.fix?.description), ['改为“1、属于国家秘密”']);
  });
});
