import type { Edit, Fix } from './types';

/**
 * The fix that puts back what `fix` replaced, when every edit of it only rewrote a cell's or a
 * paragraph's text: the new text becomes the expected one and the old text is written back, so an
 * undo of a fix the user has since typed over is skipped like any stale fix. Structural fixes
 * (rows, tables, merges) have no such inverse: null.
 */
export function inverseFix(fix: Fix): Fix | null {
  const edits: Edit[] = [];
  for (const edit of fix.edits) {
    if (edit.kind === 'set-cell-text') edits.push({ ...edit, expected: edit.text, text: edit.expected });
    else if (edit.kind === 'set-paragraph-text') edits.push({ ...edit, expected: edit.text, text: edit.expected });
    else return null;
  }
  return edits.length > 0 ? { description: `撤销：${fix.description}`, edits } : null;
}
