import type { Table, TableCell, TableRow } from '../docmodel';
import type { Block, Column, DataRow, TableId, TemplateTable, Variant } from '../template';
import type { CellValue } from './cell-value';
import type { ReportYear } from './report-year';

/** Where a piece of a standard table sits in the document. */
export interface RowPlace {
  table: Table;
  row: TableRow;
}

export interface MappedCell extends RowPlace {
  cell: TableCell;
  column: Column;
  value: CellValue;
}

/** A document row holding data, and the template row it was matched to (null: not in the template). */
export interface MappedRow extends RowPlace {
  templateRow: DataRow | null;
  block: Block;
  /** The cell that names the row (its innermost label), if any. */
  labelCell: TableCell | null;
  /** Group label cells that start in this row, with the label each should have. */
  groupCells: { cell: TableCell; expected: string }[];
  cells: Map<string, MappedCell>;
}

/** A block title row of 表二 (第二十条第（一）项 …); expected null when no such block exists. */
export interface MappedTitle extends RowPlace {
  cell: TableCell;
  expected: string | null;
  block: Block | null;
}

export interface MappedHeaderCell extends RowPlace {
  cell: TableCell;
  expected: string;
}

export type ColumnProblem =
  | (RowPlace & { kind: 'missing'; column: Column; cell: null })
  | (RowPlace & { kind: 'extra'; column: null; cell: TableCell })
  | (RowPlace & { kind: 'moved'; column: Column; cell: TableCell });

export interface MissingRow {
  templateRow: DataRow;
  block: Block;
  /** The present row it belongs before (in template order), or null at the end. */
  before: MappedRow | null;
  /** The present row it belongs after, or null at the start. */
  after: MappedRow | null;
}

export interface MappedTable {
  id: TableId;
  variant: Variant;
  template: TemplateTable;
  /** The Word tables that make up this standard table (表二 in four pieces, 表三 across a page break). */
  parts: Table[];
  rows: MappedRow[];
  titles: MappedTitle[];
  headers: MappedHeaderCell[];
  /** Columns the header lacks, and header cells heading no standard column. */
  columnProblems: ColumnProblem[];
  missingRows: MissingRow[];
  /** Rows present but not in the standard order. */
  outOfOrder: MappedRow[];
  /** How well the table matched its variant (exact label matches): used to choose the variant. */
  score: number;
  /** False when both formats fit equally (表四 is the same in both): the table says nothing about the format. */
  variantDecided: boolean;
}

export interface HeadingMatch {
  /** Index into template.headings. */
  headingIndex: number;
  paragraphIndex: number;
  text: string;
  /** The numbering as written (一、, 4、, or '' when absent). */
  numbering: string;
  /** The heading's words, without numbering and without what runs on after it. */
  title: string;
  /** Text after the heading on the same line ("：无。"), from its colon or full stop; '' when none. */
  tail: string;
  autoNumbered: boolean;
}

export interface MappedReport {
  year: ReportYear;
  tables: MappedTable[];
  headings: HeadingMatch[];
  /** Whether the document looks like an annual report at all (tables or headings found). */
  isReport: boolean;
}
