import { confirmBookmarkValue } from '../edits/types';
import { labelKey } from '../mapping';
import { cellFinding, dataCells } from './cell-findings';
import { docsPath, type Rule } from './types';

/**
 * A value a fix proposed (migrating from the 2019 format) or could only guess (0 for a cell with
 * no 2019 source) stays a warning until the user changes it or confirms it.
 */
export const unconfirmedValue: Rule = {
  meta: { id: 'unconfirmed-value', severity: 'warning', fixes: 'suggestion', name: '自动填入的数值待确认', description: '自动迁移填入的数值尚待确认', docs: docsPath('unconfirmed-value') },
  check({ report }) {
    return [...dataCells(report)].filter(({ cell: c }) => {
      const proposed = c.cell.bookmarks.map(confirmBookmarkValue).find((v) => v !== null);
      return typeof proposed === 'string' && labelKey(c.cell.text) === labelKey(proposed);
    }).map((place) => {
      const c = place.cell;
      return cellFinding(place, {
        rule: 'unconfirmed-value', severity: 'warning',
        message: `${c.cell.text.trim() || '（空）'} 是迁移格式时自动填入的，请核实（见批注）：改成实际数值，或确认无误。`,
        fix: null,
        suggestions: [{
          description: '确认此值无误',
          edits: [{ kind: 'confirm-value', tableIndex: c.table.tableIndex, rowIndex: c.row.rowIndex, cellIndex: c.cell.cellIndex, expected: c.cell.text }],
        }],
      });
    });
  },
};
