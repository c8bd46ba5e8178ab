import { impliedValues } from './arithmetic/relations';
import { cellFinding, dataCells, setCellEdit } from './cell-findings';
import { docsPath, type Fix, type Rule } from './types';

/**
 * A blank data cell: reviewers ask for an explicit 0, a blank is not a zero. Filling in 0 is safe
 * unless the sums say the cell holds something else: then the value the sums imply is offered.
 */
export const emptyCell: Rule = {
  meta: { id: 'empty-cell', severity: 'error', fixes: 'fix', name: '单元格为空', description: '数据单元格为空（空白不等于 0）', docs: docsPath('empty-cell') },
  check({ report }) {
    return [...dataCells(report)].filter((p) => p.cell.value.kind === 'blank').map((place) => {
      const implied = [...new Set(impliedValues(place.table, place.cell))];
      const zeroIsSafe = implied.every((v) => v === 0);
      const fill = (value: number, why: string): Fix => ({ description: `填入 ${value}${why}`, edits: [setCellEdit(place.cell, String(value))] });
      return cellFinding(place, {
        rule: 'empty-cell', severity: 'error',
        message: zeroIsSafe ? '单元格为空：没有数据应填 0，不能留空。' : `单元格为空：按合计关系这里应为 ${implied.join(' 或 ')}，请填写实际数值，不能留空。`,
        fix: zeroIsSafe ? fill(0, '') : null,
        suggestions: zeroIsSafe ? [] : [...implied.filter((v) => v > 0 && Number.isInteger(v)).map((v) => fill(v, '（由合计推得）')), fill(0, '')],
      });
    });
  },
};

