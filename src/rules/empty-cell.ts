import { cellFinding, dataCells, setCellEdit } from './cell-findings';
import { docsPath, type Rule } from './types';

/** A blank data cell: reviewers ask for an explicit 0, a blank is not a zero. */
export const emptyCell: Rule = {
  meta: { id: 'empty-cell', severity: 'error', fixes: 'fix', description: '数据单元格为空（空白不等于 0）', docs: docsPath('empty-cell') },
  check({ report }) {
    return [...dataCells(report)].filter((p) => p.cell.value.kind === 'blank').map((place) => cellFinding(place, {
      rule: 'empty-cell', severity: 'error',
      message: '单元格为空：没有数据应填 0，不能留空。',
      fix: { description: '填入 0', edits: [setCellEdit(place.cell, '0')] },
      suggestions: [],
    }));
  },
};
