import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { DocumentReadError } from './read-error';
import type { BodyBlock, DocumentModel, Paragraph, Table, TableCell, TableRow } from './model';

const WORDML_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * Subtrees whose text is not part of the text the reader sees in place: tracked deletions and
 * moves away, field instructions, drawings and text boxes (their own content, elsewhere on the
 * page), and the duplicate fallback of mc:AlternateContent.
 */
const SKIPPED = new Set(['del', 'moveFrom', 'instrText', 'delInstrText', 'drawing', 'pict', 'object', 'txbxContent']);
const SKIPPED_QUALIFIED = new Set(['mc:Fallback']);

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
}

/**
 * Reads WordprocessingML — a document.xml, or the flat OPC package Office.js getOoxml() returns —
 * into a DocumentModel. Wrappers (w:sdt, w:customXml, w:smartTag, w:hyperlink, w:ins, pkg:*) are
 * looked through simply because only the elements below are acted upon.
 */
export function parseWordprocessingML(xml: string): DocumentModel {
  const parser = new SaxesParser({ position: true, xmlns: false });
  let prefix = 'w:';
  let skipDepth = 0;
  let inText = false;
  let inRun = 0;
  let inBody = false;
  let sawDocument = false;
  let paragraphCount = 0;
  /** Top-level tables Word counts, all-deleted ones included: Word's table indices. */
  let tablesSeen = 0;
  const blocks: BodyBlock[] = [];
  const tables: Table[] = [];
  const paragraphs: Paragraph[] = [];
  const tableStack: TableBuilder[] = [];
  const paragraphStack: ParagraphBuilder[] = [];
  /** What the cells of each top-level table held, for unwrapLayoutTable. */
  const cellContents = new Map<Table, BodyBlock[][]>();
  const recordContent = (table: Table, content: BodyBlock[]) => cellContents.set(table, [...(cellContents.get(table) ?? []), content]);

  const currentCell = (): CellBuilder | null => tableStack.at(-1)?.row?.current ?? null;
  const append = (s: string) => {
    const p = paragraphStack.at(-1);
    if (p) p.text += s;
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
    for (const [name, value] of Object.entries(tag.attributes)) {
      if (value === WORDML_NS && name.startsWith('xmlns:')) prefix = name.slice(6) + ':';
    }
    const name = tag.name;
    if (!name.startsWith(prefix)) {
      if (SKIPPED_QUALIFIED.has(name)) skipDepth = 1;
      return;
    }
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
      case 'body':
        inBody = true;
        break;
      case 'p':
        paragraphStack.push({ start: tagStart(xml, start), text: '', autoNumbered: false });
        break;
      case 'numPr':
        if (paragraphStack.length > 0 && inRun === 0) paragraphStack[paragraphStack.length - 1].autoNumbered = true;
        break;
      case 'r':
        inRun++;
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
          table: { kind: 'table', tableIndex: nested ? -1 : tablesSeen, gridColumnCount: 0, rows: [], source: { start: tagStart(xml, start), end: 0 } },
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
              cellIndex: r.row.cells.length, gridColumn: r.gridColumn, gridSpan: 1, verticalMerge: null, rowSpan: 1, text: '', bookmarks: [],
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
    if (!tag.name.startsWith(prefix)) return;
    const local = tag.name.slice(prefix.length);
    const end = parser.position;
    switch (local) {
      case 'body':
        inBody = false;
        break;
      case 'r':
        inRun = Math.max(0, inRun - 1);
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
          cell.paragraphs.push(p.text);
          cell.content.push(paragraph);
        } else if (tableStack.length === 0) {
          paragraphs.push(paragraph);
          blocks.push(paragraph);
        }
        break;
      }
      case 'tc': {
        const r = tableStack.at(-1)?.row;
        if (r?.current) {
          const c = r.current.cell;
          if (tableStack.length === 1) recordContent(tableStack[0].table, r.current.content);
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
        if (t.nested) {
          currentCell()?.content.push(t.table);
          break;
        }
        // A table whose rows are all deleted under Track Changes is gone for the reader, but Word
        // still counts it until the change is accepted: it keeps its index.
        const index = tablesSeen++;
        if (t.rowsSeen > 0 && t.table.rows.length === 0) break;
        const unwrapped = unwrapLayoutTable(t.table, cellContents.get(t.table));
        for (const block of unwrapped) {
          if (block.kind === 'table') {
            block.tableIndex = unwrapped.length === 1 ? index : tables.length;
            tables.push(block);
          } else paragraphs.push(block);
          blocks.push(block);
        }
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
  return { blocks, paragraphs, tables, xml };
}

/**
 * A table of one cell that holds tables is a layout frame (web pages converted to Word often put
 * the whole report in one): its content counts as the body's. Any other table is itself.
 */
function unwrapLayoutTable(table: Table, contents: BodyBlock[][] | undefined): BodyBlock[] {
  const single = table.rows.length === 1 && table.rows[0].cells.length === 1 && contents?.length === 1;
  if (!single || !contents[0].some((b) => b.kind === 'table')) return [table];
  return contents[0];
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
