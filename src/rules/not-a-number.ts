import { cellFinding, dataCells, setCellEdit } from './cell-findings';
import { docsPath, type Diagnostic, type Rule } from './types';

/** A data cell that is not a plain non-negative integer (万元 amounts may be decimal). */
export const notANumber: Rule = {
  meta: { id: 'not-a-number', severity: 'error', fixes: 'fix', description: '数据不是规范的数字', docs: docsPath('not-a-number') },
  check({ report }) {
    const found: Diagnostic[] = [];
    for (const place of dataCells(report)) {
      const v = place.cell.value;
      if (v.kind === 'blank' || (v.kind === 'number' && v.regular)) continue;
      const plain = v.kind === 'number' ? v.plain : null;
      found.push(cellFinding(place, {
        rule: 'not-a-number',
        // An informal zero or full-width digit is understood (and summed); text is not.
        severity: v.kind === 'number' ? 'warning' : 'error',
        message: `${v.note}${v.kind === 'text' ? '，应填写数字' : ''}。`,
        fix: plain === null ? null : { description: `改为 ${plain}`, edits: [setCellEdit(place.cell, plain)] },
        suggestions: [],
      }));
    }
    return found;
  },
};
