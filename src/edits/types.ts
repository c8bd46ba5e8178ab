/**
 * Host-independent edits. Each is addressed by table/row/cell (Word's indices) or paragraph, and
 * carries the text expected at its target now: a host applies an edit only when that text is still
 * there, so a fix computed on an older state of the document is skipped, never forced.
 */

export interface CellAddress {
  tableIndex: number;
  rowIndex: number;
  cellIndex: number;
}

/** One cell of a row to be written: its text and its merges. */
export interface CellContent {
  text: string;
  gridSpan: number;
  verticalMerge: 'restart' | 'continue' | null;
  /** A comment to attach to the cell: the value is marked as awaiting the user's confirmation. */
  comment?: string;
}

export type Edit =
  | (CellAddress & { kind: 'set-cell-text'; expected: string; text: string })
  /** Takes the awaiting-confirmation mark off a cell (the user confirmed its value). */
  | (CellAddress & { kind: 'confirm-value'; expected: string })
  /** Makes a merge-start cell a continuation of the merge above (its text moves to the cell above). */
  | (CellAddress & { kind: 'continue-merge'; expected: string })
  | { kind: 'set-paragraph-text'; paragraphIndex: number; expected: string; text: string }
  /**
   * Inserts rows before row `rowIndex` (after the last row when it equals the row count). Cell
   * formatting is copied, grid column by grid column, from row `formatRowIndex`, whose text is `expected`.
   */
  | { kind: 'insert-rows'; tableIndex: number; rowIndex: number; formatRowIndex: number; expected: string; rows: CellContent[][] }
  /** Replaces one row by several, formatted like the row replaced. */
  | { kind: 'replace-row'; tableIndex: number; rowIndex: number; expected: string; rows: CellContent[][] }
  | { kind: 'delete-row'; tableIndex: number; rowIndex: number; expected: string }
  /** Replaces a whole table by new WordprocessingML (a w:tbl) — for restructuring, e.g. 2019 → 2021. */
  | { kind: 'replace-table'; tableIndex: number; expected: string; tableXml: string; comments: (Omit<CellAddress, 'tableIndex'> & { text: string })[] }
  | { kind: 'delete-table'; tableIndex: number; expected: string }
  /** Inserts body content (w:p / w:tbl XML) after a paragraph or a table. */
  | { kind: 'insert-after'; after: { paragraphIndex: number } | { tableIndex: number }; expected: string; xml: string };

/** One cell a fix changes, named as in the diagnostics (canonical labels) for reports and previews. */
export interface CellChange {
  table: string;
  row: string | null;
  column: string | null;
  from: string;
  to: string;
  location: CellAddress;
}

export interface Fix {
  description: string;
  edits: Edit[];
  /** The cells changed, as data (sum repairs); absent when the edits speak for themselves. */
  changes?: CellChange[];
}

/** Text of a table row as compared by `expected`: the cells' texts joined by tabs. */
export const rowText = (cells: readonly { text: string }[]): string => cells.map((c) => c.text).join('\t');

/** Text of a whole table as compared by `expected`: its rows' texts joined by line breaks. */
export const tableText = (rows: readonly { cells: readonly { text: string }[] }[]): string => rows.map((r) => rowText(r.cells)).join('\n');

/**
 * Values a fix wrote that the user must confirm carry a hidden bookmark (names starting with "_"
 * are hidden in Word) recording the value, beside a comment saying why. Word keeps bookmarks through
 * saving; the mark is spent once the value changes or the user confirms.
 */
const CONFIRM_PREFIX = '_nbConfirm_';

/** Bookmark names allow letters, digits and '_': digits stay, '.' is 'd', anything else 'x' + 6 hex digits. */
export function confirmBookmarkName(value: string, id: number): string {
  const encoded = [...value].map((ch) => (/[0-9]/.test(ch) ? ch : ch === '.' ? 'd' : `x${ch.codePointAt(0)!.toString(16).padStart(6, '0')}`)).join('');
  return `${CONFIRM_PREFIX}${encoded}_${id}`;
}

/** The value a confirmation bookmark recorded, or null when the name is not one. */
export function confirmBookmarkValue(name: string): string | null {
  const m = /^_nbConfirm_((?:[0-9d]|x[0-9a-f]{6})*)_\d+$/.exec(name);
  return m ? m[1].replace(/x([0-9a-f]{6})|d/g, (_match, hex: string | undefined) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : '.')) : null;
}
