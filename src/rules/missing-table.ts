import { TABLE_IDS, templateTable, CURRENT_VARIANT } from '../template';
import { describePlace } from './places';
import { docsPath, type Rule } from './types';

/** A standard table absent from a document that is a report. */
export const missingTable: Rule = {
  meta: { id: 'missing-table', severity: 'error', fixes: 'suggestion', description: '缺少标准表格', docs: docsPath('missing-table') },
  check({ report }) {
    if (!report.isReport) return [];
    return TABLE_IDS.filter((id) => !report.tables.some((t) => t.id === id)).map((id) => {
      const t = templateTable(id, CURRENT_VARIANT);
      return {
        rule: 'missing-table' as const, severity: 'error' as const, table: id, row: null, column: null,
        message: `${describePlace(id, null, null)}（${t.title}）未找到：年度报告必须包含该表格。`,
        location: null, fix: null, suggestions: [],
      };
    });
  },
};
