import type { Snapshot } from './read';

/*
 * Verify before writing. Word gives no way to write "only if the text is still X", and its indices
 * are not certain to be the parser's: getCell's cellIndex in a row with vertically merged cells may
 * be the w:tc position or the position among visible cells, and body.paragraphs can hold items the
 * parser does not count. So every target is looked up and its current text loaded right before the
 * write batch; a write goes ahead only where Word's text equals the text the engine planned on.
 */

export type WriteTarget =
  | { kind: 'cell'; tableIndex: number; rowIndex: number; cellIndex: number }
  | { kind: 'paragraph'; paragraphIndex: number }
  | { kind: 'table'; tableIndex: number };

/** Where Word says a target is, once verified. */
export interface VerifiedTargets {
  /** Whether every target of the list still holds the planned text. */
  ok(targets: readonly WriteTarget[]): boolean;
  /** Word's cellIndex for the model's (w:tc) cellIndex in that row. */
  cellIndex(tableIndex: number, rowIndex: number, cellIndex: number): number;
  paragraph(paragraphIndex: number): Word.Paragraph;
}

/** Word reports paragraph ends as \r, manual breaks as \v and cell ends as \u0007; the model uses \n. */
export const normaliseText = (s: string): string => s.replace(/\u0007/g, '').replace(/\r\n|[\r\v\n]/g, '\n').replace(/\n+$/, '');

const key = (t: WriteTarget) => JSON.stringify(t);

/**
 * Loads the current text of every target (one round trip) and decides which may be written.
 * Cells in a row with merge continuations before them are looked up under both meanings of
 * cellIndex; the row's cellCount tells which one this Word uses, and the text must match there.
 */
export async function verifyTargets(context: Word.RequestContext, snapshot: Snapshot, targets: readonly WriteTarget[]): Promise<VerifiedTargets> {
  const checks = new Map<string, () => boolean>();
  const cellIndices = new Map<string, number>();
  const paragraphs = new Map<number, Word.Paragraph | null>();
  const { model } = snapshot;

  for (const target of targets) {
    const id = key(target);
    if (checks.has(id)) continue;
    if (target.kind === 'paragraph') {
      const expected = model.paragraphs.find((p) => p.paragraphIndex === target.paragraphIndex)?.text;
      const word = expected === undefined ? null : snapshot.wordParagraph(target.paragraphIndex);
      paragraphs.set(target.paragraphIndex, word);
      if (!word || expected === undefined) {
        checks.set(id, () => false);
        continue;
      }
      word.load('text');
      checks.set(id, () => normaliseText(word.text) === normaliseText(expected));
    } else if (target.kind === 'table') {
      const table = snapshot.tables[target.tableIndex];
      const rows = snapshot.wordRowCount(target.tableIndex);
      if (!table) {
        checks.set(id, () => false);
        continue;
      }
      table.load('rowCount');
      checks.set(id, () => table.rowCount === rows);
    } else {
      const row = model.tables.find((t) => t.tableIndex === target.tableIndex)?.rows.find((r) => r.rowIndex === target.rowIndex);
      const cell = row?.cells[target.cellIndex];
      const table = snapshot.tables[target.tableIndex];
      if (!row || !cell || !table) {
        checks.set(id, () => false);
        continue;
      }
      const expected = normaliseText(cell.text);
      const hidden = row.cells.slice(0, target.cellIndex).filter((c) => c.verticalMerge === 'continue').length;
      const asTc = table.getCellOrNullObject(target.rowIndex, target.cellIndex).load('value');
      const asVisible = hidden > 0 ? table.getCellOrNullObject(target.rowIndex, target.cellIndex - hidden).load('value') : asTc;
      const wordRow = hidden > 0 ? asVisible.parentRow.load('cellCount') : null;
      // A row whose merge continuations Word does not count has fewer cells than w:tc elements.
      const visibleOnly = () => wordRow !== null && !asVisible.isNullObject && wordRow.cellCount === row.cells.length - row.cells.filter((c) => c.verticalMerge === 'continue').length;
      checks.set(id, () => {
        const chosen = visibleOnly() ? asVisible : asTc
        if (chosen.isNullObject || normaliseText(chosen.value) !== expected) return false;
        cellIndices.set(id, visibleOnly() ? target.cellIndex - hidden : target.cellIndex);
        return true;
      });
    }
  }
  await context.sync();
  const results = new Map([...checks].map(([id, check]) => [id, check()]));
  return {
    ok: (list) => list.every((t) => results.get(key(t)) === true),
    cellIndex: (tableIndex, rowIndex, cellIndex) => cellIndices.get(key({ kind: 'cell', tableIndex, rowIndex, cellIndex })) ?? cellIndex,
    paragraph: (paragraphIndex) => {
      const p = paragraphs.get(paragraphIndex);
      if (!p) throw new Error(`paragraph ${paragraphIndex} was not verified`);
      return p;
    },
  };
}
