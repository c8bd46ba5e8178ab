/*
 * The part of WPS 文字's JavaScript object model this host uses (WPS 加载项, `wps.WpsApplication()`
 * or `window.Application` in a task pane). It follows Word's classic (VBA/COM) object model:
 * synchronous property reads and method calls, collections indexed from 1 by `Item(i)`, a cell's
 * Range.Text ending in "\r\u0007", a paragraph's in "\r". Only these members are called; each one
 * is a documented member of Word's object model, and the ones WPS's own documentation does not
 * show are listed as assumptions in ./index.ts and docs/wps-manual-test.md.
 */

export interface WpsCollection<T> {
  readonly Count: number;
  Item(index: number): T;
}

export interface WpsRange {
  Text: string;
  /** Flat OPC package (pkg:package) of the range, as Word's Range.WordOpenXML. May be missing in WPS. */
  readonly WordOpenXML?: string;
  readonly Tables: WpsCollection<WpsTable>;
  readonly Cells: WpsCollection<WpsCell>;
  readonly Paragraphs: WpsCollection<WpsParagraph>;
  readonly ListFormat?: { readonly ListString: string };
  /** Word: inserts (replacing the range) a flat OPC package or WordprocessingML. May be missing in WPS. */
  InsertXML?(xml: string): void;
  /** wdCollapseStart = 1, wdCollapseEnd = 0. */
  Collapse(direction: 0 | 1): void;
  /** wdCharacter = 1: moves the end by `count` characters (negative: back). */
  MoveEnd(unit: 1, count: number): number;
  Select(): void;
}

export interface WpsCell {
  readonly Range: WpsRange;
  /** 1-based row of the cell. */
  readonly RowIndex: number;
  /** 1-based position of the cell in its row (Word's w:tc position + 1). */
  readonly ColumnIndex: number;
  /** In points. */
  readonly Width: number;
  Select(): void;
}

export interface WpsTable {
  readonly Range: WpsRange;
  readonly Rows: { readonly Count: number };
  /** Raises for a cell that does not exist (vertically merged away, or past a short row). */
  Cell(row: number, column: number): WpsCell;
  Delete(): void;
}

export interface WpsParagraph {
  readonly Range: WpsRange;
}

export interface WpsVariable {
  readonly Name: string;
  Value: string;
  Delete(): void;
}

export interface WpsDocument {
  readonly Name: string;
  readonly Tables: WpsCollection<WpsTable>;
  readonly Paragraphs: WpsCollection<WpsParagraph>;
  readonly Variables: WpsCollection<WpsVariable> & { Add(name: string, value: string): WpsVariable };
  readonly Comments?: { Add(range: WpsRange, text: string): unknown };
  /** Word: 修订 (track changes) on or off. */
  TrackRevisions: boolean;
  /** The whole main story. */
  readonly Content: WpsRange;
}

export interface WpsApplication {
  readonly ActiveDocument: WpsDocument | null;
  readonly Selection: { readonly Range: WpsRange };
}

/** Word's text of a cell or paragraph range, as the engine reads it: end marks off, paragraphs as \n. */
export function plainText(rangeText: string): string {
  return rangeText.replace(/\r?\u0007$/, '').replace(/\r$/, '').replace(/\r\n?|\v/g, '\n');
}

/** A 1-based collection as an array. */
export const items = <T>(collection: WpsCollection<T>): T[] => Array.from({ length: collection.Count }, (_, i) => collection.Item(i + 1));
