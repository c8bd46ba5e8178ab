import { parseWordprocessingML, type DocumentModel, type Table, type TableRow } from '../../docmodel';
import { confirmBookmarkName, confirmBookmarkValue, rowText, tableText, type CellContent, type Edit, type Fix } from '../../edits/types';
import { newCellXml, setCellTextXml, setParagraphTextXml, withCellMerge } from '../../ooxml/cell-xml';
import { carryOverIntoRebuiltTable } from '../../ooxml/rebuilt-table';
import { applySplices, child, childrenNamed, descendants, parseTree, text, type Splice } from '../../ooxml/xml-tree';

export interface NewComment {
  id: number;
  text: string;
}

export interface SkippedFix {
  fix: Fix;
  reason: string;
}

export interface ApplyResult {
  xml: string;
  applied: Fix[];
  skipped: SkippedFix[];
  /** Comments the edits attached; the package must list them in word/comments.xml. */
  comments: NewComment[];
}

/** Bookmark ids of confirmation marks, far above the ids Word gives its own bookmarks. */
const CONFIRM_BOOKMARK_ID_BASE = 900000;

/** Thrown inside an edit's planning when its target is gone or changed. */
class StaleEdit extends Error {}

/**
 * Applies fixes to a document.xml string by splicing: everything outside the edited elements is
 * left byte for byte. A fix is applied whole or not at all: it is skipped when a target no longer
 * holds the expected text, or when it overlaps a fix already accepted (never both applied).
 */
export function applyFixes(xml: string, fixes: readonly Fix[], firstCommentId: number, model: DocumentModel = parseWordprocessingML(xml)): ApplyResult {
  const planned: { fix: Fix; splices: Splice[] }[] = [];
  const skipped: SkippedFix[] = [];
  const comments: NewComment[] = [];
  let nextCommentId = firstCommentId;
  // A comment marks a value awaiting confirmation: comment range plus a hidden bookmark recording the value.
  const comment = (note: string, value: string) => {
    const id = nextCommentId++;
    comments.push({ id, text: note });
    const bookmarkId = CONFIRM_BOOKMARK_ID_BASE + id;
    return {
      before: `<w:bookmarkStart w:id="${bookmarkId}" w:name="${confirmBookmarkName(value, id)}"/><w:commentRangeStart w:id="${id}"/>`,
      after: `<w:commentRangeEnd w:id="${id}"/><w:bookmarkEnd w:id="${bookmarkId}"/><w:r><w:commentReference w:id="${id}"/></w:r>`,
    };
  };

  for (const fix of fixes) {
    const commentsBefore = comments.length;
    const idBefore = nextCommentId;
    try {
      const splices = fix.edits.flatMap((edit) => plan(xml, model, edit, comment));
      const overlaps = planned.some((p) => p.splices.some((a) => splices.some((b) => overlap(a, b))));
      if (overlaps) throw new StaleEdit('与另一处修改重叠，未同时应用');
      planned.push({ fix, splices });
    } catch (error) {
      if (!(error instanceof StaleEdit)) throw error;
      comments.length = commentsBefore;
      nextCommentId = idBefore;
      skipped.push({ fix, reason: error.message });
    }
  }
  return { xml: applySplices(xml, planned.flatMap((p) => p.splices)), applied: planned.map((p) => p.fix), skipped, comments };
}

/** Two splices conflict when they touch the same characters (insertions at one point count as touching). */
function overlap(a: Splice, b: Splice): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

type CommentMarks = (note: string, value: string) => { before: string; after: string };

function plan(xml: string, model: DocumentModel, edit: Edit, comment: CommentMarks): Splice[] {
  switch (edit.kind) {
    case 'set-cell-text': {
      const cell = cellAt(model, edit.tableIndex, edit.rowIndex, edit.cellIndex);
      expect(cell.text, edit.expected);
      const cellXml = xml.slice(cell.source.start, cell.source.end);
      return [{ ...cell.source, text: setCellTextXml(cellXml, edit.text) }];
    }
    case 'confirm-value': {
      const cell = cellAt(model, edit.tableIndex, edit.rowIndex, edit.cellIndex);
      expect(cell.text, edit.expected);
      return [{ ...cell.source, text: withoutConfirmMarks(xml.slice(cell.source.start, cell.source.end)) }];
    }
    case 'continue-merge': {
      const cell = cellAt(model, edit.tableIndex, edit.rowIndex, edit.cellIndex);
      expect(cell.text, edit.expected);
      const cellXml = setCellTextXml(xml.slice(cell.source.start, cell.source.end), '');
      return [{ ...cell.source, text: withCellMerge(cellXml, cell.gridSpan, 'continue', null) }];
    }
    case 'set-paragraph-text': {
      const paragraph = model.paragraphs.find((p) => p.paragraphIndex === edit.paragraphIndex);
      if (!paragraph) throw new StaleEdit('段落已不存在');
      expect(paragraph.text, edit.expected);
      return [{ ...paragraph.source, text: setParagraphTextXml(xml.slice(paragraph.source.start, paragraph.source.end), edit.text) }];
    }
    case 'insert-rows': {
      const table = tableAt(model, edit.tableIndex);
      const formatRow = rowAt(table, edit.formatRowIndex);
      expect(rowText(formatRow.cells), edit.expected);
      const at = table.rows.some((r) => r.rowIndex === edit.rowIndex) ? rowAt(table, edit.rowIndex).source.start : table.rows[table.rows.length - 1].source.end;
      return [{ start: at, end: at, text: edit.rows.map((cells) => rowXml(xml, table, formatRow, cells, comment)).join('') }];
    }
    case 'replace-row': {
      const table = tableAt(model, edit.tableIndex);
      const row = rowAt(table, edit.rowIndex);
      expect(rowText(row.cells), edit.expected);
      return [{ ...row.source, text: edit.rows.map((cells) => rowXml(xml, table, row, cells, comment)).join('') }];
    }
    case 'delete-row': {
      const table = tableAt(model, edit.tableIndex);
      const row = rowAt(table, edit.rowIndex);
      expect(rowText(row.cells), edit.expected);
      return [{ ...row.source, text: '' }, ...handOverMerges(xml, table, row)];
    }
    case 'replace-table': {
      const table = tableAt(model, edit.tableIndex);
      expect(tableText(table.rows), edit.expected);
      const rebuilt = carryOverIntoRebuiltTable(xml.slice(table.source.start, table.source.end), edit.tableXml);
      return [{ ...table.source, text: withComments(rebuilt, edit.comments, comment) }];
    }
    case 'delete-table': {
      const table = tableAt(model, edit.tableIndex);
      expect(tableText(table.rows), edit.expected);
      return [{ ...table.source, text: '' }];
    }
    case 'insert-after': {
      const target = 'paragraphIndex' in edit.after
        ? model.paragraphs.find((p) => p.paragraphIndex === (edit.after as { paragraphIndex: number }).paragraphIndex)
        : model.tables.find((t) => t.tableIndex === (edit.after as { tableIndex: number }).tableIndex);
      if (!target) throw new StaleEdit('插入位置已不存在');
      expect(target.kind === 'paragraph' ? target.text : tableText(target.rows), edit.expected);
      return [{ start: target.source.end, end: target.source.end, text: edit.xml }];
    }
  }
}

function expect(actual: string, expected: string): void {
  if (actual !== expected) throw new StaleEdit(`内容已变化（应为“${expected}”，现为“${actual}”）`);
}

function tableAt(model: DocumentModel, tableIndex: number): Table {
  // By index, not position: a table deleted under Track Changes keeps its index but is not listed.
  const at = model.tables[tableIndex];
  const table = at?.tableIndex === tableIndex ? at : model.tables.find((t) => t.tableIndex === tableIndex);
  if (!table) throw new StaleEdit('表格已不存在');
  return table;
}

function rowAt(table: Table, rowIndex: number): TableRow {
  // Rows deleted under Track Changes are not listed but keep their index: position first, then search.
  const at = table.rows[rowIndex];
  const row = at?.rowIndex === rowIndex ? at : table.rows.find((r) => r.rowIndex === rowIndex);
  if (!row) throw new StaleEdit('表格行已不存在');
  return row;
}

function cellAt(model: DocumentModel, tableIndex: number, rowIndex: number, cellIndex: number) {
  const cell = rowAt(tableAt(model, tableIndex), rowIndex).cells[cellIndex];
  if (!cell) throw new StaleEdit('单元格已不存在');
  return cell;
}

/** Widths of the table's grid columns (w:tblGrid), to size cells whose span changes. */
function gridWidths(xml: string, table: Table): number[] {
  const tree = parseTree(xml.slice(table.source.start, table.source.end));
  const grid = child(tree.children[0], 'w:tblGrid');
  return grid ? childrenNamed(grid, 'w:gridCol').map((g) => Number(g.attributes['w:w']) || 0) : [];
}

/** A new row: each cell formatted like the format row's cell at the same grid column. */
function rowXml(xml: string, table: Table, formatRow: TableRow, cells: CellContent[], comment: CommentMarks): string {
  const widths = gridWidths(xml, table);
  const rowSource = xml.slice(formatRow.source.start, formatRow.source.end);
  const tree = parseTree(rowSource);
  const tr = tree.children[0];
  const trPr = child(tr, 'w:trPr');
  const prefix = rowSource.slice(0, tr.openEnd) + (trPr ? text(rowSource, trPr) : '');
  let gridColumn = formatRow.gridBefore;
  const cellsXml = cells.map((content) => {
    const format = formatRow.cells.find((c) => c.gridColumn <= gridColumn && gridColumn < c.gridColumn + c.gridSpan) ?? formatRow.cells[formatRow.cells.length - 1];
    const spanWidth = widths.slice(gridColumn, gridColumn + content.gridSpan).reduce((n, w) => n + w, 0);
    gridColumn += content.gridSpan;
    const formatXml = xml.slice(format.source.start, format.source.end);
    return newCellXml(formatXml, content, spanWidth > 0 ? spanWidth : null, content.comment ? comment(content.comment, content.text) : undefined);
  });
  return prefix + cellsXml.join('') + '</w:tr>';
}

/**
 * Deleting a row that starts a vertical merge would orphan the continuation below: the cell
 * below takes over the merge start and the text.
 */
function handOverMerges(xml: string, table: Table, row: TableRow): Splice[] {
  const below = table.rows[table.rows.indexOf(row) + 1];
  if (!below) return [];
  return row.cells.filter((c) => c.verticalMerge === 'restart' && c.rowSpan > 1).flatMap((start) => {
    const next = below.cells.find((c) => c.gridColumn === start.gridColumn && c.verticalMerge === 'continue');
    if (!next) return [];
    const nextXml = setCellTextXml(xml.slice(next.source.start, next.source.end), start.text);
    return [{ ...next.source, text: withCellMerge(nextXml, next.gridSpan, start.rowSpan > 2 ? 'restart' : null, null) }];
  });
}

/** Adds comment marks to cells of a generated table (addressed by row and w:tc index). */
function withComments(tableXml: string, targets: { rowIndex: number; cellIndex: number; text: string }[], comment: CommentMarks): string {
  if (targets.length === 0) return tableXml;
  const tree = parseTree(tableXml);
  const rows = childrenNamed(tree.children[0], 'w:tr');
  const splices = targets.map((target) => {
    const tc = childrenNamed(rows[target.rowIndex], 'w:tc')[target.cellIndex];
    const cellXml = tableXml.slice(tc.start, tc.end);
    const current = [...descendants(tc)].filter((n) => n.name === 'w:t').map((t) => tableXml.slice(t.openEnd, t.closeStart)).join('');
    const value = decodeEntities(current);
    return { start: tc.start, end: tc.end, text: setCellTextXml(cellXml, value, comment(target.text, value)) };
  });
  return applySplices(tableXml, splices);
}

function decodeEntities(value: string): string {
  return value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Removes the confirmation bookmarks (start and end) from a cell. */
function withoutConfirmMarks(cellXml: string): string {
  const tree = parseTree(cellXml);
  const starts = [...descendants(tree)].filter((n) => n.name === 'w:bookmarkStart' && confirmBookmarkValue(n.attributes['w:name'] ?? '') !== null);
  const ids = new Set(starts.map((n) => n.attributes['w:id']));
  const ends = [...descendants(tree)].filter((n) => n.name === 'w:bookmarkEnd' && ids.has(n.attributes['w:id']));
  return applySplices(cellXml, [...starts, ...ends].map((n) => ({ start: n.start, end: n.end, text: '' })));
}
