import { columnLabel } from '../../src/rules/column-label';
import { extraRow } from '../../src/rules/extra-row';
import { missingRow } from '../../src/rules/missing-row';
import { missingTable } from '../../src/rules/missing-table';
import { rowLabel } from '../../src/rules/row-label';
import { rowOrder } from '../../src/rules/row-order';
import { cloneSpec, deleteTableRow, insertTableRowAfter, setRowLabel, swapTableRows, tablesOf, type ReportSpec } from '../support/fixtures';
import { ruleTester } from '../support/rule-tester';

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
    { name: 'row deleted from 表三', mutate: (s) => deleteTableRow(s, 1, applicationsRow(s, '2.重复申请')), errors: [{ row: '2.重复申请', messageIncludes: ['3.要求提供公开出版物'] }] },
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
