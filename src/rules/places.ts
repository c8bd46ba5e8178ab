import type { TableCell } from '../docmodel';
import type { MappedCell, MappedRow, RowPlace } from '../mapping';
import { tableNumeral, type Column, type TableId } from '../template';
import type { Location } from './types';

/** Canonical row name of a cell for the contract: the row's label, or for 表四 the column's group. */
export function rowName(row: MappedRow, column?: Column): string | null {
  if (row.templateRow && row.templateRow.label !== '') return row.templateRow.label;
  return column?.group ?? null;
}

export const cellLocation = (place: RowPlace, cell: TableCell | null): Location => ({
  tableIndex: place.table.tableIndex,
  rowIndex: place.row.rowIndex,
  cellIndex: cell ? cell.cellIndex : null,
});

export const mappedCellLocation = (c: MappedCell): Location => cellLocation(c, c.cell);

/** How a person finds the place: 表三 “1.属于国家秘密” 行 “自然人” 列. */
export function describePlace(table: TableId | 'text', row: string | null, column: string | null): string {
  if (table === 'text') return row ? `标题 “${row}”` : '正文';
  const parts = [`表${tableNumeral(table)}`];
  if (row) parts.push(table === 'review' ? `“${row}”` : `“${row}” 行`);
  if (column) parts.push(`“${column}” 列`);
  return parts.join(' ');
}
