import type { Table, TableRow } from '../docmodel';
import type { Block, TemplateTable } from '../template';
import { alignSequences, type Alignment } from './align';
import type { MappedHeaderCell, MappedRow, MappedTable, MappedTitle, MissingRow } from './model';
import { labelKey, similarity } from './normalise';
import { markedLabelKey } from './note-marks';
import { columnMap, columnProblemsOf, dataCells, matchHeaders, type ColumnMap } from './table-columns';
import { documentLines, groupCells, templateLinesOf, type DocLine, type HeaderGroup, type TemplateLine } from './table-lines';

const FUZZY_ROW = 0.6;
/** Below this no pairing is considered at all (the aligner's in-place minimum is 0.3). */
const GAP_FLOOR = 0.3;

/** Length alone rules out a similarity of `minimum` when the lengths differ too much. */
const couldReach = (a: string, b: string, minimum: number) =>
  Math.abs(a.length - b.length) <= (1 - minimum) * Math.max(a.length, b.length);

/**
 * Maps the Word tables of one standard table onto one variant of the template, in phases: read
 * both as lines, align the lines, place each document row (its values through the column map of
 * its header), then what is missing, out of order, and how the headers compare.
 */
export function mapTable(parts: Table[], template: TemplateTable): MappedTable {
  const templateLines = templateLinesOf(template);
  const { docLines, headerGroups } = documentLines(parts, template);
  const alignment = alignLines(docLines, templateLines);
  const columnMapOf = columnMapsOf(template);
  const placed = placeLines(docLines, templateLines, alignment, template, columnMapOf);

  const outOfOrderIndexes = new Set(alignment.outOfOrder);
  const outOfOrder = placed.rows.filter((r) => {
    const t = placed.rowTemplateIndex.get(r);
    return t !== undefined && outOfOrderIndexes.has(t);
  });

  /** The block a header group heads: the block of the first line below it; null above a block the template lacks. */
  const blockOfGroup = (group: HeaderGroup) => {
    if (!docLines[group.nextLine]) return template.blocks[0];
    const t = alignment.docToTemplate[group.nextLine];
    return t !== null ? templateLines[t].block : null;
  };
  const headers: MappedHeaderCell[] = headerGroups.flatMap((group) => {
    const block = blockOfGroup(group);
    return block ? matchHeaders(group.table, group.rows, block) : [];
  });
  const columnProblems = headerGroups.flatMap((group) => {
    const block = blockOfGroup(group);
    const map = block && columnMapOf(group.rows, block);
    return map ? columnProblemsOf(group, map) : [];
  });
  const score = placed.exactLabels + headers.filter((h) => markedLabelKey(h.cell.text) === labelKey(h.expected)).length;

  return {
    id: template.id, variant: template.variant, template, parts, rows: placed.rows, titles: placed.titles, headers, columnProblems,
    missingRows: missingRowsOf(templateLines, placed.matchedTemplate), outOfOrder, score, variantDecided: true,
  };
}

/** Pairs document lines with template lines: exact labels first, then close ones in order. */
function alignLines(docLines: DocLine[], templateLines: TemplateLine[]): Alignment {
  return alignSequences(
    docLines,
    templateLines,
    (d, t) => (d.kind !== t.kind ? -1 : couldReach(d.key, t.key, GAP_FLOOR) ? similarity(d.key, t.key) : 0),
    FUZZY_ROW,
    (d, t) => d.kind === t.kind && d.key === t.key,
  );
}

/** One column map per header group and block, shared by the rows under it. */
function columnMapsOf(template: TemplateTable): (headerRows: TableRow[], block: Block) => ColumnMap | null {
  const columnMaps = new Map<TableRow[], Map<Block, ColumnMap | null>>();
  return (headerRows, block) => {
    const byBlock = columnMaps.get(headerRows) ?? new Map<Block, ColumnMap | null>();
    columnMaps.set(headerRows, byBlock);
    if (!byBlock.has(block)) byBlock.set(block, columnMap(headerRows, block, template));
    return byBlock.get(block)!;
  };
}

/** Each document line as a mapped title or row; a row without a template line stays in the block above it. */
function placeLines(
  docLines: DocLine[], templateLines: TemplateLine[], alignment: Alignment, template: TemplateTable,
  columnMapOf: (headerRows: TableRow[], block: Block) => ColumnMap | null,
) {
  const rows: MappedRow[] = [];
  const titles: MappedTitle[] = [];
  const matchedTemplate = new Map<number, MappedRow>();
  const rowTemplateIndex = new Map<MappedRow, number>();
  let currentBlock = template.blocks[0];
  let exactLabels = 0;
  docLines.forEach((line, i) => {
    const t = alignment.docToTemplate[i];
    const templateLine = t === null ? null : templateLines[t];
    if (templateLine) currentBlock = templateLine.block;
    if (templateLine && templateLine.key === line.key) exactLabels++;
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
  return { rows, titles, matchedTemplate, rowTemplateIndex, exactLabels };
}

/** Template rows no document row took, each placed between its matched neighbours. */
function missingRowsOf(templateLines: TemplateLine[], matchedTemplate: Map<number, MappedRow>): MissingRow[] {
  const missingRows: MissingRow[] = [];
  templateLines.forEach((line, t) => {
    if (line.kind !== 'data' || matchedTemplate.has(t)) return;
    const later = [...matchedTemplate.entries()].filter(([i]) => i > t).sort((a, b) => a[0] - b[0])[0];
    const earlier = [...matchedTemplate.entries()].filter(([i]) => i < t).sort((a, b) => b[0] - a[0])[0];
    missingRows.push({ templateRow: line.row, block: line.block, before: later?.[1] ?? null, after: earlier?.[1] ?? null });
  });
  return missingRows;
}
