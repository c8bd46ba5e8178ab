import { cellLocation, describePlace } from './places';
import { docsPath, type Rule } from './types';

/** A standard row absent from its table. */
export const missingRow: Rule = {
  meta: { id: 'missing-row', severity: 'error', fixes: 'fix', description: '缺少标准行', docs: docsPath('missing-row') },
  check({ report }) {
    return report.tables.flatMap((table) => table.missingRows.map((missing) => {
      const neighbour = missing.before ?? missing.after;
      const where = missing.before?.templateRow
        ? `（应在“${missing.before.templateRow.label}”之前）`
        : missing.after?.templateRow ? `（应在“${missing.after.templateRow.label}”之后）` : '';
      return {
        rule: 'missing-row' as const, severity: 'error' as const, table: table.id, row: missing.templateRow.label, column: null,
        message: `${describePlace(table.id, null, null)}缺少“${missing.templateRow.label}”行${where}。`,
        location: neighbour ? cellLocation(neighbour, null) : null,
        fix: null, suggestions: [],
      };
    }));
  },
};
