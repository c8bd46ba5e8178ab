import { displayText, type MappedCell, type MappedReport } from '../../mapping';
import { setCellEdit } from '../cell-findings';
import { describePlace, mappedCellLocation } from '../places';
import type { Diagnostic, Fix, RuleId } from '../types';
import { broken, connectedGroups, equations, requiredValue, singleCellCulprits, type BrokenEquation, type Culprit } from './relations';

const MAX_LISTED_TERMS = 4;
const format = (n: number) => String(Math.round(n * 1e6) / 1e6);

/** Writes a corrected value; a note mark after the old one (570*, 570[1]) stays after the new one. */
function setCell(c: MappedCell, value: number, description: string): Fix {
  const noteMark = c.value.kind === 'number' ? c.value.noteMark : '';
  return { description, edits: [setCellEdit(c, format(value) + noteMark)] };
}

/**
 * Findings for the sum relations (R1–R4) of every table. Broken equations that share cells are
 * explained together: when one cell alone accounts for all of them, that cell is named as the
 * likely cause; otherwise each broken equation is reported with its addends and the difference.
 */
export function arithmeticFindings(report: MappedReport): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const table of report.tables) {
    const all = equations(table);
    const rowOf = new Map(table.rows.flatMap((r) => [...r.cells.values()].map((c) => [c, r] as const)));
    const rowLabel = (c: MappedCell) => rowOf.get(c)?.templateRow?.label || c.column.group || '';
    const place = (c: MappedCell) => describePlace(table.id, rowLabel(c), c.column.label);
    const describe = (e: BrokenEquation) => {
      const term = (c: MappedCell) => `${e.relation.forEach === 'column' ? rowLabel(c) : c.column.label} ${format((c.value as { value: number }).value)}`;
      // Long sums (R3 has 21 addends) list their non-zero terms and count the zeros.
      const side = (cells: MappedCell[]) => {
        if (cells.length <= MAX_LISTED_TERMS) return cells.map(term).join(' + ');
        const nonZero = cells.filter((c) => (c.value as { value: number }).value !== 0);
        const zeros = cells.length - nonZero.length;
        return [...nonZero.map(term), ...(zeros ? [`其余 ${zeros} 项均为 0`] : [])].join(' + ');
      };
      const along = e.relation.forEach === 'column' ? `“${e.left[0].column.label}”列` : `“${rowLabel(e.left[0])}”${table.id === 'review' ? '' : '行'}`;
      return `${along}：${side(e.left)} = ${format(e.leftSum)}，而 ${side(e.right)} = ${format(e.rightSum)}，相差 ${format(Math.abs(e.leftSum - e.rightSum))}`;
    };
    const explain = (e: BrokenEquation) => `${e.relation.id}（${e.relation.description}）`;
    const suggestion = (c: Culprit) => setCell(c.cell, c.value, `将${place(c.cell)}改为 ${format(c.value)}`);

    for (const group of connectedGroups(broken(table))) {
      const culprits = singleCellCulprits(all, group).sort((a, b) => Number(b.isTotal) - Number(a.isTotal));
      const ruleOf = (equationsInGroup: BrokenEquation[]): RuleId =>
        equationsInGroup.some((e) => e.relation.rule === 'sum-mismatch') ? 'sum-mismatch' : 'balance';
      if (culprits.length === 1) {
        const [culprit] = culprits;
        const c = culprit.cell;
        const shown = displayText(c.cell.text);
        found.push({
          rule: ruleOf(group), severity: 'error', table: table.id, row: rowLabel(c) || null, column: c.column.label,
          message: `此处的 ${shown} 可能有误，改为 ${format(culprit.value)} 后以下 ${group.length} 个关系全部成立：${group.map(describe).join('；')}。`,
          location: mappedCellLocation(c),
          fix: culprit.isTotal ? setCell(c, culprit.value, `将${place(c)}改为 ${format(culprit.value)}`) : null,
          suggestions: culprit.isTotal ? [] : [suggestion(culprit)],
        });
        continue;
      }
      for (const equation of group) {
        const anchor = equation.left[0];
        const explaining = culprits.filter((c) => equation.left.includes(c.cell) || equation.right.includes(c.cell));
        found.push({
          rule: equation.relation.rule, severity: 'error', table: table.id, row: rowLabel(anchor) || null, column: anchor.column.label,
          message: `${describePlace(table.id, null, null)}${describe(equation)}。${explain(equation)}`,
          location: mappedCellLocation(anchor),
          fix: null,
          suggestions: explaining.length > 0 ? explaining.map(suggestion) : equationSuggestions(equation, place),
        });
      }
    }
  }
  return found;
}

/**
 * Corrections of one broken equation when no single cell explains the whole problem: make the
 * total agree with its parts, or one non-zero part agree with the total. The user picks.
 */
function equationSuggestions(equation: BrokenEquation, place: (c: MappedCell) => string): Fix[] {
  const nonZero = (c: MappedCell) => (c.value as { value: number }).value !== 0;
  const candidates = [...equation.left, ...equation.right.filter(nonZero)];
  return candidates.flatMap((cell) => {
    const value = requiredValue(equation, cell);
    if (value < 0 || !Number.isInteger(value)) return [];
    const others = (equation.left.includes(cell) ? equation.right : equation.left).map((c) => format((c.value as { value: number }).value));
    const reason = equation.left.includes(cell) && equation.left.length === 1 ? `（= ${others.join(' + ')}）` : '';
    return [setCell(cell, value, `将${place(cell)}改为 ${format(value)}${reason}`)];
  });
}
