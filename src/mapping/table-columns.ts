import type { Table, TableCell, TableRow } from '../docmodel';
import type { Block, Column, TemplateTable } from '../template';
import { alignSequences } from './align';
import { parseCellValue } from './cell-value';
import { ownCells } from './classify-rows';
import type { ColumnProblem, MappedCell, MappedHeaderCell } from './model';
import { labelKey, similarity } from './normalise';
import { markedLabelKey } from './note-marks';
import type { HeaderGroup } from './table-lines';

/** Mapping's column phase: which header cell heads which column of a block, and each row's value cells. */

/** Below this similarity a header cell is not taken for a column's label. */
const FUZZY_COLUMN = 0.6;

/**
 * The cells that head each column, left to right: for every grid column, the lowest header cell
 * covering it (a vertical merge counts for the rows it spans).
 */
function leafHeaderCells(headerRows: TableRow[]): TableCell[] {
  const byGrid = new Map<number, TableCell>();
  for (const row of headerRows) {
    for (const cell of row.cells) {
      if (cell.verticalMerge === 'continue') continue;
      for (let g = cell.gridColumn; g < cell.gridColumn + cell.gridSpan; g++) byGrid.set(g, cell);
    }
  }
  const ordered: TableCell[] = [];
  for (const g of [...byGrid.keys()].sort((a, b) => a - b)) {
    const cell = byGrid.get(g)!;
    if (ordered.at(-1) !== cell) ordered.push(cell);
  }
  return ordered;
}

export function dataGridStart(headerRows: TableRow[], template: TemplateTable): number | null {
  if (headerRows.length === 0) return null;
  const leaves = leafHeaderCells(headerRows);
  if (leaves.length < 2) return null;
  return template.labelColumns > 0 ? leaves[0].gridColumn + leaves[0].gridSpan : leaves[0].gridColumn;
}

/** Where each column of a block sits under one header group: a grid range per column key. */
export interface ColumnMap {
  ranges: Map<string, { gridColumn: number; gridSpan: number }>;
  /** Columns of the block the header does not have. */
  missing: Column[];
  /** Header cells that head no column of the block (a 小计 column a third-party template added). */
  extra: TableCell[];
  /** Standard columns in another place than the standard one (their data still maps by label). */
  moved: { cell: TableCell; column: Column }[];
}

/**
 * Pairs the header's column cells with the block's columns: by position when the counts agree,
 * otherwise by label (so an added or a dropped column does not shift every value after it).
 * Null without a usable header (a table continued after a page break).
 */
export function columnMap(headerRows: TableRow[], block: Block, template: TemplateTable): ColumnMap | null {
  const leaves = leafHeaderCells(headerRows);
  const columnLeaves = template.labelColumns > 0 ? leaves.slice(1) : leaves;
  if (columnLeaves.length === 0) return null;
  const ranges = new Map<string, { gridColumn: number; gridSpan: number }>();
  const keys = block.columns.map((c) => labelKey(c.label));
  const { docToTemplate, outOfOrder } = alignSequences(columnLeaves, keys, (leaf, key) => similarity(markedLabelKey(leaf.text), key), FUZZY_COLUMN, (leaf, key) => markedLabelKey(leaf.text) === key);
  // Same count and not a clean permutation of the standard labels: a misspelt header, read by position.
  const permuted = outOfOrder.length > 0 && docToTemplate.every((t, i) => t !== null && markedLabelKey(columnLeaves[i].text) === keys[t]);
  if (columnLeaves.length === block.columns.length && !permuted) {
    block.columns.forEach((column, i) => ranges.set(column.key, columnLeaves[i]));
    return { ranges, missing: [], extra: [], moved: [] };
  }
  docToTemplate.forEach((t, i) => {
    if (t !== null) ranges.set(block.columns[t].key, columnLeaves[i]);
  });
  return {
    ranges,
    missing: block.columns.filter((c) => !ranges.has(c.key)),
    extra: columnLeaves.filter((_, i) => docToTemplate[i] === null),
    moved: docToTemplate.flatMap((t, i) => (t !== null && outOfOrder.includes(t) ? [{ cell: columnLeaves[i], column: block.columns[t] }] : [])),
  };
}

/** Assigns the row's cells to the block's columns: through the header's column map, else by position from the right. */
export function dataCells(table: Table, row: TableRow, block: Block, template: TemplateTable, map: ColumnMap | null): Map<string, MappedCell> {
  const cells = new Map<string, MappedCell>();
  const put = (column: Column, cell: TableCell | undefined) => {
    if (cell) cells.set(column.key, { table, row, cell, column, value: parseCellValue(cell.text, column.value, cell.superscripts) });
  };
  if (map) {
    for (const column of block.columns) {
      const head = map.ranges.get(column.key);
      if (head) put(column, row.cells.find((c) => c.verticalMerge !== 'continue' && c.gridColumn < head.gridColumn + head.gridSpan && c.gridColumn + c.gridSpan > head.gridColumn));
    }
    return cells;
  }
  const own = ownCells(row);
  const firstData = template.labelColumns > 0 ? Math.max(1, own.length - block.columns.length) : Math.max(0, own.length - block.columns.length);
  block.columns.forEach((column, i) => put(column, own[firstData + i]));
  return cells;
}

/** Pairs the header cells of one header group with the template header of the block. */
export function matchHeaders(table: Table, headerRows: TableRow[], block: Block): MappedHeaderCell[] {
  const expected = block.header.flat().map((h) => h.text);
  const present = headerRows.flatMap((row) => ownCells(row).filter((c) => c.text.trim() !== '').map((cell) => ({ row, cell })));
  if (present.length === expected.length) {
    return present.map(({ row, cell }, i) => ({ table, row, cell, expected: expected[i] }));
  }
  const used = new Set<number>();
  const result: MappedHeaderCell[] = [];
  for (const { row, cell } of present) {
    const key = markedLabelKey(cell.text);
    let best = -1;
    let bestScore = 0.5;
    expected.forEach((e, i) => {
      const s = similarity(key, labelKey(e));
      if (!used.has(i) && s > bestScore) {
        best = i;
        bestScore = s;
      }
    });
    if (best >= 0) {
      used.add(best);
      result.push({ table, row, cell, expected: expected[best] });
    }
  }
  return result;
}

/** The missing, extra and moved columns under one header group. */
export function columnProblemsOf(group: HeaderGroup, map: ColumnMap): ColumnProblem[] {
  const rowOf = (cell: TableCell) => group.rows.find((r) => r.cells.includes(cell)) ?? group.rows[0];
  return [
    ...map.missing.map((column) => ({ kind: 'missing' as const, column, table: group.table, row: group.rows[group.rows.length - 1], cell: null })),
    ...map.extra.map((cell) => ({ kind: 'extra' as const, column: null, table: group.table, row: rowOf(cell), cell })),
    ...map.moved.map(({ cell, column }) => ({ kind: 'moved' as const, column, table: group.table, row: rowOf(cell), cell })),
  ];
}
