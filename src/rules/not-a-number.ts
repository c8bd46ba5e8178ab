import { impliedValues } from './arithmetic/relations';
import { cellFinding, dataCells, setCellEdit, type PlacedCell } from './cell-findings';
import { docsPath, type Diagnostic, type Fix, type Rule } from './types';

/** A data cell that is not a plain non-negative integer (万元 amounts may be decimal). */
export const notANumber: Rule = {
  meta: { id: 'not-a-number', severity: 'error', fixes: 'fix', name: '不是数字', description: '数据不是规范的数字', docs: docsPath('not-a-number') },
  check({ report }) {
    const found: Diagnostic[] = [];
    for (const place of dataCells(report)) {
      const v = place.cell.value;
      if (v.kind === 'blank' || (v.kind === 'number' && v.regular)) continue;
      if (v.kind === 'text') {
        found.push(cellFinding(place, { rule: 'not-a-number', severity: 'error', message: `${v.note}，应填写数字。`, fix: null, suggestions: [] }));
        continue;
      }
      // The note mark (570¹, 0*) is the author's: the rewrite puts it back after the plain number.
      const write = (plain: string, why = ''): Fix => ({ description: `改为 ${plain}${why}`, edits: [setCellEdit(place.cell, plain + v.noteMark)] });
      const sums = v.plain === '0' ? zeroAgainstSums(place) : { allowed: true, implied: [] };
      const safe = v.plain !== null && sums.allowed && !hasRaisedMark(place);
      found.push(cellFinding(place, {
        rule: 'not-a-number',
        // An informal zero or full-width digit is understood (and summed); text is not.
        severity: 'warning',
        message: sums.allowed
          ? `${v.note}。`
          : `${v.note}，但${sums.implied.length > 0 ? `按合计关系这里应为 ${sums.implied.join(' 或 ')}` : '填 0 与合计关系不符'}：请填写实际数值。`,
        fix: safe ? write(v.plain!) : null,
        suggestions: safe || v.plain === null ? [] : [...sums.implied.map((n) => write(String(n), '（由合计推得）')), write(v.plain)],
      }));
    }
    return found;
  },
};

/** 无/—/零 means 0 only when the sums allow 0: otherwise the values they imply (non-negative whole numbers). */
function zeroAgainstSums(place: PlacedCell): { allowed: boolean; implied: number[] } {
  const implied = [...new Set(impliedValues(place.table, place.cell))];
  return { allowed: implied.every((n) => n === 0), implied: implied.filter((n) => n > 0 && Number.isInteger(n)) };
}

/** A note mark in a superscript run would not survive a rewrite of the cell: the user rewrites it. */
const hasRaisedMark = (place: PlacedCell) => place.cell.cell.superscripts.length > 0;
