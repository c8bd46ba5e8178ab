import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { DocumentReadError } from './read-error';
import type { BodyBlock, DocumentModel, Paragraph, Table, TableCell, TableRow } from './model';

const WORDML_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MARKUP_COMPATIBILITY_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/**
 * Subtrees whose text is not part of the text the reader sees: tracked deletions and moves away,
 * field instructions, embedded objects. Text boxes (w:txbxContent inside w:drawing or w:pict) are
 * read as blocks of their own, placed after the paragraph that anchors them.
 */
const SKIPPED = new Set(['del', 'moveFrom', 'instrText', 'delInstrText', 'object']);

/** What the parser was in the middle of when a text box started; restored when it ends. */
interface TextBoxFrame {
  tableStack: TableBuilder[];
  paragraphStack: ParagraphBuilder[];
  inRun: number;
  inText: boolean;
  /** The text box's own paragraphs and tables, in order. */
  blocks: BodyBlock[];
}

interface CellBuilder {
  cell: TableCell;
  paragraphs: string[];
  /** The cell's own paragraphs and tables in order, kept for unwrapping a layout table. */
  content: BodyBlock[];
}
interface RowBuilder {
  row: TableRow;
  gridColumn: number;
  current: CellBuilder | null;
  /** Deleted under Track Changes (w:trPr/w:del): Word still counts it until the change is accepted. */
  deleted: boolean;
}
interface TableBuilder {
  table: Table;
  gridCols: number;
  row: RowBuilder | null;
  /** Rows seen, deleted ones included: Word's row indices. */
  rowsSeen: number;
  /**
   * Nested tables are parsed to keep their text out of the enclosing cell; they count as tables of
   * the document only when the enclosing table is a mere layout frame (see unwrapLayoutTable).
   */
  nested: boolean;
}
interface ParagraphBuilder {
  start: number;
  text: string;
  autoNumbered: boolean;
  /** [start, end) of text from superscript runs (note marks such as 570¹). */
  superscripts: { start: number; end: number }[];
}

/**
 * Reads WordprocessingML — a document.xml, or the flat OPC package Office.js getOoxml() returns —
 * into a DocumentModel. Wrappers (w:sdt, w:customXml, w:smartTag, w:hyperlink, w:ins, pkg:*) are
 * looked through simply because only the elements below are acted upon.
 */
export function parseWordprocessingML(xml: string): DocumentModel {
  const parser = new SaxesParser({ position: true, xmlns: false });
  let prefix = 'w:';
  let mcPrefix = 'mc:';
  let skipDepth = 0;
  let inText = false;
  let inRun = 0;
  /** The run being read is raised as superscript (w:vertAlign): its text is a note mark, not more digits. */
  let superscriptRun = false;
  let inBody = false;
  let sawDocument = false;
  let paragraphCount = 0;
  /**
   * The next table's index: tables in reading order, all-deleted ones counted too (Word counts them
   * until the deletion is accepted), so a body table's index is Word's.
   */
  let nextTableIndex = 0;
  const blocks: BodyBlock[] = [];
  const tables: Table[] = [];
  const paragraphs: Paragraph[] = [];
  let tableStack: TableBuilder[] = [];
  let paragraphStack: ParagraphBuilder[] = [];
  const textBoxes: TextBoxFrame[] = [];
  /** Blocks of text boxes anchored in the body paragraph being read, emitted after it. */
  let anchoredBlocks: BodyBlock[] = [];
  /** Per open mc:AlternateContent: whether a branch has been taken (only one is read). */
  const alternates: boolean[] = [];
  let altChunks = 0;
  /** What the cells of each table held, for unwrapLayoutTable. */
  const cellContents = new Map<Table, BodyBlock[][]>();
  const recordContent = (table: Table, content: BodyBlock[]) => {
    const cells = cellContents.get(table);
    if (cells) cells.push(content);
    else cellContents.set(table, [content]);
  };

  const currentCell = (): CellBuilder | null => tableStack.at(-1)?.row?.current ?? null;
  /** Adds a body-level block (layout tables are unwrapped already); tables get their index. */
  const emit = (block: BodyBlock) => {
    if (block.kind === 'table') {
      block.tableIndex = nextTableIndex++;
      tables.push(block);
    } else paragraphs.push(block);
    blocks.push(block);
  };
  /** mc:AlternateContent offers the same content several ways: read the first mc:Choice, else mc:Fallback. */
  const openAlternateContent = (local: string, selfClosing: boolean) => {
    if (local === 'AlternateContent') {
      if (!selfClosing) alternates.push(false);
    } else if (local === 'Choice' || local === 'Fallback') {
      if (alternates.length === 0 || alternates[alternates.length - 1]) skipDepth = selfClosing ? 0 : 1;
      else alternates[alternates.length - 1] = true;
    }
  };
  const append = (s: string) => {
    const p = paragraphStack.at(-1);
    if (!p) return;
    if (superscriptRun && s !== '') p.superscripts.push({ start: p.text.length, end: p.text.length + s.length });
    p.text += s;
  };
  const intAttr = (tag: SaxesTagPlain, fallback: number) => {
    const v = Number.parseInt(tag.attributes[prefix + 'val'] ?? '', 10);
    return Number.isFinite(v) && v >= 0 ? v : fallback;
  };

  parser.on('opentag', (tag) => {
    if (skipDepth > 0) {
      skipDepth++;
      return;
    }
    for (const name in tag.attributes) {
      if (!name.startsWith('xmlns:')) continue;
      const value = tag.attributes[name];
      if (value === WORDML_NS) prefix = name.slice(6) + ':';
      if (value === MARKUP_COMPATIBILITY_NS) mcPrefix = name.slice(6) + ':';
    }
    const name = tag.name;
    if (name.startsWith(mcPrefix)) {
      openAlternateContent(name.slice(mcPrefix.length), tag.isSelfClosing);
      return;
    }
    if (!name.startsWith(prefix)) return;
    const local = name.slice(prefix.length);
    const row = tableStack.at(-1)?.row;
    if (local === 'del' && row && !row.current && paragraphStack.length === 0) row.deleted = true; // w:trPr/w:del
    if (SKIPPED.has(local)) {
      skipDepth = tag.isSelfClosing ? 0 : 1;
      return;
    }
    const start = parser.position;
    switch (local) {
      case 'document':
        sawDocument = true;
        break;
      case 'txbxContent':
        if (!tag.isSelfClosing) {
          textBoxes.push({ tableStack, paragraphStack, inRun, inText, blocks: [] });
          tableStack = [];
          paragraphStack = [];
          inRun = 0;
          inText = false;
        }
        break;
      case 'altChunk':
        if (inBody) altChunks++;
        break;
      case 'body':
        inBody = true;
        break;
      case 'p':
        paragraphStack.push({ start: tagStart(xml, start), text: '', autoNumbered: false, superscripts: [] });
        break;
      case 'numPr':
        if (paragraphStack.length > 0 && inRun === 0) paragraphStack[paragraphStack.length - 1].autoNumbered = true;
        break;
      case 'r':
        inRun++;
        superscriptRun = false;
        break;
      case 'vertAlign':
        if (inRun > 0) superscriptRun = tag.attributes[prefix + 'val'] === 'superscript';
        break;
      case 't':
        if (inRun > 0) inText = true;
        break;
      case 'tab':
        if (inRun > 0) append('\t');
        break;
      case 'br':
      case 'cr':
        if (inRun > 0) append('\n');
        break;
      case 'noBreakHyphen':
        if (inRun > 0) append('-');
        break;
      case 'tbl': {
        const nested = tableStack.length > 0;
        tableStack.push({
          table: { kind: 'table', tableIndex: -1, gridColumnCount: 0, rows: [], source: { start: tagStart(xml, start), end: 0 } },
          gridCols: 0,
          row: null,
          rowsSeen: 0,
          nested,
        });
        break;
      }
      case 'gridCol':
        if (tableStack.length > 0) tableStack[tableStack.length - 1].gridCols++;
        break;
      case 'tr': {
        const t = tableStack.at(-1);
        if (t) {
          t.row = {
            row: { rowIndex: t.rowsSeen++, gridBefore: 0, cells: [], source: { start: tagStart(xml, start), end: 0 } },
            gridColumn: 0,
            current: null,
            deleted: false,
          };
        }
        break;
      }
      case 'gridBefore': {
        const r = tableStack.at(-1)?.row;
        if (r && !r.current) {
          r.row.gridBefore = intAttr(tag, 0);
          r.gridColumn = r.row.gridBefore;
        }
        break;
      }
      case 'tc': {
        const r = tableStack.at(-1)?.row;
        if (r) {
          r.current = {
            cell: {
              cellIndex: r.row.cells.length, gridColumn: r.gridColumn, gridSpan: 1, verticalMerge: null, rowSpan: 1, text: '', bookmarks: [], superscripts: [],
              source: { start: tagStart(xml, start), end: 0 },
            },
            paragraphs: [],
            content: [],
          };
        }
        break;
      }
      case 'bookmarkStart': {
        const name = tag.attributes[prefix + 'name'];
        if (name) currentCell()?.cell.bookmarks.push(name);
        break;
      }
      case 'gridSpan': {
        const c = currentCell();
        if (c && paragraphStack.length === 0) c.cell.gridSpan = Math.max(1, intAttr(tag, 1));
        break;
      }
      case 'vMerge': {
        const c = currentCell();
        if (c && paragraphStack.length === 0) c.cell.verticalMerge = tag.attributes[prefix + 'val'] === 'restart' ? 'restart' : 'continue';
        break;
      }
    }
  });

  parser.on('text', (text) => {
    if (inText && skipDepth === 0) append(text);
  });

  parser.on('closetag', (tag) => {
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    if (tag.name === `${mcPrefix}AlternateContent`) alternates.pop();
    if (!tag.name.startsWith(prefix)) return;
    const local = tag.name.slice(prefix.length);
    const end = parser.position;
    switch (local) {
      case 'txbxContent': {
        const frame = textBoxes.pop();
        if (!frame) break;
        ({ tableStack, paragraphStack, inRun, inText } = frame);
        // In a cell, the text box belongs to the cell (a layout frame); in the body, after its paragraph.
        const cell = currentCell();
        if (cell) cell.content.push(...frame.blocks);
        else if (textBoxes.length > 0) textBoxes[textBoxes.length - 1].blocks.push(...frame.blocks);
        else anchoredBlocks.push(...frame.blocks);
        break;
      }
      case 'body':
        inBody = false;
        break;
      case 'r':
        inRun = Math.max(0, inRun - 1);
        superscriptRun = false;
        break;
      case 't':
        inText = false;
        break;
      case 'p': {
        const p = paragraphStack.pop();
        if (!p || !inBody) break;
        const paragraph: Paragraph = {
          kind: 'paragraph', paragraphIndex: paragraphCount++, text: p.text, autoNumbered: p.autoNumbered,
          source: { start: p.start, end },
        };
        const cell = currentCell();
        if (cell) {
          const offset = cell.paragraphs.reduce((n, text) => n + text.length + 1, 0);
          cell.cell.superscripts.push(...p.superscripts.map((r) => ({ start: offset + r.start, end: offset + r.end })));
          cell.paragraphs.push(p.text);
          cell.content.push(paragraph);
        } else if (textBoxes.length > 0) {
          textBoxes[textBoxes.length - 1].blocks.push(paragraph);
        } else if (tableStack.length === 0) {
          emit(paragraph);
          const anchored = anchoredBlocks;
          anchoredBlocks = [];
          anchored.forEach(emit);
        }
        break;
      }
      case 'tc': {
        const r = tableStack.at(-1)?.row;
        if (r?.current) {
          const c = r.current.cell;
          recordContent(tableStack[tableStack.length - 1].table, r.current.content);
          c.text = r.current.paragraphs.join('\n');
          c.source.end = end;
          r.row.cells.push(c);
          r.gridColumn += c.gridSpan;
          r.current = null;
        }
        break;
      }
      case 'tr': {
        const t = tableStack.at(-1);
        if (t?.row) {
          t.row.row.source.end = end;
          if (!t.row.deleted) t.table.rows.push(t.row.row);
          t.row = null;
        }
        break;
      }
      case 'tbl': {
        const t = tableStack.pop();
        if (!t || !inBody) break;
        t.table.source.end = end;
        const widest = Math.max(0, ...t.table.rows.map((r) => r.cells.reduce((n, c) => Math.max(n, c.gridColumn + c.gridSpan), 0)));
        t.table.gridColumnCount = Math.max(t.gridCols, widest);
        computeRowSpans(t.table);
        // Unwrapped as it closes, after the tables inside it: one level each, however deep the nesting.
        const content = unwrapLayoutTable(t.table, cellContents.get(t.table));
        cellContents.delete(t.table);
        if (t.nested) currentCell()?.content.push(...content);
        else if (textBoxes.length > 0) textBoxes[textBoxes.length - 1].blocks.push(...content);
        // A table whose rows are all deleted under Track Changes is gone for the reader, but Word
        // still counts it until the change is accepted: it keeps its index.
        else if (t.rowsSeen > 0 && t.table.rows.length === 0) nextTableIndex++;
        else content.forEach(emit);
        break;
      }
    }
  });

  try {
    parser.write(xml).close();
  } catch {
    throw new DocumentReadError('corrupt', '文档内容已损坏，无法解析。请在 Word 或 WPS 中打开后重新保存再试。');
  }
  if (!sawDocument) throw new DocumentReadError('not-word', '这不是 Word 文档：文件中没有正文（w:document）。');
  anchoredBlocks.forEach(emit);
  return { blocks, paragraphs, tables, xml, altChunks };
}

/**
 * A table whose cells hold tables is a layout frame (web pages converted to Word often put the
 * whole report in one, or lay tables out side by side): its content, cell by cell in reading
 * order, counts as the body's, layout frames inside it unwrapped too. A report table never holds
 * another table, so any other table is itself.
 */
function unwrapLayoutTable(table: Table, cells: BodyBlock[][] = []): BodyBlock[] {
  if (!cells.some((content) => content.some((b) => b.kind === 'table'))) return [table];
  return cells.flat();
}

/** saxes reports the position after `<name` and one more character; walk back to the `<`. */
function tagStart(xml: string, positionAfterName: number): number {
  return xml.lastIndexOf('<', positionAfterName - 1);
}

/** A vMerge restart spans itself plus every continuation directly below it in the same grid column. */
function computeRowSpans(table: Table): void {
  const rows = table.rows;
  for (let r = 0; r < rows.length; r++) {
    for (const cell of rows[r].cells) {
      if (cell.verticalMerge !== 'restart') continue;
      let span = 1;
      for (let below = r + 1; below < rows.length; below++) {
        const next = rows[below].cells.find((c) => c.gridColumn === cell.gridColumn);
        if (!next || next.verticalMerge !== 'continue') break;
        span++;
      }
      cell.rowSpan = span;
    }
  }
}
