import type { DocumentModel } from '../../docmodel';
import { displayText, itemNumeral, type MappedCell, type MappedReport, type MappedTable } from '../../mapping';
import { tableNumeral } from '../../template';
import { setCellEdit } from '../cell-findings';
import { mappedCellLocation, rowName } from '../places';
import type { CellChange, Diagnostic, Fix, RuleId, SumEvidence } from '../types';
import { equations, type Equation } from './relations';
import { applyRepair, brokenEquations, DEFAULT_LIMITS, findRepairs, rankRepairs, type LinearSystem, type Repair } from './repair';
import { statedValues } from './stated-values';

const MAX_LISTED_CHANGES = 3;
const format = (n: number) => String(Math.round(n * 1e6) / 1e6);
const valueOf = (c: MappedCell) => (c.value as { value: number }).value;
/** A note mark after the old value (570*, 570[1]) stays after the new one. */
const noteMarkOf = (c: MappedCell) => (c.value.kind === 'number' ? c.value.noteMark : '');

/** A table's checkable relations as a linear system over its numeric cells. */
interface TableSystem {
  system: LinearSystem;
  cells: MappedCell[];
  equations: Equation[];
}

function tableSystem(table: MappedTable): TableSystem {
  const all = equations(table);
  const index = new Map<MappedCell, number>();
  const cells: MappedCell[] = [];
  const indexOf = (c: MappedCell) => {
    if (!index.has(c)) index.set(c, cells.push(c) - 1);
    return index.get(c)!;
  };
  const system: LinearSystem = {
    equations: all.map((e) => [...e.left.map((c) => ({ cell: indexOf(c), sign: 1 as const })), ...e.right.map((c) => ({ cell: indexOf(c), sign: -1 as const }))]),
    values: [],
    integer: [],
  };
  system.values = cells.map(valueOf);
  system.integer = cells.map((c) => c.column.value !== 'amount');
  return { system, cells, equations: all };
}

/**
 * One finding per table whose sums (R1–R4) do not all hold: the smallest change of cells that
 * makes every relation of the table hold, weighed by evidence when several are equally small.
 * A unique smallest repair that only recomputes totals is a safe fix; anything else is a choice.
 */
export function arithmeticFindings(report: MappedReport, document?: DocumentModel): Diagnostic[] {
  // sum-mismatch and balance both ask for the same report: search once.
  const cached = computed.get(report);
  if (cached) return cached;
  const found = tableFindings(report, document);
  computed.set(report, found);
  return found;
}

const computed = new WeakMap<MappedReport, Diagnostic[]>();

function tableFindings(report: MappedReport, document?: DocumentModel): Diagnostic[] {
  const stated = document ? statedValues(document) : [];
  const found: Diagnostic[] = [];
  for (const table of report.tables) {
    const { system, cells, equations: all } = tableSystem(table);
    const broken = brokenEquations(system);
    if (broken.length === 0) continue;

    const rowOf = new Map(table.rows.flatMap((r) => [...r.cells.values()].map((c) => [c, r] as const)));
    const rowLabel = (c: MappedCell) => rowOf.get(c)?.templateRow?.label || c.column.group || '';
    const cellName = (c: MappedCell) => (table.id === 'review' ? `“${rowLabel(c)}”“${c.column.label}”` : `“${rowLabel(c)}”行“${c.column.label}”`);
    const totals = new Set(all.filter((e) => e.relation.leftIsTotal).map((e) => e.left[0]));
    const statedFor = new Map(cells.flatMap((c, i) => {
      const value = stated.find((s) => s.table === table.id && s.row === rowOf.get(c)?.templateRow?.key && s.column === c.column.key);
      return value ? [[i, value.value] as const] : [];
    }));
    const rows = [...new Set(cells.map((c) => rowOf.get(c)))];

    const search = findRepairs(system, DEFAULT_LIMITS);
    const ranked = rankRepairs(search.repairs, { isTotal: cells.map((c) => totals.has(c)), stated: statedFor, rowOf: cells.map((c) => rows.indexOf(rowOf.get(c))) });
    const repairs = ranked.repairs.length > 0 ? ranked.repairs : [recomputeTotals(system, all, cells)];
    const found0 = ranked.repairs.length > 0;

    const toFix = (repair: Repair): Fix => {
      const changes: CellChange[] = repair.changes.map(({ cell, to }) => {
        const c = cells[cell];
        return { table: table.id, row: rowName(rowOf.get(c)!, c.column), column: c.column.label, from: displayText(c.cell.text), to: format(to), location: { tableIndex: c.table.tableIndex, rowIndex: c.row.rowIndex, cellIndex: c.cell.cellIndex } };
      });
      const remaining = brokenEquations(system, applyRepair(system, repair)).length;
      const onlyTotals = repair.changes.every((ch) => totals.has(cells[ch.cell]));
      // Changes in one row name the row once: “一、…”行“自然人”改为 4、“总计”改为 4.
      const shown = repair.changes.slice(0, MAX_LISTED_CHANGES);
      const listed = shown.map((ch, n) => {
        const c = cells[ch.cell];
        const sameRow = n > 0 && rowOf.get(cells[shown[n - 1].cell]) === rowOf.get(c) && rowLabel(cells[shown[n - 1].cell]) === rowLabel(c);
        return `${sameRow ? '、' : n > 0 ? '，' : ''}${sameRow ? `“${c.column.label}”` : cellName(c)}改为 ${format(ch.to)}`;
      }).join('');
      const more = repair.changes.length > MAX_LISTED_CHANGES ? ` 等 ${repair.changes.length} 个单元格` : '';
      const description = repair.changes.length === 1 ? `将${listed}`
        : onlyTotals ? `按各项重新计算总计（${repair.changes.length} 个单元格：${listed}${more}）`
          : `改 ${repair.changes.length} 个单元格：${listed}${more}`;
      return {
        description: remaining > 0 ? `${description}（改后仍有 ${remaining} 处不一致）` : description,
        edits: repair.changes.map(({ cell, to }) => setCellEdit(cells[cell], format(to) + noteMarkOf(cells[cell]))),
        changes,
      };
    };

    const best = repairs[0];
    const single = best.changes.length === 1 ? cells[best.changes[0].cell] : null;
    const safe = found0 && ranked.repairs.length === 1 && best.changes.every((ch) => totals.has(cells[ch.cell]));
    const brokenRelations = broken.map((e) => all[e]);
    const rule: RuleId = brokenRelations.some((e) => e.relation.rule === 'sum-mismatch') ? 'sum-mismatch' : 'balance';
    const what = (ch: Repair['changes'][number], named: boolean) =>
      `${named ? cellName(cells[ch.cell]) : `“${cells[ch.cell].column.label}”`}应为 ${format(ch.to)}（现为 ${displayText(cells[ch.cell].cell.text)}）`;
    const headline = `表${tableNumeral(table.id)}的合计有 ${broken.length} 处不一致`;
    const message = !found0
      ? `${headline}，改动 ${DEFAULT_LIMITS.maxCells} 个以内的单元格无法全部成立，请按依据逐项核对。`
      : !ranked.decided
        ? `有 ${repairs.length} 种同样少的改法，请在下面选择。${headline}。`
        : single
          ? `${what(best.changes[0], false)}。${headline}，改这一处后全部成立。`
          : `${best.changes.slice(0, MAX_LISTED_CHANGES).map((ch) => what(ch, true)).join('，')}${best.changes.length > MAX_LISTED_CHANGES ? ` 等 ${best.changes.length} 处` : ''}。${headline}，这样改后全部成立。`;

    const anchor = single ?? cells[best.changes[0]?.cell] ?? brokenRelations[0].left[0];
    const fixes = repairs.map(toFix);
    found.push({
      rule, severity: 'error', table: table.id,
      row: single ? rowName(rowOf.get(single)!, single.column) : null,
      column: single ? single.column.label : null,
      message,
      location: mappedCellLocation(anchor),
      fix: safe ? fixes[0] : null,
      suggestions: safe ? [] : fixes,
      sums: evidence(table, brokenRelations, rowLabel, found0 && !ranked.decided),
    });
  }
  return found;
}

/** When no small repair exists: each total recomputed from its parts (totals of totals last). */
function recomputeTotals(system: LinearSystem, all: Equation[], cells: MappedCell[]): Repair {
  const values = [...system.values];
  const indexOf = (c: MappedCell) => cells.indexOf(c);
  const totalRelations = all.filter((e) => e.relation.leftIsTotal);
  // Column totals (R3) before row totals (R2): the row of （七）总计 then adds up recomputed parts.
  for (const e of [...totalRelations.filter((r) => r.relation.forEach === 'column'), ...totalRelations.filter((r) => r.relation.forEach === 'row')]) {
    values[indexOf(e.left[0])] = e.right.reduce((n, c) => n + values[indexOf(c)], 0);
  }
  return { changes: values.flatMap((v, cell) => (Math.abs(v - system.values[cell]) > 1e-9 ? [{ cell, to: v }] : [])) };
}

const shortLabel = (label: string) => {
  const numeral = itemNumeral(label);
  if (numeral) return numeral;
  return label.length > 8 ? `${label.slice(0, 7)}…` : label;
};

/** The broken relations, one line each: the non-zero addends, a count of the zeros, the totals. */
function evidence(table: MappedTable, brokenRelations: Equation[], rowLabel: (c: MappedCell) => string, ambiguous: boolean): SumEvidence {
  const sum = (cs: MappedCell[]) => cs.reduce((n, c) => n + valueOf(c), 0);
  const termName = (e: Equation, c: MappedCell) => (e.relation.forEach === 'column' ? shortLabel(rowLabel(c)) : c.column.label);
  const terms = (e: Equation, cs: MappedCell[]) => {
    const term = (c: MappedCell) => `${termName(e, c)} ${format(valueOf(c))}`;
    const nonZero = cs.filter((c) => valueOf(c) !== 0);
    if (cs.length <= 2) return cs.map(term).join(' ＋ ');
    if (nonZero.length === 0) return '各项均为 0';
    const zeros = cs.length - nonZero.length;
    return `${nonZero.map(term).join(' ＋ ')}${zeros > 0 ? `（其余 ${zeros} 项均为 0）` : ''}`;
  };
  const along = (e: Equation) => {
    const first = e.left[0];
    if (e.relation.forEach === 'column') return `“${first.column.label}”列`;
    return table.id === 'review' ? `“${first.column.group}”` : `“${rowLabel(first)}”行`;
  };
  const relations = brokenRelations.map((e) => {
    const text = e.relation.leftIsTotal
      ? `${along(e)}：${terms(e, e.right)}，合计 ${format(sum(e.right))}，${termName(e, e.left[0])}却是 ${format(sum(e.left))}`
      : `${along(e)}：${terms(e, e.left)}，合计 ${format(sum(e.left))}；${terms(e, e.right)}，合计 ${format(sum(e.right))}，两者应相等`;
    return { text, cells: [...e.left, ...e.right].map((c) => ({ tableIndex: c.table.tableIndex, rowIndex: c.row.rowIndex, cellIndex: c.cell.cellIndex })) };
  });
  const headerRows = table.parts.flatMap((part) => {
    const first = table.rows.filter((r) => r.table === part).map((r) => r.row.rowIndex);
    return first.length > 0 ? [{ tableIndex: part.tableIndex, rows: Math.min(...first) }] : [];
  });
  return { relations, ambiguous, headerRows, labelColumns: table.template.labelColumns };
}
