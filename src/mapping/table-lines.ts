import type { Table, TableCell, TableRow } from '../docmodel';
import type { Block, DataRow, TemplateTable } from '../template';
import { classifyRows, ownCells, vocabulary, type ClassifiedRow } from './classify-rows';
import { labelKey } from './normalise';
import { markedLabelKey } from './note-marks';
import { dataGridStart } from './table-columns';

/**
 * Mapping's first phase: the template and the Word tables each read as a sequence of lines (block
 * titles and data rows), with the header rows that govern each document line.
 */

/** A line of the template in reading order: a block title or a data row. */
export type TemplateLine = { kind: 'title'; block: Block; key: string } | { kind: 'data'; block: Block; row: DataRow; key: string };

export interface DocLine {
  source: ClassifiedRow;
  kind: 'title' | 'data';
  key: string;
  labelCell: TableCell | null;
  /** Header rows governing this line (the nearest header group above it in the same Word table). */
  headerRows: TableRow[];
}

/** Consecutive header rows of one Word table, and the first document line below them. */
export interface HeaderGroup {
  rows: TableRow[];
  table: Table;
  nextLine: number;
}

export function templateLinesOf(template: TemplateTable): TemplateLine[] {
  return template.blocks.flatMap((block) => [
    ...(block.title ? [{ kind: 'title' as const, block, key: labelKey(block.title) }] : []),
    ...block.rows.map((row) => ({ kind: 'data' as const, block, row, key: labelKey(row.label) })),
  ]);
}

/** The lines of the Word tables of one standard table (empty rows and captions left out), and their header groups. */
export function documentLines(parts: Table[], template: TemplateTable): { docLines: DocLine[]; headerGroups: HeaderGroup[] } {
  const words = vocabulary(template);
  const docLines: DocLine[] = [];
  const headerGroups: HeaderGroup[] = [];
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
  return { docLines, headerGroups };
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
export function groupCells(row: TableRow, leaf: TableCell | null, templateRow: DataRow): { cell: TableCell; expected: string }[] {
  if (!leaf) return [];
  const starting = row.cells.filter((c) => c.gridColumn < leaf.gridColumn && c.verticalMerge !== 'continue' && c.text.trim() !== '');
  const result: { cell: TableCell; expected: string }[] = [];
  for (let i = 1; i <= Math.min(starting.length, templateRow.groups.length); i++) {
    result.push({ cell: starting[starting.length - i], expected: templateRow.groups[templateRow.groups.length - i] });
  }
  return result;
}

