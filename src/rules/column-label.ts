import { displayText, labelKey, splitLabelMark } from '../mapping';
import { setCellEdit } from './cell-findings';
import { cellLocation, describePlace } from './places';
import { docsPath, type Diagnostic, type Rule } from './types';

/** A column header that is not the standard one after normalisation, or a column missing or added. */
export const columnLabel: Rule = {
  meta: { id: 'column-label', severity: 'error', fixes: 'fix', name: '列标题与标准不一致', description: '列标题与标准格式不一致', docs: docsPath('column-label') },
  check({ report }) {
    const found: Diagnostic[] = [];
    for (const table of report.tables) {
      const where = describePlace(table.id, null, null);
      // A standard header in another column's place is a moved column (reported below), not a wrong word.
      const standardHeaders = new Set(table.template.blocks.flatMap((b) => b.header.flat().map((h) => labelKey(h.text))));
      for (const h of table.headers) {
        // A note mark (（含外籍）, *) is the author's addition, not a wrong word: the fix keeps it.
        const { body, mark } = splitLabelMark(h.cell.text);
        const key = labelKey(body);
        if (key === labelKey(h.expected) || standardHeaders.has(key)) continue;
        const units = unitsOf(body, h.expected);
        // 采购总金额（元）, 本年收费金额（万元）: the unit only says what the format means.
        if (units?.written && (units.standard === null || units.written === units.standard)) continue;
        found.push(units?.written && units.standard
          ? {
            // Relabelling 元 as 万元 would multiply every amount by 10000: the values must change with the header.
            rule: 'column-label', severity: 'warning', table: table.id, row: null, column: h.expected,
            message: `${where}列标题“${displayText(h.cell.text)}”的单位是“${units.written}”，标准格式为“${h.expected}”：请把该列金额换算为${units.standard}后再改列标题，不能只改单位。`,
            location: cellLocation(h, h.cell), fix: null, suggestions: [],
          }
          : {
            rule: 'column-label', severity: 'error', table: table.id, row: null, column: h.expected,
            message: `${where}列标题“${displayText(h.cell.text)}”与标准格式不一致，应为“${h.expected}”。`,
            location: cellLocation(h, h.cell),
            fix: { description: `改为“${h.expected}${mark}”`, edits: [setCellEdit(h, h.expected + mark)] },
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

/** A unit in brackets at the end of a header: （元）, （单位：万元）. */
const UNIT = /[（(]\s*(?:单位\s*[:：]\s*)?(元|万元|千元|亿元|件|个|项|次|人)\s*[)）]$/;

/**
 * The units of a written header and its standard form when the words are the same apart from the
 * unit (null: the words differ, so it is a wrong label, not a unit question).
 */
function unitsOf(written: string, standard: string): { written: string | null; standard: string | null } | null {
  const w = UNIT.exec(written.trim());
  const s = UNIT.exec(standard);
  if (!w && !s) return null;
  const words = (text: string, m: RegExpExecArray | null) => labelKey(m ? text.trim().slice(0, m.index) : text);
  return words(written, w) === words(standard, s) ? { written: w?.[1] ?? null, standard: s?.[1] ?? null } : null;
}
