import { rowText } from '../edits/types';
import { displayText } from '../mapping';
import { cellLocation, describePlace } from './places';
import { docsPath, type Diagnostic, type Rule } from './types';

/** A row that the standard table does not have (小计 rows, dropped 2019 items …). Deleting data is the user's call. */
export const extraRow: Rule = {
  meta: { id: 'extra-row', severity: 'error', fixes: 'suggestion', name: '多出的行', description: '多出标准格式中没有的行', docs: docsPath('extra-row') },
  check({ report }) {
    const found: Diagnostic[] = [];
    for (const table of report.tables) {
      const extras = [
        ...table.rows.filter((r) => !r.templateRow).map((r) => ({ place: r, text: r.labelCell ? displayText(r.labelCell.text) : '' })),
        ...table.titles.filter((t) => !t.expected).map((t) => ({ place: t, text: displayText(t.cell.text) })),
      ];
      for (const { place, text } of extras) {
        found.push({
          rule: 'extra-row', severity: 'error', table: table.id, row: null, column: null,
          message: `${describePlace(table.id, null, null)}中的“${text || '（无标签）'}”行不属于标准格式，请核实后删除或并入标准行。`,
          location: cellLocation(place, null), fix: null,
          suggestions: [{
            description: `删除“${text || '（无标签）'}”行`,
            edits: [{ kind: 'delete-row', tableIndex: place.table.tableIndex, rowIndex: place.row.rowIndex, expected: rowText(place.row.cells) }],
          }],
        });
      }
    }
    return found;
  },
};
