import type { Edit } from '../edits/types';
import type { MappedCell, MappedReport, MappedRow, MappedTable } from '../mapping';
import { mappedCellLocation, rowName } from './places';
import type { Diagnostic } from './types';

export interface PlacedCell {
  table: MappedTable;
  row: MappedRow;
  cell: MappedCell;
}

/** Every data cell of the standard rows (an extra row is reported as a whole, not cell by cell). */
export function* dataCells(report: MappedReport): Generator<PlacedCell> {
  for (const table of report.tables) {
    for (const row of table.rows) {
      if (!row.templateRow) continue;
      for (const cell of row.cells.values()) yield { table, row, cell };
    }
  }
}

/** A finding about one data cell, named and located as the output contract wants. */
export function cellFinding(place: PlacedCell, finding: Pick<Diagnostic, 'rule' | 'severity' | 'message' | 'fix' | 'suggestions'>): Diagnostic {
  const { table, row, cell } = place;
  return { ...finding, table: table.id, row: rowName(row, cell.column), column: cell.column.label, location: mappedCellLocation(cell) };
}

/** The edit writing `text` into a data cell, expecting what the lint saw there. */
export function setCellEdit(c: Pick<MappedCell, 'table' | 'row' | 'cell'>, text: string): Edit {
  return { kind: 'set-cell-text', tableIndex: c.table.tableIndex, rowIndex: c.row.rowIndex, cellIndex: c.cell.cellIndex, expected: c.cell.text, text };
}
