import type { Table, TableCell, TableRow } from '../docmodel';
import type { Block, Column, DataRow, TemplateTable } from '../template';
import { parseCellValue } from './cell-value';
import { classifyRows, ownCells, vocabulary, type ClassifiedRow } from './classify-rows';
import type { MappedCell, MappedHeaderCell, MappedRow, MappedTable, MappedTitle, MissingRow } from './model';
import { labelKey, similarity } from './normalise';
import { markedLabelKey } from './note-marks';
import { alignSequences } from './align';

/** A line of the template in reading order: a block title or a data row. */
type TemplateLine = { kind: 'title'; block: Block; key: string } | { kind: 'data'; block: Block; row: DataRow; key: string };

interface DocLine {
  source: ClassifiedRow;
  kind: 'title' | 'data';
  key: string;
  labelCell: TableCell | null;
  /** Header rows governing this line (the nearest header group above it in the same Word table). */
  headerRows: TableRow[];
}

const FUZZY_ROW = 0.6;
/** Below this no pairing is considered at all (the aligner's in-place minimum is 0.3). */
const GAP_FLOOR = 0.3;

/** Length alone rules out a similarity of `minimum` when the lengths differ too much. */
const couldReach = (a: string, b: string, minimum: number) =>
  Math.abs(a.length - b.length) <= (1 - minimum) * Math.max(a.length, b.length);

/** Maps the Word tables of one standard table onto one variant of the template. */
export function mapTable(parts: Table[], template: TemplateTable): MappedTable {
  const words = vocabulary(template);
  const templateLines: TemplateLine[] = template.blocks.flatMap((block) => [
    ...(block.title ? [{ kind: 'title' as const, block, key: labelKey(block.title) }] : []),
    ...block.rows.map((row) => ({ kind: 'data' as const, block, row, key: labelKey(row.label) })),
  ]);

  const docLines: DocLine[] = [];
  const headerGroups: { rows: TableRow[]; table: Table; nextLine: number }[] = [];
  for (const part of parts) {
    let headerRows: TableRow[] = [];
    let inHeader = false;
    for (const classified of classifyRows(part, template, words)) {
      if (classified.kind === 'header') {
        if (!inHeader) {
          headerRows = [];
          headerGroups.push({ rows: headerRows, table: part, nextLine: docLines.length });
        }
        headerRows.push(classified.row);
        inHeader = true;
        continue;
      }
      inHeader = false;
      if (classified.kind === 'empty' || classified.kind === 'caption') continue;
      if (classified.kind === 'title') headerRows = [];
      const labelCell = classified.kind === 'title' ? ownCells(classified.row).find((c) => c.text.trim() !== '') ?? null : leafLabelCell(classified.row, template, headerRows);
      docLines.push({
        source: classified,
        kind: classified.kind,
        key: labelCell ? markedLabelKey(labelCell.text) : '',
        labelCell,
        headerRows,
      });
    }
  }

  const pairs = alignSequences(
    docLines,
    templateLines,
    (d, t) => (d.kind !== t.kind ? -1 : couldReach(d.key, t.key, GAP_FLOOR) ? similarity(d.key, t.key) : 0),
    FUZZY_ROW,
    (d, t) => d.kind === t.kind && d.key === t.key,
  );

  // One column map per header group and block, shared by the rows under it.
  const columnMaps = new Map<TableRow[], Map<Block, ColumnMap | null>>();
  const columnMapOf = (headerRows: TableRow[], block: Block) => {
    const byBlock = columnMaps.get(headerRows) ?? new Map<Block, ColumnMap | null>();
    columnMaps.set(headerRows, byBlock);
    if (!byBlock.has(block)) byBlock.set(block, columnMap(headerRows, block, template));
    return byBlock.get(block)!;
  };

  const rows: MappedRow[] = [];
  const titles: MappedTitle[] = [];
  const matchedTemplate = new Map<number, MappedRow>();
  const rowTemplateIndex = new Map<MappedRow, number>();
  let currentBlock = template.blocks[0];
  let score = 0;
  docLines.forEach((line, i) => {
    const t = pairs.docToTemplate[i];
    const templateLine = t === null ? null : templateLines[t];
    if (templateLine) currentBlock = templateLine.block;
    if (templateLine && templateLine.key === line.key) score++;
    const { table, row } = line.source;
    if (line.kind === 'title') {
      titles.push({ table, row, cell: line.labelCell!, expected: templateLine?.kind === 'title' && templateLine.block.title ? templateLine.block.title : null, block: templateLine?.block ?? null });
      return;
    }
    const templateRow = templateLine?.kind === 'data' ? templateLine.row : null;
    const block = templateLine?.block ?? currentBlock;
    const mapped: MappedRow = {
      table, row, templateRow, block, labelCell: line.labelCell,
      groupCells: templateRow ? groupCells(row, line.labelCell, templateRow) : [],
      cells: dataCells(table, row, block, template, columnMapOf(line.headerRows, block)),
    };
    rows.push(mapped);
    if (t !== null) {
      matchedTemplate.set(t, mapped);
      rowTemplateIndex.set(mapped, t);
    }
  });

  const missingRows: MissingRow[] = [];
  templateLines.forEach((line, t) => {
    if (line.kind !== 'data' || matchedTemplate.has(t)) return;
    const later = [...matchedTemplate.entries()].filter(([i]) => i > t).sort((a, b) => a[0] - b[0])[0];
    const earlier = [...matchedTemplate.entries()].filter(([i]) => i < t).sort((a, b) => b[0] - a[0])[0];
    missingRows.push({ templateRow: line.row, block: line.block, before: later?.[1] ?? null, after: earlier?.[1] ?? null });
  });

  const outOfOrderIndexes = new Set(pairs.outOfOrder);
  const outOfOrder = rows.filter((r) => {
    const t = rowTemplateIndex.get(r);
    return t !== undefined && outOfOrderIndexes.has(t);
  });

  /** The block a header group heads: the block of the first line below it; null above a block the template lacks. */
  const blockOfGroup = (group: { nextLine: number }) => {
    if (!docLines[group.nextLine]) return template.blocks[0];
    const t = pairs.docToTemplate[group.nextLine];
    return t !== null ? templateLines[t].block : null;
  };
  const headers = headerGroups.flatMap((group) => {
    const block = blockOfGroup(group);
    return block ? matchHeaders(group.table, group.rows, block) : [];
  });
  score += headers.filter((h) => markedLabelKey(h.cell.text) === labelKey(h.expected)).length;

  const columnProblems = headerGroups.flatMap((group) => {
    const block = blockOfGroup(group);
    const map = block && columnMapOf(group.rows, block);
    if (!map) return [];
    return [
      ...map.missing.map((column) => ({ kind: 'missing' as const, column, table: group.table, row: group.rows[group.rows.length - 1], cell: null })),
      ...map.extra.map((cell) => ({ kind: 'extra' as const, column: null, table: group.table, row: group.rows.find((r) => r.cells.includes(cell)) ?? group.rows[0], cell })),
      ...map.moved.map(({ cell, column }) => ({ kind: 'moved' as const, column, table: group.table, row: group.rows.find((r) => r.cells.includes(cell)) ?? group.rows[0], cell })),
    ];
  });

  return {
    id: template.id, variant: template.variant, template, parts, rows, titles, headers, columnProblems, missingRows, outOfOrder, score,
    variantDecided: true,
  };
}

/** Cells of a row left of its data, in grid order. */
function labelCells(row: TableRow, template: TemplateTable, headerRows: TableRow[]): TableCell[] {
  if (template.labelColumns === 0) return [];
  const firstDataGrid = dataGridStart(headerRows, template);
  if (firstDataGrid !== null) return row.cells.filter((c) => c.gridColumn < firstDataGrid);
  // No header above (a table continued after a page break): everything left of the first number.
  const firstNumber = row.cells.findIndex((c) => /^[\d\s０-９]+$/.test(c.text) && c.text.trim() !== '');
  return firstNumber > 0 ? row.cells.slice(0, firstNumber) : row.cells.slice(0, 1);
}

function leafLabelCell(row: TableRow, template: TemplateTable, headerRows: TableRow[]): TableCell | null {
  if (template.labelColumns === 0) return null;
  const own = labelCells(row, template, headerRows).filter((c) => c.verticalMerge !== 'continue');
  return [...own].reverse().find((c) => c.text.trim() !== '') ?? own.at(-1) ?? null;
}

/** Group label cells that start in this row (e.g. （三）不予公开 beside 1.属于国家秘密), matched right to left. */
function groupCells(row: TableRow, leaf: TableCell | null, templateRow: DataRow): { cell: TableCell; expected: string }[] {
  if (!leaf) return [];
  const starting = row.cells.filter((c) => c.gridColumn < leaf.gridColumn && c.verticalMerge !== 'continue' && c.text.trim() !== '');
  const result: { cell: TableCell; expected: string }[] = [];
  for (let i = 1; i <= Math.min(starting.length, templateRow.groups.length); i++) {
    result.push({ cell: starting[starting.length - i], expected: templateRow.groups[templateRow.groups.length - i] });
  }
  return result;
}

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

function dataGridStart(headerRows: TableRow[], template: TemplateTable): number | null {
  if (headerRows.length === 0) return null;
  const leaves = leafHeaderCells(headerRows);
  if (leaves.length < 2) return null;
  return template.labelColumns > 0 ? leaves[0].gridColumn + leaves[0].gridSpan : leaves[0].gridColumn;
}

/** Where each column of a block sits under one header group: a grid range per column key. */
interface ColumnMap {
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
function columnMap(headerRows: TableRow[], block: Block, template: TemplateTable): ColumnMap | null {
  const leaves = leafHeaderCells(headerRows);
  const columnLeaves = template.labelColumns > 0 ? leaves.slice(1) : leaves;
  if (columnLeaves.length === 0) return null;
  const ranges = new Map<string, { gridColumn: number; gridSpan: number }>();
  const keys = block.columns.map((c) => labelKey(c.label));
  const { docToTemplate, outOfOrder } = alignSequences(columnLeaves, keys, (leaf, key) => similarity(markedLabelKey(leaf.text), key), FUZZY_ROW, (leaf, key) => markedLabelKey(leaf.text) === key);
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
function dataCells(table: Table, row: TableRow, block: Block, template: TemplateTable, map: ColumnMap | null): Map<string, MappedCell> {
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
function matchHeaders(table: Table, headerRows: TableRow[], block: Block): MappedHeaderCell[] {
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
