import type { Diagnostic } from '../rules';

/**
 * A finding's identity for "ignore": stable while the same problem stays at the same place. Findings
 * named by row and column need no position; the others (extra rows, added columns, headings) are
 * told apart by where they are.
 */
export function findingKey(d: Diagnostic): string {
  const named = d.table !== 'text' && d.row !== null && d.column !== null;
  const l = d.location;
  const where = named || !l ? '' : 'paragraphIndex' in l ? `p${l.paragraphIndex}` : `t${l.tableIndex}r${l.rowIndex}c${l.cellIndex ?? ''}`;
  return [d.rule, d.table, d.row ?? '', d.column ?? '', where].join('|');
}
