import type { LinearSystem, RepairEvidence, Term } from '../../src/rules/arithmetic/repair';
import type { TemplateTable } from '../../src/template';

/** A table's data cells as a grid (row key × column key) with the template's relations over it. */
export interface SumGrid {
  rows: string[];
  columns: string[];
  system: LinearSystem;
  evidence: RepairEvidence;
  cellIndex: (row: string, column: string) => number;
}

export function sumGrid(template: TemplateTable, values: (row: string, column: string) => number): SumGrid {
  const block = template.blocks[0];
  const rows = block.rows.map((r) => r.key);
  const columns = block.columns.map((c) => c.key);
  const cellIndex = (row: string, column: string) => rows.indexOf(row) * columns.length + columns.indexOf(column);
  const equations: Term[][] = template.relations.flatMap((relation) =>
    (relation.forEach === 'column' ? columns : rows).map((along) => {
      const cell = (term: string) => (relation.forEach === 'column' ? cellIndex(term, along) : cellIndex(along, term));
      return [...relation.left.map((t) => ({ cell: cell(t), sign: 1 as const })), ...relation.right.map((t) => ({ cell: cell(t), sign: -1 as const }))];
    }));
  const all = rows.flatMap((r) => columns.map((c) => [r, c] as const));
  const totals = new Set(template.relations.filter((r) => r.leftIsTotal).flatMap((relation) =>
    (relation.forEach === 'column' ? columns : rows).map((along) => (relation.forEach === 'column' ? cellIndex(relation.left[0], along) : cellIndex(along, relation.left[0])))));
  return {
    rows, columns, cellIndex,
    system: { values: all.map(([r, c]) => values(r, c)), equations, integer: all.map(() => true) },
    evidence: { isTotal: all.map((_, i) => totals.has(i)), stated: new Map(), rowOf: all.map((_, i) => Math.floor(i / columns.length)) },
  };
}
