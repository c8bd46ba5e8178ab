import { cellLocation, describePlace } from './places';
import { docsPath, type Rule } from './types';

/** Rows present but not in the standard order. */
export const rowOrder: Rule = {
  meta: { id: 'row-order', severity: 'warning', fixes: 'none', name: '行顺序与标准不一致', description: '行的顺序与标准格式不一致', docs: docsPath('row-order') },
  check({ report }) {
    return report.tables.flatMap((table) => table.outOfOrder.map((row) => {
      const label = row.templateRow?.label ?? null;
      const rows = table.template.blocks.flatMap((b) => b.rows);
      const position = rows.findIndex((r) => r.label === label) + 1;
      return {
        rule: 'row-order' as const, severity: 'warning' as const, table: table.id, row: label, column: null,
        message: `${describePlace(table.id, label, null)}位置不对：按标准格式应为第 ${position} 个数据行。`,
        location: cellLocation(row, row.labelCell), fix: null, suggestions: [],
      };
    }));
  },
};
