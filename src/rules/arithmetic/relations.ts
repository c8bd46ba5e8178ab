import type { MappedCell, MappedTable } from '../../mapping';
import type { Relation } from '../../template';

/** One instance of a declared relation: Σ left = Σ right over concrete cells. */
export interface Equation {
  relation: Relation;
  /** The column (forEach column) or row (forEach row) key it was instantiated for. */
  along: string;
  left: MappedCell[];
  right: MappedCell[];
}

const valueOf = (c: MappedCell) => (c.value.kind === 'number' ? c.value.value : null);
const sum = (cells: MappedCell[]) => cells.reduce((n, c) => n + valueOf(c)!, 0);
const EPSILON = 1e-9;

interface RelationInstance {
  relation: Relation;
  along: string;
  /** The document's cell for a term of the relation, undefined when its row or column is absent. */
  cellOf: (term: string) => MappedCell | undefined;
}

/** Every instance of the table's relations: per data column, or per data row present. */
function relationInstances(table: MappedTable): RelationInstance[] {
  const byRow = new Map(table.rows.filter((r) => r.templateRow).map((r) => [r.templateRow!.key, r]));
  const columnKeys = table.template.blocks[0].columns.map((c) => c.key);
  return table.template.relations.flatMap((relation) =>
    (relation.forEach === 'column' ? columnKeys : [...byRow.keys()]).map((along) => ({
      relation,
      along,
      cellOf: (term: string) => (relation.forEach === 'column' ? byRow.get(term)?.cells.get(along) : byRow.get(along)?.cells.get(term)),
    })));
}

/** Every instance whose terms all exist in the document (values unchecked). */
function instances(table: MappedTable): Equation[] {
  return relationInstances(table).flatMap(({ relation, along, cellOf }) => {
    const left = relation.left.map(cellOf);
    const right = relation.right.map(cellOf);
    return [...left, ...right].every((c) => c !== undefined) ? [{ relation, along, left: left as MappedCell[], right: right as MappedCell[] }] : [];
  });
}

/**
 * The relations over the document's cells that can be checked. An equation with a term that is
 * absent, blank or text is left out: empty-cell, not-a-number or missing-row already speak for it.
 */
export function equations(table: MappedTable): Equation[] {
  return instances(table).filter((e) => [...e.left, ...e.right].every((c) => valueOf(c) !== null));
}

/**
 * The values a blank (or unreadable) cell must have for each relation in which it is the only
 * unknown: what the sums say it should be.
 */
export function impliedValues(table: MappedTable, cell: MappedCell): number[] {
  return instances(table)
    .filter((e) => (e.left.includes(cell) || e.right.includes(cell)) && [...e.left, ...e.right].every((c) => c === cell || valueOf(c) !== null))
    .map((e) => requiredValue(e, cell));
}

/** The value `cell` must take for `equation` to hold, everything else unchanged. */
export function requiredValue(equation: Equation, cell: MappedCell): number {
  const onLeft = equation.left.includes(cell);
  const others = (cells: MappedCell[]) => sum(cells.filter((c) => c !== cell));
  return onLeft ? others(equation.right) - others(equation.left) : others(equation.left) - others(equation.right);
}

/**
 * Whether inserting the absent row `rowKey` with zeros keeps every relation through it true: if
 * not, its numbers are needed for a total to balance and must come from the user, not from us.
 */
export function zeroRowKeepsBalance(table: MappedTable, rowKey: string): boolean {
  return relationInstances(table)
    .filter(({ relation }) => relation.forEach === 'column' && [...relation.left, ...relation.right].includes(rowKey))
    .every(({ relation, cellOf }) => {
      const value = (term: string): number | null => {
        if (term === rowKey) return 0;
        const cell = cellOf(term);
        return cell ? valueOf(cell) : null;
      };
      const left = relation.left.map(value);
      const right = relation.right.map(value);
      if ([...left, ...right].some((v) => v === null)) return true; // not checkable: nothing to keep
      const total = (vs: (number | null)[]) => vs.reduce((n: number, v) => n + (v ?? 0), 0);
      return Math.abs(total(left) - total(right)) <= EPSILON;
    });
}
