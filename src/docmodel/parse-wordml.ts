import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { raisedStyleIds } from './raised-styles';
import { DocumentReadError } from './read-error';
import type { BodyBlock, DocumentModel, Paragraph, Table, TableCell, TableRow } from './model';

const WORDML_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MARKUP_COMPATIBILITY_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const NAMESPACE_DECLARATION = 'xmlns:';

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
  /** Length of the cell text so far (paragraphs joined by '\n'), where the next paragraph starts. */
  textLength: number;
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
  /** What each closed cell held, in reading order, for unwrapLayoutTable. */
  cellContents: BodyBlock[][];
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
 * looked through simply because only the elements in the handler tables below are acted upon.
 * `raisedStyles`: the character styles that make a run superscript (raised-styles.ts), asked for
 * only when a run names a style; by default those of a styles part inside `xml` itself (flat OPC);
 * a .docx's styles.xml is read by its host.
 */
export function parseWordprocessingML(xml: string, raisedStyles: () => ReadonlySet<string> = () => raisedStyleIds(xml)): DocumentModel {
  const parser = new SaxesParser({ position: true, xmlns: false });
  const reader = new WordMLReader(xml, parser, raisedStyles);
  parser.on('opentag', (tag) => reader.open(tag));
  parser.on('text', (text) => {
    if (reader.inText && reader.skipDepth === 0) reader.append(text);
  });
  parser.on('closetag', (tag) => reader.close(tag));
  try {
    parser.write(xml).close();
  } catch {
    throw new DocumentReadError('corrupt', '文档内容已损坏，无法解析。请在 Word 或 WPS 中打开后重新保存再试。');
  }
  if (!reader.sawDocument) throw new DocumentReadError('not-word', '这不是 Word 文档：文件中没有正文（w:document）。');
  return reader.finish();
}

type OpenHandler = (reader: WordMLReader, tag: SaxesTagPlain) => void;
type CloseHandler = (reader: WordMLReader) => void;

/** The parse state; the handler tables below act on it, one function per element. */
class WordMLReader {
  prefix = 'w:';
  mcPrefix = 'mc:';
  /** Handlers by qualified name for the current prefixes (rebuilt when a declaration rebinds one). */
  openHandlers = new Map<string, OpenHandler>();
  closeHandlers = new Map<string, CloseHandler>();
  /** Offset of the next `xmlns:` in the XML: only tags reaching past it can declare a namespace. */
  nextDeclaration: number;
  skipDepth = 0;
  inText = false;
  inRun = 0;
  /** The run being read is raised as superscript (w:vertAlign): its text is a note mark, not more digits. */
  superscriptRun = false;
  /** The run being read is hidden text (w:vanish): Word does not show it, so it is not read. */
  hiddenRun = false;
  inBody = false;
  sawDocument = false;
  paragraphCount = 0;
  /**
   * The next table's index: tables in reading order, all-deleted ones counted too (Word counts them
   * until the deletion is accepted), so a body table's index is Word's.
   */
  nextTableIndex = 0;
  readonly blocks: BodyBlock[] = [];
  readonly tables: Table[] = [];
  readonly paragraphs: Paragraph[] = [];
  tableStack: TableBuilder[] = [];
  paragraphStack: ParagraphBuilder[] = [];
  readonly textBoxes: TextBoxFrame[] = [];
  /** Blocks of text boxes anchored in the body paragraph being read, emitted after it. */
  anchoredBlocks: BodyBlock[] = [];
  /** Per open mc:AlternateContent: whether a branch has been taken (only one is read). */
  readonly alternates: boolean[] = [];
  altChunks = 0;

  /** The superscript character styles, once a run has named a style. */
  private raisedStyles: ReadonlySet<string> | null = null;

  constructor(readonly xml: string, readonly parser: SaxesParser, private readonly loadRaisedStyles: () => ReadonlySet<string>) {
    this.nextDeclaration = xml.indexOf(NAMESPACE_DECLARATION);
    this.bindHandlers();
  }

  open(tag: SaxesTagPlain): void {
    if (this.skipDepth > 0) {
      this.skipDepth++;
      return;
    }
    if (this.nextDeclaration >= 0 && this.nextDeclaration < this.parser.position) this.readDeclarations(tag);
    this.openHandlers.get(tag.name)?.(this, tag);
  }

  close(tag: SaxesTagPlain): void {
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    this.closeHandlers.get(tag.name)?.(this);
  }

  /** Namespace declarations on this tag (in practice only the root, or pkg:xmlData in flat OPC). */
  private readDeclarations(tag: SaxesTagPlain): void {
    const { prefix, mcPrefix } = this;
    for (const name in tag.attributes) {
      if (!name.startsWith(NAMESPACE_DECLARATION)) continue;
      const value = tag.attributes[name];
      if (value === WORDML_NS) this.prefix = name.slice(NAMESPACE_DECLARATION.length) + ':';
      if (value === MARKUP_COMPATIBILITY_NS) this.mcPrefix = name.slice(NAMESPACE_DECLARATION.length) + ':';
    }
    this.nextDeclaration = this.xml.indexOf(NAMESPACE_DECLARATION, this.parser.position);
    if (prefix !== this.prefix || mcPrefix !== this.mcPrefix) this.bindHandlers();
  }

  private bindHandlers(): void {
    this.openHandlers.clear();
    this.closeHandlers.clear();
    // Markup compatibility wins a prefix clash: its elements are never read as WordprocessingML.
    if (this.prefix !== this.mcPrefix) {
      for (const local in OPEN_WORDML) this.openHandlers.set(this.prefix + local, OPEN_WORDML[local]);
      for (const local in CLOSE_WORDML) this.closeHandlers.set(this.prefix + local, CLOSE_WORDML[local]);
    }
    for (const local in OPEN_MARKUP_COMPATIBILITY) this.openHandlers.set(this.mcPrefix + local, OPEN_MARKUP_COMPATIBILITY[local]);
    for (const local in CLOSE_MARKUP_COMPATIBILITY) this.closeHandlers.set(this.mcPrefix + local, CLOSE_MARKUP_COMPATIBILITY[local]);
  }

  /** Where the element just opened starts: saxes reports the position after its `>`. */
  tagStart(): number {
    return this.xml.lastIndexOf('<', this.parser.position - 1);
  }

  currentRow(): RowBuilder | null {
    return this.tableStack.length > 0 ? this.tableStack[this.tableStack.length - 1].row : null;
  }

  currentCell(): CellBuilder | null {
    return this.currentRow()?.current ?? null;
  }

  currentParagraph(): ParagraphBuilder | undefined {
    return this.paragraphStack[this.paragraphStack.length - 1];
  }

  append(s: string): void {
    const p = this.currentParagraph();
    if (!p || this.hiddenRun) return;
    if (this.superscriptRun && s !== '') p.superscripts.push({ start: p.text.length, end: p.text.length + s.length });
    p.text += s;
  }

  /** Adds a body-level block (layout tables are unwrapped already); tables get their index. */
  emit(block: BodyBlock): void {
    if (block.kind === 'table') {
      block.tableIndex = this.nextTableIndex++;
      this.tables.push(block);
    } else this.paragraphs.push(block);
    this.blocks.push(block);
  }

  /** Blocks that belong to whatever encloses the current position: a cell, a text box, or the body after this paragraph. */
  enclosingBlocks(): BodyBlock[] {
    const cell = this.currentCell();
    if (cell) return cell.content;
    if (this.textBoxes.length > 0) return this.textBoxes[this.textBoxes.length - 1].blocks;
    return this.anchoredBlocks;
  }

  intAttr(tag: SaxesTagPlain, fallback: number): number {
    const v = Number.parseInt(tag.attributes[this.prefix + 'val'] ?? '', 10);
    return Number.isFinite(v) && v >= 0 ? v : fallback;
  }

  /** Skips the element's subtree (its text is not what the reader sees). */
  skip(tag: SaxesTagPlain): void {
    this.skipDepth = tag.isSelfClosing ? 0 : 1;
  }

  isRaisedStyle(styleId: string): boolean {
    this.raisedStyles ??= this.loadRaisedStyles();
    return this.raisedStyles.has(styleId);
  }

  finish(): DocumentModel {
    for (const block of this.anchoredBlocks) this.emit(block);
    return { blocks: this.blocks, paragraphs: this.paragraphs, tables: this.tables, xml: this.xml, altChunks: this.altChunks };
  }
}

const inRun = (reader: WordMLReader) => reader.inRun > 0;
/** A WordprocessingML on/off property: on unless its w:val says off. */
const isOn = (value: string | undefined) => value === undefined || !/^(0|false|off)$/.test(value);
/** A handler that appends `text` when inside a run (w:tab, w:br, …). */
const appendInRun = (text: string): OpenHandler => (reader) => {
  if (inRun(reader)) reader.append(text);
};
/**
 * Subtrees whose text is not part of the text the reader sees: tracked deletions and moves away,
 * field instructions, embedded objects. Text boxes (w:txbxContent inside w:drawing or w:pict) are
 * read as blocks of their own, placed after the paragraph that anchors them.
 */
const skipSubtree: OpenHandler = (reader, tag) => reader.skip(tag);

/** What to do when a WordprocessingML element opens, by local name. */
const OPEN_WORDML: Record<string, OpenHandler> = {
  document: (reader) => {
    reader.sawDocument = true;
  },
  body: (reader) => {
    reader.inBody = true;
  },
  altChunk: (reader) => {
    if (reader.inBody) reader.altChunks++;
  },
  del: (reader, tag) => {
    const row = reader.currentRow();
    if (row && !row.current && reader.paragraphStack.length === 0) row.deleted = true; // w:trPr/w:del
    reader.skip(tag);
  },
  moveFrom: skipSubtree,
  // Tracked formatting changes hold the properties as they were (old merges, grid, numbering, hidden text).
  rPrChange: skipSubtree,
  pPrChange: skipSubtree,
  tblPrChange: skipSubtree,
  tblGridChange: skipSubtree,
  trPrChange: skipSubtree,
  tcPrChange: skipSubtree,
  instrText: skipSubtree,
  delInstrText: skipSubtree,
  object: skipSubtree,
  txbxContent: (reader, tag) => {
    if (tag.isSelfClosing) return;
    const { tableStack, paragraphStack, inRun, inText } = reader;
    reader.textBoxes.push({ tableStack, paragraphStack, inRun, inText, blocks: [] });
    reader.tableStack = [];
    reader.paragraphStack = [];
    reader.inRun = 0;
    reader.inText = false;
  },
  p: (reader) => {
    reader.paragraphStack.push({ start: reader.tagStart(), text: '', autoNumbered: false, superscripts: [] });
  },
  numPr: (reader) => {
    const p = reader.currentParagraph();
    if (p && reader.inRun === 0) p.autoNumbered = true;
  },
  r: (reader) => {
    reader.inRun++;
    reader.superscriptRun = false;
    reader.hiddenRun = false;
  },
  vanish: (reader, tag) => {
    if (inRun(reader)) reader.hiddenRun = isOn(tag.attributes[reader.prefix + 'val']);
  },
  rStyle: (reader, tag) => {
    if (inRun(reader) && reader.isRaisedStyle(tag.attributes[reader.prefix + 'val'])) reader.superscriptRun = true;
  },
  vertAlign: (reader, tag) => {
    if (inRun(reader)) reader.superscriptRun = tag.attributes[reader.prefix + 'val'] === 'superscript';
  },
  t: (reader) => {
    if (inRun(reader)) reader.inText = true;
  },
  tab: appendInRun('\t'),
  br: appendInRun('\n'),
  cr: appendInRun('\n'),
  noBreakHyphen: appendInRun('-'),
  tbl: (reader) => {
    reader.tableStack.push({
      table: { kind: 'table', tableIndex: -1, gridColumnCount: 0, rows: [], source: { start: reader.tagStart(), end: 0 } },
      gridCols: 0,
      row: null,
      rowsSeen: 0,
      nested: reader.tableStack.length > 0,
      cellContents: [],
    });
  },
  gridCol: (reader) => {
    if (reader.tableStack.length > 0) reader.tableStack[reader.tableStack.length - 1].gridCols++;
  },
  tr: (reader) => {
    const t = reader.tableStack[reader.tableStack.length - 1];
    if (!t) return;
    t.row = {
      row: { rowIndex: t.rowsSeen++, gridBefore: 0, cells: [], source: { start: reader.tagStart(), end: 0 } },
      gridColumn: 0,
      current: null,
      deleted: false,
    };
  },
  gridBefore: (reader, tag) => {
    const r = reader.currentRow();
    if (!r || r.current) return;
    r.row.gridBefore = reader.intAttr(tag, 0);
    r.gridColumn = r.row.gridBefore;
  },
  tc: (reader) => {
    const r = reader.currentRow();
    if (!r) return;
    r.current = {
      cell: {
        cellIndex: r.row.cells.length, gridColumn: r.gridColumn, gridSpan: 1, verticalMerge: null, rowSpan: 1, text: '', bookmarks: [], superscripts: [],
        source: { start: reader.tagStart(), end: 0 },
      },
      paragraphs: [],
      textLength: 0,
      content: [],
    };
  },
  bookmarkStart: (reader, tag) => {
    const name = tag.attributes[reader.prefix + 'name'];
    if (name) reader.currentCell()?.cell.bookmarks.push(name);
  },
  gridSpan: (reader, tag) => {
    const c = reader.currentCell();
    if (c && reader.paragraphStack.length === 0) c.cell.gridSpan = Math.max(1, reader.intAttr(tag, 1));
  },
  vMerge: (reader, tag) => {
    const c = reader.currentCell();
    if (c && reader.paragraphStack.length === 0) c.cell.verticalMerge = tag.attributes[reader.prefix + 'val'] === 'restart' ? 'restart' : 'continue';
  },
};

/** What to do when a WordprocessingML element closes, by local name. */
const CLOSE_WORDML: Record<string, CloseHandler> = {
  txbxContent: (reader) => {
    const frame = reader.textBoxes.pop();
    if (!frame) return;
    ({ tableStack: reader.tableStack, paragraphStack: reader.paragraphStack, inRun: reader.inRun, inText: reader.inText } = frame);
    // In a cell, the text box belongs to the cell (a layout frame); in the body, after its paragraph.
    reader.enclosingBlocks().push(...frame.blocks);
  },
  body: (reader) => {
    reader.inBody = false;
  },
  r: (reader) => {
    reader.inRun = Math.max(0, reader.inRun - 1);
    reader.superscriptRun = false;
    reader.hiddenRun = false;
  },
  t: (reader) => {
    reader.inText = false;
  },
  p: (reader) => {
    const p = reader.paragraphStack.pop();
    if (!p || !reader.inBody) return;
    const paragraph: Paragraph = {
      kind: 'paragraph', paragraphIndex: reader.paragraphCount++, text: p.text, autoNumbered: p.autoNumbered,
      source: { start: p.start, end: reader.parser.position },
    };
    const cell = reader.currentCell();
    if (cell) {
      const offset = cell.textLength;
      for (const r of p.superscripts) cell.cell.superscripts.push({ start: offset + r.start, end: offset + r.end });
      cell.paragraphs.push(p.text);
      cell.textLength += p.text.length + 1;
      cell.content.push(paragraph);
    } else if (reader.textBoxes.length > 0) {
      reader.textBoxes[reader.textBoxes.length - 1].blocks.push(paragraph);
    } else if (reader.tableStack.length === 0) {
      reader.emit(paragraph);
      const anchored = reader.anchoredBlocks;
      reader.anchoredBlocks = [];
      for (const block of anchored) reader.emit(block);
    }
  },
  tc: (reader) => {
    const t = reader.tableStack[reader.tableStack.length - 1];
    const r = t?.row;
    if (!r?.current) return;
    const c = r.current.cell;
    t.cellContents.push(r.current.content);
    c.text = r.current.paragraphs.join('\n');
    c.source.end = reader.parser.position;
    r.row.cells.push(c);
    r.gridColumn += c.gridSpan;
    r.current = null;
  },
  tr: (reader) => {
    const t = reader.tableStack[reader.tableStack.length - 1];
    if (!t?.row) return;
    t.row.row.source.end = reader.parser.position;
    if (!t.row.deleted) t.table.rows.push(t.row.row);
    t.row = null;
  },
  tbl: (reader) => {
    const t = reader.tableStack.pop();
    if (!t || !reader.inBody) return;
    t.table.source.end = reader.parser.position;
    t.table.gridColumnCount = Math.max(t.gridCols, widestRow(t.table));
    computeRowSpans(t.table);
    // Unwrapped as it closes, after the tables inside it: one level each, however deep the nesting.
    const content = unwrapLayoutTable(t.table, t.cellContents);
    if (t.nested) reader.currentCell()?.content.push(...content);
    else if (reader.textBoxes.length > 0) reader.textBoxes[reader.textBoxes.length - 1].blocks.push(...content);
    // A table whose rows are all deleted under Track Changes is gone for the reader, but Word
    // still counts it until the change is accepted: it keeps its index.
    else if (t.rowsSeen > 0 && t.table.rows.length === 0) reader.nextTableIndex++;
    else for (const block of content) reader.emit(block);
  },
};

/** mc:AlternateContent offers the same content several ways: read the first mc:Choice, else mc:Fallback. */
const openBranch: OpenHandler = (reader, tag) => {
  const { alternates } = reader;
  if (alternates.length === 0 || alternates[alternates.length - 1]) reader.skip(tag);
  else alternates[alternates.length - 1] = true;
};
const OPEN_MARKUP_COMPATIBILITY: Record<string, OpenHandler> = {
  AlternateContent: (reader, tag) => {
    if (!tag.isSelfClosing) reader.alternates.push(false);
  },
  Choice: openBranch,
  Fallback: openBranch,
};
const CLOSE_MARKUP_COMPATIBILITY: Record<string, CloseHandler> = {
  AlternateContent: (reader) => {
    reader.alternates.pop();
  },
};

/** Grid columns reached by the table's widest row. */
function widestRow(table: Table): number {
  let widest = 0;
  for (const row of table.rows) for (const c of row.cells) widest = Math.max(widest, c.gridColumn + c.gridSpan);
  return widest;
}

/**
 * A table whose cells hold tables is a layout frame (web pages converted to Word often put the
 * whole report in one, or lay tables out side by side): its content, cell by cell in reading
 * order, counts as the body's, layout frames inside it unwrapped too. A report table never holds
 * another table, so any other table is itself.
 */
function unwrapLayoutTable(table: Table, cells: BodyBlock[][]): BodyBlock[] {
  if (!cells.some((content) => content.some((b) => b.kind === 'table'))) return [table];
  return cells.flat();
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
