import type { MappedCell, MappedReport } from '../../mapping';
import type { CellRef } from '../../template';
import { tableNumeral } from '../../template';
import { mappedCellLocation, rowName } from '../places';
import type { Location } from '../types';

export interface TableValue {
  ref: CellRef;
  value: number;
  cell: MappedCell;
  /** Canonical row name (表四: the column's group) and column label, as findings name cells. */
  row: string | null;
  column: string;
  location: Location;
}

/** The number in a standard cell, or null when the cell is absent, blank or not a number. */
export function tableValue(report: MappedReport, ref: CellRef): TableValue | null {
  for (const table of report.tables) {
    if (table.id !== ref.table) continue;
    for (const row of table.rows) {
      if (row.templateRow?.key !== ref.row) continue;
      const cell = row.cells.get(ref.column);
      if (!cell || cell.value.kind !== 'number') continue;
      return { ref, value: cell.value.value, cell, row: rowName(row, cell.column), column: cell.column.label, location: mappedCellLocation(cell) };
    }
  }
  return null;
}

/** Every listed cell's number, or null when one of them cannot be read. */
export function tableValues(report: MappedReport, refs: readonly CellRef[]): TableValue[] | null {
  const values = refs.map((ref) => tableValue(report, ref));
  return values.every((v): v is TableValue => v !== null) ? values : null;
}

/** 表三 “一、本年新收政府信息公开申请数量” 行 “总计” 列 = 8, for evidence. */
export function describeValue(v: TableValue): string {
  const row = v.row ? (v.ref.table === 'review' ? `“${v.row}”` : `“${v.row}”行`) : '';
  return `表${tableNumeral(v.ref.table)}${row}“${v.column}”列为 ${v.value}`;
}
