export interface Alignment {
  /** For each document item, the template item it stands for, or null (an extra item). */
  docToTemplate: (number | null)[];
  /** Template indices of matched items that are not in template order. */
  outOfOrder: number[];
}

const GAP_MINIMUM = 0.3;

/**
 * Pairs document items with template items by label similarity, tolerating misspelt, missing, extra
 * and swapped items: exact labels first, then items in the same gap between exact anchors, then the
 * best remaining fuzzy pairs. Order is judged afterwards (longest increasing run), so a swap is
 * reported as a swap, not as a missing plus an extra row.
 * `score` returns a similarity in [0, 1], or a negative number for items that can never pair;
 * `exact` says cheaply whether a pair is an exact match (score 1), so the common case costs no
 * edit distance.
 */
export function alignSequences<D, T>(
  docs: readonly D[], templates: readonly T[], score: (d: D, t: T) => number, threshold: number,
  exact: (d: D, t: T) => boolean = (d, t) => score(d, t) === 1,
): Alignment {
  const docToTemplate: (number | null)[] = docs.map(() => null);
  const used = new Set<number>();
  const pair = (d: number, t: number) => {
    docToTemplate[d] = t;
    used.add(t);
  };

  // 1. Exact labels, preferring the candidate that keeps template order.
  let last = -1;
  docs.forEach((d, i) => {
    const matches = templates.map((t, j) => (exact(d, t) && !used.has(j) ? j : -1)).filter((j) => j >= 0);
    if (matches.length === 0) return;
    const choice = matches.find((j) => j > last) ?? matches[0];
    pair(i, choice);
    last = Math.max(last, choice);
  });

  // 2. Between two anchors, equal numbers of unmatched items pair up in order (a misspelt label in place).
  const anchors = docToTemplate.map((t, i) => [i, t] as const).filter((p): p is readonly [number, number] => p[1] !== null);
  const bounds = [[-1, -1] as const, ...anchors, [docs.length, templates.length] as const];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [d0, t0] = bounds[k];
    const [d1, t1] = bounds[k + 1];
    if (t1 <= t0) continue;
    const freeDocs = range(d0 + 1, d1).filter((i) => docToTemplate[i] === null);
    const freeTemplates = range(t0 + 1, t1).filter((j) => !used.has(j));
    if (freeDocs.length === 0 || freeDocs.length !== freeTemplates.length) continue;
    if (freeDocs.every((i, n) => score(docs[i], templates[freeTemplates[n]]) >= GAP_MINIMUM)) {
      freeDocs.forEach((i, n) => pair(i, freeTemplates[n]));
    }
  }

  // 3. Best remaining fuzzy pairs anywhere (moved rows, rows with both neighbours missing).
  const candidates: { i: number; j: number; s: number }[] = [];
  docs.forEach((d, i) => {
    if (docToTemplate[i] !== null) return;
    templates.forEach((t, j) => {
      if (used.has(j)) return;
      const s = score(d, t);
      if (s >= threshold) candidates.push({ i, j, s });
    });
  });
  candidates.sort((a, b) => b.s - a.s || Math.abs(a.i - a.j) - Math.abs(b.i - b.j));
  for (const { i, j } of candidates) {
    if (docToTemplate[i] === null && !used.has(j)) pair(i, j);
  }

  return { docToTemplate, outOfOrder: notInLongestIncreasingRun(docToTemplate.filter((t): t is number => t !== null)) };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

/** Values outside one longest strictly increasing subsequence. */
function notInLongestIncreasingRun(values: number[]): number[] {
  const n = values.length;
  const length = new Array<number>(n).fill(1);
  const previous = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (values[j] < values[i] && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
  }
  let end = length.indexOf(Math.max(0, ...length));
  const kept = new Set<number>();
  while (end >= 0) {
    kept.add(end);
    end = previous[end];
  }
  return values.filter((_, i) => !kept.has(i));
}
