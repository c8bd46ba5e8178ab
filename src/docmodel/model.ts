/**
 * The document as the engine sees it: body paragraphs and tables in reading order, with the
 * structure Word's own table API hides (grid columns, spans, vertical merges) made explicit.
 * Every element keeps its character range in the XML it came from, so edits can be made in place.
 */

export interface SourceRange {
  /** Offset of the element's `<` in the XML string. */
  start: number;
  /** Offset just past the element's closing `>`. */
  end: number;
}

export interface Paragraph {
  kind: 'paragraph';
  /** Position among all paragraphs of the document, table cells included (Word's body.paragraphs order). */
  paragraphIndex: number;
  /** Text as the reader sees it: runs joined, tracked deletions left out, breaks as '\n', tabs as '\t'. */
  text: string;
  /** The paragraph takes its number from automatic list numbering (w:numPr), which its text lacks. */
  autoNumbered: boolean;
  source: SourceRange;
}

export type VerticalMerge = 'restart' | 'continue' | null;

export interface TableCell {
  /** Position of the w:tc in its w:tr: Word's cellIndex. */
  cellIndex: number;
  /** First grid column the cell occupies (gridBefore included). */
  gridColumn: number;
  gridSpan: number;
  verticalMerge: VerticalMerge;
  /** Rows covered by a merge starting here (1 for ordinary and continuation cells). */
  rowSpan: number;
  text: string;
  /** Character ranges of `text` written as superscript (note marks such as the ¹ of 570¹). */
  superscripts: { start: number; end: number }[];
  /** Names of bookmarks starting in the cell (the fixes mark values awaiting confirmation this way). */
  bookmarks: string[];
  source: SourceRange;
}

export interface TableRow {
  rowIndex: number;
  gridBefore: number;
  cells: TableCell[];
  source: SourceRange;
}

export interface Table {
  kind: 'table';
  /** Position among the document's top-level tables. */
  tableIndex: number;
  gridColumnCount: number;
  rows: TableRow[];
  source: SourceRange;
}

export type BodyBlock = Paragraph | Table;

export interface DocumentModel {
  /** Body-level paragraphs and tables in reading order (paragraphs inside tables are in cells). */
  blocks: BodyBlock[];
  paragraphs: Paragraph[];
  tables: Table[];
  /** The WordprocessingML the model was read from; SourceRange offsets point into it. */
  xml: string;
  /** Body content embedded as another format (w:altChunk: HTML, RTF, another .docx) that Word converts on opening and this reader cannot see. */
  altChunks?: number;
  /** Read from a web page (HTML): checked like a .docx, but nothing can be fixed in it. */
  format?: 'html';
}
