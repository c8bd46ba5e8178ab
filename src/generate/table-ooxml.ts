import { TABLE_IDS, templateTable, type Block, type DataRow, type TableId, type TemplateTable, type Variant } from '../template';
import { paragraph, SIZES, type Alignment, type RunStyle } from './ooxml';

/*
 * The standard tables 二/三/四 as WordprocessingML, built only from the template data: every label,
 * span and merge comes from src/template; this file knows the layout rules, not the words.
 *
 *   layout  (standardTableLayout / standardRowCells)  → rows of StandardCell: text, grid column, spans
 *   render  (standardTableXml / standardRowXml)        → <w:tbl> / <w:tr> strings
 *
 * Merges follow Word's model: w:gridSpan for horizontal spans, w:vMerge restart/continue for
 * vertical ones (a continuation cell is a real, empty w:tc in every row the merge covers).
 */

export type MergeState = 'restart' | 'continue';

/** What a cell is: a 表二 block title, a header, a group label (三、… / （三）…), a row label, or data. */
export type CellRole = 'title' | 'header' | 'group' | 'label' | 'data';

/**
 * One w:tc of a generated row. Structurally compatible with the edits' CellContent
 * ({ text, gridSpan, verticalMerge }), so it can go straight into an insert-rows / replace-row edit.
 */
export interface StandardCell {
  role: CellRole;
  /** Text written in the cell ('' for continuation cells of a vertical merge). */
  text: string;
  /** First grid column the cell occupies. */
  gridColumn: number;
  gridSpan: number;
  verticalMerge: MergeState | null;
  /** Column key of a data cell (null otherwise). */
  columnKey: string | null;
}

export interface StandardRow {
  kind: 'title' | 'header' | 'data';
  /** Template row key of a data row (null for title and header rows). */
  rowKey: string | null;
  cells: StandardCell[];
}

export type LabelRole = 'title' | 'header' | 'row' | 'group';

export interface CellTextOptions {
  /** Text of a data cell; undefined (or no callback) writes "0". */
  values?: (rowKey: string, columnKey: string) => string | undefined;
  /**
   * Text of a label cell instead of the canonical one (e.g. to keep a document's own wording);
   * undefined keeps the canonical label. `rowKey` is the data row the label belongs to, if any.
   */
  labels?: (canonical: string, place: { role: LabelRole; rowKey: string | null }) => string | undefined;
}

export interface TableXmlOptions extends CellTextOptions {
  /**
   * Widths of the grid columns in twips (one per grid column). Default: standardGridWidths(). When
   * rendering a row for an existing table, pass that table's w:tblGrid widths so w:tcW agrees.
   */
  gridWidths?: readonly number[];
}

export interface RowOptions extends TableXmlOptions {
  /**
   * Vertical-merge state of the row's group label cells (三、本年度办理结果, （三）不予公开 …), outermost
   * first; a single value applies to every level. 'restart' writes the group label and starts the
   * merge, 'continue' writes an empty continuation cell. Default: defaultGroupMerge(), i.e. what the
   * row has in the standard table (restart only in the first row of its group).
   */
  groupMerge?: MergeState | readonly MergeState[];
}

/** Total table width in twips: a little over the 156 mm 公文 text width, centred on the page. */
export const STANDARD_TABLE_WIDTH = 9000;
/** Share of the width taken by the label columns: one label column, or several (表三). */
const LABEL_SHARE = { single: 0.3, multiple: 0.45 };
/** Width share of each outer (group) label column when there are several. */
const GROUP_COLUMN_SHARE = 0.1;

const TABLE_TEXT: RunStyle = { font: 'body', size: SIZES.table };
const TABLE_HEADER: RunStyle = { font: 'heading', size: SIZES.table };
/** Minimum row height in twips (about 7 mm): room for one line of 五号 text with air. */
const MIN_ROW_HEIGHT = 397;
/** Left/right cell margins in twips (1 mm), so narrow number columns keep their text. */
const CELL_MARGIN = 57;

/**
 * Column widths in twips for the standard look: label columns wider than number columns, group
 * label columns (三、…, （三）…) narrower than the row-label column, numbers evenly spread.
 */
export function standardGridWidths(id: TableId, variant: Variant): number[] {
  return gridWidths(templateTable(id, variant));
}

function gridWidths(table: TemplateTable): number[] {
  const labels = table.labelColumns;
  const dataColumns = table.gridColumns - labels;
  const labelTotal = labels === 0 ? 0 : Math.round(STANDARD_TABLE_WIDTH * (labels === 1 ? LABEL_SHARE.single : LABEL_SHARE.multiple));
  const outer = Math.round(STANDARD_TABLE_WIDTH * GROUP_COLUMN_SHARE);
  const labelWidths = labels === 0 ? [] : [...Array<number>(labels - 1).fill(outer), labelTotal - outer * (labels - 1)];
  const each = Math.floor((STANDARD_TABLE_WIDTH - labelTotal) / dataColumns);
  const dataWidths = Array<number>(dataColumns).fill(each);
  dataWidths[dataColumns - 1] += STANDARD_TABLE_WIDTH - labelTotal - each * dataColumns;
  return [...labelWidths, ...dataWidths];
}

// ── layout ────────────────────────────────────────────────────────────────

/** Every row of a standard table (titles, headers, data) as cells with their spans and merges. */
export function standardTableLayout(id: TableId, variant: Variant, options: CellTextOptions = {}): StandardRow[] {
  const table = templateTable(id, variant);
  const rows: StandardRow[] = [];
  for (const block of table.blocks) {
    if (block.title) {
      rows.push({ kind: 'title', rowKey: null, cells: [cell('title', label(options, block.title, 'title', null), 0, table.gridColumns, null)] });
    }
    for (const header of headerRows(table, block, options)) rows.push({ kind: 'header', rowKey: null, cells: header });
    block.rows.forEach((row, i) => {
      rows.push({ kind: 'data', rowKey: row.key, cells: dataRowCells(table, block, row, groupMergeAt(block, i), options) });
    });
  }
  for (const row of rows) assertFullWidth(table, row);
  return rows;
}

/**
 * The cells of ONE data row of a standard table, for inserting a missing row or replacing a row
 * (e.g. the 2019 single （六）其他处理 row by the three 2021 sub-rows). Throws for an unknown row key.
 */
export function standardRowCells(id: TableId, variant: Variant, rowKey: string, options: RowOptions = {}): StandardCell[] {
  const table = templateTable(id, variant);
  const { block, index } = findRow(table, rowKey);
  const row = block.rows[index];
  const merge = resolveGroupMerge(row, options.groupMerge, groupMergeAt(block, index));
  const cells = dataRowCells(table, block, row, merge, options);
  assertFullWidth(table, { kind: 'data', rowKey, cells });
  return cells;
}

/**
 * The merge state each group label cell of a row has in the standard table, outermost first
 * ([] for rows without groups). E.g. 表三 2021 `noSupplement` (（六） 1.) → ['continue', 'restart'].
 */
export function defaultGroupMerge(id: TableId, variant: Variant, rowKey: string): MergeState[] {
  const { block, index } = findRow(templateTable(id, variant), rowKey);
  return groupMergeAt(block, index);
}

/**
 * Word's address (row index, w:tc index) of a data cell in the table standardTableXml() writes:
 * where to attach a comment to a generated cell. Throws for an unknown row or column key.
 */
export function standardCellAddress(id: TableId, variant: Variant, rowKey: string, columnKey: string): { rowIndex: number; cellIndex: number } {
  const rows = standardTableLayout(id, variant);
  const rowIndex = rows.findIndex((r) => r.rowKey === rowKey);
  const cellIndex = rowIndex >= 0 ? rows[rowIndex].cells.findIndex((c) => c.columnKey === columnKey) : -1;
  if (cellIndex < 0) throw new Error(`表${templateTable(id, variant).numeral}（${variant}）没有单元格 ${rowKey}/${columnKey}`);
  return { rowIndex, cellIndex };
}

function findRow(table: TemplateTable, rowKey: string): { block: Block; index: number } {
  for (const block of table.blocks) {
    const index = block.rows.findIndex((r) => r.key === rowKey);
    if (index >= 0) return { block, index };
  }
  throw new Error(`表${table.numeral}（${table.variant}）没有行 ${rowKey}`);
}

/** A group level restarts where the row above does not share that group (and all enclosing ones). */
function groupMergeAt(block: Block, index: number): MergeState[] {
  const row = block.rows[index];
  const above = index > 0 ? block.rows[index - 1] : null;
  return row.groups.map((_, level) => {
    const shared = above !== null && above.groups.length > level && row.groups.slice(0, level + 1).every((g, k) => above.groups[k] === g);
    return shared ? 'continue' : 'restart';
  });
}

function resolveGroupMerge(row: DataRow, given: RowOptions['groupMerge'], standard: MergeState[]): MergeState[] {
  if (given === undefined) return standard;
  if (typeof given === 'string') return row.groups.map(() => given);
  if (given.length !== row.groups.length) {
    throw new Error(`行 ${row.key} 有 ${row.groups.length} 级分组，groupMerge 给了 ${given.length} 个`);
  }
  return [...given];
}

function dataRowCells(table: TemplateTable, block: Block, row: DataRow, merge: readonly MergeState[], options: CellTextOptions): StandardCell[] {
  const cells: StandardCell[] = [];
  if (row.groups.length > 0 && row.groups.length >= table.labelColumns) {
    throw new Error(`行 ${row.key}：${row.groups.length} 级分组放不进 ${table.labelColumns} 个标签列`);
  }
  row.groups.forEach((group, level) => {
    const restart = merge[level] === 'restart';
    cells.push(cell('group', restart ? label(options, group, 'group', row.key) : '', level, 1, merge[level]));
  });
  if (table.labelColumns > 0) {
    cells.push(cell('label', label(options, row.label, 'row', row.key), row.groups.length, table.labelColumns - row.groups.length, null));
  }
  let gridColumn = table.labelColumns;
  for (const column of block.columns) {
    const c = cell('data', options.values?.(row.key, column.key) ?? '0', gridColumn, column.span, null);
    c.columnKey = column.key;
    cells.push(c);
    gridColumn += column.span;
  }
  return cells;
}

/**
 * Header rows in grid layout: where a cell of an earlier header row still spans down (rowSpan), a
 * continuation cell of the same width is written; the row's own cells fill the remaining columns.
 */
function headerRows(table: TemplateTable, block: Block, options: CellTextOptions): StandardCell[][] {
  /** Per grid column: the merge still covering it from above, with the rows it has left. */
  const covering: ({ gridColumn: number; span: number; rowsLeft: number } | null)[] = Array(table.gridColumns).fill(null);
  return block.header.map((headerRow, r) => {
    const cells: StandardCell[] = [];
    let next = 0;
    let g = 0;
    while (g < table.gridColumns) {
      const above = covering[g];
      if (above && above.rowsLeft > 0) {
        cells.push(cell('header', '', g, above.span, 'continue'));
        for (let k = g; k < g + above.span; k++) covering[k] = above.rowsLeft > 1 ? { ...above, rowsLeft: above.rowsLeft - 1 } : null;
        g += above.span;
        continue;
      }
      const source = headerRow[next++];
      if (!source) throw new Error(`表${table.numeral}（${table.variant}）表头第 ${r + 1} 行不足 ${table.gridColumns} 列`);
      const merge = source.rowSpan > 1 ? 'restart' : null;
      cells.push(cell('header', label(options, source.text, 'header', null), g, source.colSpan, merge));
      const spanning = source.rowSpan > 1 ? { gridColumn: g, span: source.colSpan, rowsLeft: source.rowSpan - 1 } : null;
      for (let k = g; k < g + source.colSpan; k++) covering[k] = spanning;
      g += source.colSpan;
    }
    if (next !== headerRow.length) throw new Error(`表${table.numeral}（${table.variant}）表头第 ${r + 1} 行超出 ${table.gridColumns} 列`);
    return cells;
  });
}

function cell(role: CellRole, text: string, gridColumn: number, gridSpan: number, verticalMerge: MergeState | null): StandardCell {
  return { role, text, gridColumn, gridSpan, verticalMerge, columnKey: null };
}

function label(options: CellTextOptions, canonical: string, role: LabelRole, rowKey: string | null): string {
  return options.labels?.(canonical, { role, rowKey }) ?? canonical;
}

function assertFullWidth(table: TemplateTable, row: StandardRow): void {
  let g = 0;
  for (const c of row.cells) {
    if (c.gridColumn !== g) throw new Error(`表${table.numeral}：单元格位置错误（第 ${g} 列）`);
    g += c.gridSpan;
  }
  if (g !== table.gridColumns) throw new Error(`表${table.numeral}：一行 ${g} 列，应为 ${table.gridColumns} 列`);
}

// ── rendering ─────────────────────────────────────────────────────────────

/**
 * A standard table as a `<w:tbl>`: centred, fixed layout, single borders, the template's labels,
 * the given values (default "0"). The caller places the section heading before it.
 */
export function standardTableXml(id: TableId, variant: Variant, options: TableXmlOptions = {}): string {
  const table = templateTable(id, variant);
  const widths = checkedWidths(table, options.gridWidths);
  const total = widths.reduce((a, b) => a + b, 0);
  const repeatHeader = table.blocks.length === 1;
  const rows = standardTableLayout(id, variant, options)
    .map((row) => rowXml(table, row.cells, widths, { header: repeatHeader && row.kind === 'header' }))
    .join('');
  return '<w:tbl>'
    + tableProperties(total)
    + `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`
    + rows
    + '</w:tbl>';
}

/** The three standard tables of one format, by id; each is a bare `<w:tbl>` (no heading, no caption). */
export function standardTablesXml(
  variant: Variant,
  options: { values?: (id: TableId, rowKey: string, columnKey: string) => string | undefined } = {},
): Record<TableId, string> {
  const entries = TABLE_IDS.map((id) => {
    const values = options.values;
    return [id, standardTableXml(id, variant, values ? { values: (row, column) => values(id, row, column) } : {})] as const;
  });
  return Object.fromEntries(entries) as Record<TableId, string>;
}

/**
 * ONE data row of a standard table as a `<w:tr>` (see standardRowCells for the cells and
 * RowOptions.groupMerge for the group label cells).
 */
export function standardRowXml(id: TableId, variant: Variant, rowKey: string, options: RowOptions = {}): string {
  const table = templateTable(id, variant);
  return rowXml(table, standardRowCells(id, variant, rowKey, options), checkedWidths(table, options.gridWidths), { header: false });
}

function checkedWidths(table: TemplateTable, given: readonly number[] | undefined): readonly number[] {
  if (!given) return gridWidths(table);
  if (given.length !== table.gridColumns || given.some((w) => !Number.isFinite(w) || w <= 0)) {
    throw new Error(`表${table.numeral}：gridWidths 应为 ${table.gridColumns} 个正数`);
  }
  return given.map((w) => Math.round(w));
}

const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';

function tableProperties(totalWidth: number): string {
  return '<w:tblPr>'
    + `<w:tblW w:w="${totalWidth}" w:type="dxa"/>`
    + '<w:jc w:val="center"/>'
    + '<w:tblBorders>'
    + ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${BORDER}/>`).join('')
    + '</w:tblBorders>'
    + '<w:tblLayout w:type="fixed"/>'
    + `<w:tblCellMar><w:left w:w="${CELL_MARGIN}" w:type="dxa"/><w:right w:w="${CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>`
    + '</w:tblPr>';
}

function rowXml(table: TemplateTable, cells: readonly StandardCell[], widths: readonly number[], row: { header: boolean }): string {
  const trPr = '<w:trPr><w:cantSplit/>'
    + `<w:trHeight w:val="${MIN_ROW_HEIGHT}" w:hRule="atLeast"/>`
    + (row.header ? '<w:tblHeader/>' : '')
    + '</w:trPr>';
  return `<w:tr>${trPr}${cells.map((c) => cellXml(table, c, widths)).join('')}</w:tr>`;
}

function cellXml(table: TemplateTable, c: StandardCell, widths: readonly number[]): string {
  const width = widths.slice(c.gridColumn, c.gridColumn + c.gridSpan).reduce((a, b) => a + b, 0);
  const tcPr = '<w:tcPr>'
    + `<w:tcW w:w="${width}" w:type="dxa"/>`
    + (c.gridSpan > 1 ? `<w:gridSpan w:val="${c.gridSpan}"/>` : '')
    + (c.verticalMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.verticalMerge === 'continue' ? '<w:vMerge/>' : '')
    + '<w:vAlign w:val="center"/>'
    + '</w:tcPr>';
  const style = c.role === 'title' || c.role === 'header' ? TABLE_HEADER : TABLE_TEXT;
  return `<w:tc>${tcPr}${paragraph(c.text, { align: alignment(table, c), noSnapToGrid: true }, style)}</w:tc>`;
}

/** Row labels of 表三 read left-aligned (they are long); everything else is centred. */
function alignment(table: TemplateTable, c: StandardCell): Alignment {
  return c.role === 'label' && table.labelColumns > 1 ? 'left' : 'center';
}
