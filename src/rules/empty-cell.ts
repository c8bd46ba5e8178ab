import { mappedCellLocation, rowName } from './places';
import { docsPath, type Rule } from './types';

/** A blank data cell: reviewers ask for an explicit 0, a blank is not a zero. */
export const emptyCell: Rule = {
  meta: { id: 'empty-cell', severity: 'error', fixes: 'fix', description: '数据单元格为空（空白不等于 0）', docs: docsPath('empty-cell') },
  check({ report }) {
    return report.tables.flatMap((table) => table.rows.flatMap((row) => [...row.cells.values()]
      .filter((c) => c.value.kind === 'blank')
      .map((c) => {
        const location = mappedCellLocation(c);
        const rowLabel = rowName(row, c.column);
        return {
          rule: 'empty-cell' as const, severity: 'error' as const, table: table.id, row: rowLabel, column: c.column.label,
          message: '单元格为空：没有数据应填 0，不能留空。',
          location,
          fix: { description: '填入 0', edits: [{ kind: 'set-cell-text' as const, tableIndex: c.table.tableIndex, rowIndex: c.row.rowIndex, cellIndex: c.cell.cellIndex, expected: c.cell.text, text: '0' }] },
          suggestions: [],
        };
      })));
  },
};
