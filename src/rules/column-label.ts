import { displayText, labelKey } from '../mapping';
import { cellLocation, describePlace } from './places';
import { docsPath, type Rule } from './types';

/** A column header that is not the standard one after normalisation. */
export const columnLabel: Rule = {
  meta: { id: 'column-label', severity: 'error', fixes: 'fix', description: '列标题与标准格式不一致', docs: docsPath('column-label') },
  check({ report }) {
    return report.tables.flatMap((table) => table.headers
      .filter((h) => labelKey(h.cell.text) !== labelKey(h.expected))
      .map((h) => ({
        rule: 'column-label' as const, severity: 'error' as const, table: table.id, row: null, column: h.expected,
        message: `${describePlace(table.id, null, null)}列标题“${displayText(h.cell.text)}”与标准格式不一致，应为“${h.expected}”。`,
        location: cellLocation(h, h.cell),
        fix: {
          description: `改为“${h.expected}”`,
          edits: [{ kind: 'set-cell-text' as const, tableIndex: h.table.tableIndex, rowIndex: h.row.rowIndex, cellIndex: h.cell.cellIndex, expected: h.cell.text, text: h.expected }],
        },
        suggestions: [],
      })));
  },
};
