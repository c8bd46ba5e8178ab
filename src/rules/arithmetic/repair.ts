/**
 * Table-level repair of linear sum relations (error localisation in the Fellegi–Holt sense): the
 * smallest sets of cells whose change makes every relation of a table hold at once.
 *
 * The relations are equalities Σ sign·value = 0 with signs ±1, and a cell lies in at most a few of
 * them (表三: its row's R2, its column's R1 and R3). The search is a depth-first walk over "pick an
 * unsatisfied equation, pick one of its cells, set that cell so the equation holds", with iterative
 * deepening on the number of distinct cells changed. A cell already picked may be picked again
 * (its value is re-solved for another equation), which lets two changed cells share an equation.
 * Cells outside the broken equations are reached by propagation: changing a cell breaks the
 * satisfied equations through it, and those become the next to fix.
 */

export interface Term {
  cell: number;
  sign: 1 | -1;
}

/** The relations of one table over its numeric cells, numbered 0…n−1. */
export interface LinearSystem {
  values: number[];
  /** Each equation: Σ sign · value(cell) = 0. */
  equations: Term[][];
  /** Whether a cell may only hold a whole number (counts; 万元 amounts may be decimal). */
  integer: boolean[];
}

/** A repair: the cells to change and their new values, cells in ascending order. */
export interface Repair {
  changes: { cell: number; to: number }[];
}

export interface RepairSearch {
  /** Smallest repairs found (all of the smallest size, up to a cap); empty when none within limits. */
  repairs: Repair[];
  /** False when the node budget ran out before the search could finish. */
  complete: boolean;
}

export interface SearchLimits {
  /** Largest number of changed cells tried. */
  maxCells: number;
  /** Nodes visited in total per table: bounds the time whatever the table. */
  nodeBudget: number;
  /** Distinct repairs of the smallest size kept. */
  maxRepairs: number;
}

export const DEFAULT_LIMITS: SearchLimits = { maxCells: 6, nodeBudget: 60_000, maxRepairs: 12 };

const EPSILON = 1e-9;
const clean = (n: number) => Math.round(n * 1e6) / 1e6;

export function residuals(system: LinearSystem, values = system.values): number[] {
  return system.equations.map((terms) => terms.reduce((n, t) => n + t.sign * values[t.cell], 0));
}

/** Indices of the equations that do not hold for these values. */
export function brokenEquations(system: LinearSystem, values = system.values): number[] {
  return residuals(system, values).flatMap((r, i) => (Math.abs(r) > EPSILON ? [i] : []));
}

/** The values after a repair. */
export function applyRepair(system: LinearSystem, repair: Repair): number[] {
  const values = [...system.values];
  for (const { cell, to } of repair.changes) values[cell] = to;
  return values;
}

export function findRepairs(system: LinearSystem, limits: SearchLimits = DEFAULT_LIMITS): RepairSearch {
  const residual = residuals(system);
  if (residual.every((r) => Math.abs(r) <= EPSILON)) return { repairs: [{ changes: [] }], complete: true };
  const through: Term[][] = system.values.map(() => []);
  system.equations.forEach((terms, e) => terms.forEach((t) => through[t.cell].push({ cell: e, sign: t.sign })));
  const maxDegree = Math.max(1, ...through.map((list) => list.length));

  let nodes = 0;
  const delta = new Map<number, number>();
  const found = new Map<string, Repair>();
  // A state seen before with at least as many steps left has nothing new to offer.
  let visited = new Map<string, number>();

  const stateKey = () => [...delta].filter(([, d]) => Math.abs(d) > EPSILON).sort((a, b) => a[0] - b[0]).map(([c, d]) => `${c}:${clean(d)}`).join(',');
  const acceptable = (cell: number, value: number) =>
    value >= -EPSILON && (!system.integer[cell] || Math.abs(value - Math.round(value)) <= EPSILON);
  const shift = (cell: number, by: number) => {
    delta.set(cell, (delta.get(cell) ?? 0) + by);
    for (const t of through[cell]) residual[t.cell] += t.sign * by;
  };

  const walk = (maxCells: number, stepsLeft: number): void => {
    if (nodes++ > limits.nodeBudget || found.size >= limits.maxRepairs) return;
    const key = stateKey();
    if ((visited.get(key) ?? -1) >= stepsLeft) return;
    visited.set(key, stepsLeft);
    const unsatisfied = residual.flatMap((r, e) => (Math.abs(r) > EPSILON ? [e] : []));
    const changed = [...delta].filter(([, d]) => Math.abs(d) > EPSILON).map(([c]) => c);
    if (unsatisfied.length === 0) {
      if (changed.length === 0) return;
      const changes = changed.sort((a, b) => a - b).map((cell) => ({ cell, to: clean(system.values[cell] + delta.get(cell)!) }));
      found.set(key, { changes });
      return;
    }
    if (stepsLeft === 0) return;
    const isChanged = new Set(changed);
    const free = maxCells - changed.length;
    // Equations no changed cell touches must each be fixed by a new cell, which fixes at most maxDegree of them.
    const untouched = unsatisfied.filter((e) => !system.equations[e].some((t) => isChanged.has(t.cell))).length;
    if (untouched > free * maxDegree) return;
    // Most constrained equation first: the fewest cells that may still change.
    const candidates = (e: number) => system.equations[e].filter((t) => free > 0 || isChanged.has(t.cell));
    let best = unsatisfied[0];
    let bestCount = Infinity;
    for (const e of unsatisfied) {
      const n = candidates(e).length;
      if (n < bestCount) [best, bestCount] = [e, n];
    }
    for (const t of candidates(best)) {
      const by = -residual[best] / t.sign;
      if (!acceptable(t.cell, system.values[t.cell] + (delta.get(t.cell) ?? 0) + by)) continue;
      shift(t.cell, by);
      walk(maxCells, stepsLeft - 1);
      shift(t.cell, -by);
      if (Math.abs(delta.get(t.cell)!) <= EPSILON) delta.delete(t.cell);
    }
  };

  for (let size = 1; size <= limits.maxCells && found.size === 0 && nodes <= limits.nodeBudget; size++) {
    visited = new Map();
    walk(size, 2 * size);
  }
  const smallest = Math.min(...[...found.values()].map((r) => r.changes.length));
  return {
    repairs: [...found.values()].filter((r) => r.changes.length === smallest),
    complete: nodes <= limits.nodeBudget,
  };
}

/**
 * What speaks for a repair beyond its size, compared in this order: it changes totals rather
 * than parts (a total is computed, a part is typed); it agrees with what the report's text states;
 * it touches fewer rows.
 */
export interface RepairEvidence {
  isTotal: boolean[];
  /** Values the report's text states for some cells (收到申请1份 → 一、本年新收 总计 = 1). */
  stated: Map<number, number>;
  rowOf: number[];
}

function score(repair: Repair, evidence: RepairEvidence): number[] {
  const parts = repair.changes.filter((c) => !evidence.isTotal[c.cell]).length;
  const againstText = repair.changes.filter((c) => evidence.stated.has(c.cell) && evidence.stated.get(c.cell) !== c.to).length;
  const withText = repair.changes.filter((c) => evidence.stated.get(c.cell) === c.to).length;
  const rows = new Set(repair.changes.map((c) => evidence.rowOf[c.cell])).size;
  return [parts, againstText - withText, rows];
}

const compareScores = (a: number[], b: number[]) => a.reduce((r, x, i) => r || x - b[i], 0);

export interface RankedRepairs {
  /** Best first. */
  repairs: Repair[];
  /** The first is better than the second by the evidence (or is the only one). */
  decided: boolean;
}

export function rankRepairs(repairs: Repair[], evidence: RepairEvidence): RankedRepairs {
  const scored = repairs.map((repair) => ({ repair, score: score(repair, evidence) }));
  scored.sort((a, b) => compareScores(a.score, b.score) || a.repair.changes[0].cell - b.repair.changes[0].cell);
  const decided = scored.length <= 1 || compareScores(scored[0].score, scored[1].score) < 0;
  return { repairs: scored.map((s) => s.repair), decided };
}
