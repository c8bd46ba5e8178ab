import { displayText, labelKey } from '../mapping';
import { setCellEdit } from './cell-findings';
import { cellLocation, describePlace } from './places';
import { docsPath, type Diagnostic, type Rule } from './types';

/** A column header that is not the standard one after normalisation, or a column missing or added. */
export const columnLabel: Rule = {
  meta: { id: 'column-label', severity: 'error', fixes: 'fix', description: '列标题与标准格式不一致', docs: docsPath('column-label') },
  check({ report }) {
    const found: Diagnostic[] = [];
    for (const table of report.tables) {
      const where = describePlace(table.id, null, null);
      // A standard header in another column's place is a moved column (reported below), not a wrong word.
      const standardHeaders = new Set(table.template.blocks.flatMap((b) => b.header.flat().map((h) => labelKey(h.text))));
      for (const h of table.headers) {
        const key = labelKey(h.cell.text);
        if (key === labelKey(h.expected) || standardHeaders.has(key)) continue;
        found.push({
          rule: 'column-label', severity: 'error', table: table.id, row: null, column: h.expected,
          message: `${where}列标题“${displayText(h.cell.text)}”与标准格式不一致，应为“${h.expected}”。`,
          location: cellLocation(h, h.cell),
          fix: { description: `改为“${h.expected}”`, edits: [setCellEdit(h, h.expected)] },
          suggestions: [],
        });
      }
      for (const problem of table.columnProblems) {
        if (problem.kind === 'moved') {
          const position = table.template.blocks.flatMap((b) => b.columns).indexOf(problem.column) + 1;
          found.push({
            rule: 'column-label', severity: 'error', table: table.id, row: problem.column.group, column: problem.column.label,
            message: `${where}${problem.column.group ? `“${problem.column.group}”下的` : ''}“${problem.column.label}”列的位置与标准格式不一致（应为第 ${position} 个数据列）。数据已按列标题读取；请按标准顺序调整列。`,
            location: cellLocation(problem, problem.cell), fix: null, suggestions: [],
          });
          continue;
        }
        found.push(problem.kind === 'missing'
          ? {
            rule: 'column-label', severity: 'error', table: table.id, row: problem.column.group, column: problem.column.label,
            message: `${where}缺少${problem.column.group ? `“${problem.column.group}”下的` : ''}“${problem.column.label}”列，请按标准格式补上。`,
            location: cellLocation(problem, null), fix: null, suggestions: [],
          }
          : {
            rule: 'column-label', severity: 'error', table: table.id, row: null, column: null,
            message: `${where}的“${displayText(problem.cell.text)}”列不属于标准格式（如“小计”列），请删除该列。`,
            location: cellLocation(problem, problem.cell), fix: null, suggestions: [],
          });
      }
    }
    return found;
  },
};
