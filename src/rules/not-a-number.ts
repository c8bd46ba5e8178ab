import { mappedCellLocation, rowName } from './places';
import { docsPath, type Diagnostic, type Rule } from './types';

/** A data cell that is not a plain non-negative integer (万元 amounts may be decimal). */
export const notANumber: Rule = {
  meta: { id: 'not-a-number', severity: 'error', fixes: 'fix', description: '数据不是规范的数字', docs: docsPath('not-a-number') },
  check({ report }) {
    const found: Diagnostic[] = [];
    for (const table of report.tables) {
      for (const row of table.rows) {
        for (const c of row.cells.values()) {
          const v = c.value;
          if (v.kind === 'blank' || (v.kind === 'number' && v.regular)) continue;
          const rowLabel = rowName(row, c.column);
          const plain = v.kind === 'number' ? v.plain : null;
          found.push({
            rule: 'not-a-number',
            // An informal zero or full-width digit is understood (and summed); text is not.
            severity: v.kind === 'number' ? 'warning' : 'error',
            table: table.id, row: rowLabel, column: c.column.label,
            message: `${v.note}${v.kind === 'number' && plain === null ? '' : v.kind === 'text' ? '，应填写数字' : ''}。`,
            location: mappedCellLocation(c),
            fix: plain === null ? null : {
              description: `改为 ${plain}`,
              edits: [{ kind: 'set-cell-text', tableIndex: c.table.tableIndex, rowIndex: c.row.rowIndex, cellIndex: c.cell.cellIndex, expected: c.cell.text, text: plain }],
            },
            suggestions: [],
          });
        }
      }
    }
    return found;
  },
};
