import type { TableCell } from '../docmodel';
import { rowText, type CellContent, type Edit, type Fix } from '../edits/types';
import type { MappedRow, MissingRow } from '../mapping';
import { zeroRowKeepsBalance } from './arithmetic/relations';
import { cellLocation, describePlace } from './places';
import { docsPath, type Rule } from './types';

/** A standard row absent from its table. */
export const missingRow: Rule = {
  meta: { id: 'missing-row', severity: 'error', fixes: 'fix', name: '缺少标准行', description: '缺少标准行', docs: docsPath('missing-row') },
  check({ report }) {
    return report.tables.flatMap((table) => table.missingRows.map((missing) => {
      const neighbour = missing.before ?? missing.after;
      const where = missing.before?.templateRow
        ? `（应在“${missing.before.templateRow.label}”之前）`
        : missing.after?.templateRow ? `（应在“${missing.after.templateRow.label}”之后）` : '';
      const insert = insertion(missing);
      const safe = insert !== null && zeroRowKeepsBalance(table, missing.templateRow.key);
      const advice = insert === null ? '请按标准格式手动补上该行。' : safe ? '' : '补上该行后请填写实际数值，否则合计不平衡。';
      return {
        rule: 'missing-row' as const, severity: 'error' as const, table: table.id, row: missing.templateRow.label, column: null,
        message: `${describePlace(table.id, null, null)}缺少“${missing.templateRow.label}”行${where}。${advice}`,
        location: neighbour ? cellLocation(neighbour, null) : null,
        fix: safe ? insert : null,
        suggestions: insert && !safe ? [{ ...insert, description: `${insert.description}（数值需按实际填写）` }] : [],
      };
    }));
  },
};

const sameGroups = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((g, i) => g === b[i]);

/**
 * Inserting the row with zeros, laid out like an adjacent row of the same shape (same groups): below
 * a row of its group it continues the group's merges; as the first row of its group it takes over
 * the group label from the row below. Without such a neighbour there is no safe insertion.
 */
function insertion(missing: MissingRow): Fix | null {
  const { templateRow } = missing;
  const above = missing.after;
  const below = missing.before;
  const adjacent = above && below && above.table === below.table ? below.row.rowIndex === above.row.rowIndex + 1 : true;
  if (!adjacent) return null;
  const description = `插入“${templateRow.label}”行（数值为 0）`;
  if (above?.templateRow && sameGroups(above.templateRow.groups, templateRow.groups)) {
    const cells = layoutLike(above, templateRow.label, (cell) => ({ text: '', verticalMerge: cell.verticalMerge ? 'continue' : null }));
    return { description, edits: [{ kind: 'insert-rows', tableIndex: above.table.tableIndex, rowIndex: above.row.rowIndex + 1, formatRowIndex: above.row.rowIndex, expected: rowText(above.row.cells), rows: [cells] }] };
  }
  if (below?.templateRow && sameGroups(below.templateRow.groups, templateRow.groups)) {
    const takeOver: Edit[] = [];
    const cells = layoutLike(below, templateRow.label, (cell) => {
      if (cell.verticalMerge !== 'restart') return { text: '', verticalMerge: cell.verticalMerge };
      takeOver.push({ kind: 'continue-merge', tableIndex: below.table.tableIndex, rowIndex: below.row.rowIndex, cellIndex: cell.cellIndex, expected: cell.text });
      return { text: cell.text, verticalMerge: 'restart' };
    });
    return {
      description,
      edits: [
        ...takeOver,
        { kind: 'insert-rows', tableIndex: below.table.tableIndex, rowIndex: below.row.rowIndex, formatRowIndex: below.row.rowIndex, expected: rowText(below.row.cells), rows: [cells] },
      ],
    };
  }
  return null;
}

/** The cells of a new row shaped like `model`: its label, zeros for data, `group` for label cells left of it. */
function layoutLike(model: MappedRow, label: string, group: (cell: TableCell) => Pick<CellContent, 'text' | 'verticalMerge'>): CellContent[] {
  const dataCells = new Set([...model.cells.values()].map((c) => c.cell));
  return model.row.cells.map((cell): CellContent => {
    if (dataCells.has(cell)) return { text: '0', gridSpan: cell.gridSpan, verticalMerge: null };
    if (cell === model.labelCell) return { text: label, gridSpan: cell.gridSpan, verticalMerge: null };
    return { ...group(cell), gridSpan: cell.gridSpan };
  });
}
