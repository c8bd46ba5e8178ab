import { bodyBlocks } from '../../../src/hosts/word/flat-opc';
import { childrenNamed, type XmlNode } from '../../../src/ooxml/xml-tree';
import type { WpsApplication, WpsCell, WpsCollection, WpsDocument, WpsParagraph, WpsRange, WpsTable, WpsVariable } from '../../../src/hosts/wps/wps-api';
import { FakeDocumentState, type Element } from '../fake-word/document';

/*
 * A fake of WPS 文字's JavaScript object model (Word's classic model) over a real document.xml:
 * synchronous, 1-based collections, a cell's Range.Text ending in "\r\u0007" and a paragraph's in
 * "\r", Table.Cell(r, c) raising for a vertically merged-away cell, Range.Cells skipping such
 * cells (so the row's ColumnIndex values have a gap), Document.Paragraphs leaving out the
 * paragraphs of merged-away cells. Every call that reads structure or writes is recorded.
 */

export interface FakeWpsOptions {
  /** Range.WordOpenXML exists (default true); false: the host must rebuild tables from cells. */
  wordOpenXml?: boolean;
  /** Range.InsertXML exists (default true). */
  insertXml?: boolean;
  name?: string;
}

export class FakeWpsError extends Error {}

type Selection = { kind: 'paragraph'; id: number } | { kind: 'cell'; tableId: number; rowIndex: number; cellIndex: number };

export class FakeWps {
  state: FakeDocumentState;
  calls: string[] = [];
  variables: { Name: string; Value: string }[] = [];
  comments: { text: string; cellText: string }[] = [];
  trackRevisions = false;
  /** TrackRevisions at each write, to check fixes went in as 修订 when asked. */
  writesTracked: boolean[] = [];
  selection: Selection;
  readonly wordOpenXml: boolean;
  readonly insertXml: boolean;
  readonly name: string;

  constructor(documentXml: string, options: FakeWpsOptions = {}) {
    this.state = new FakeDocumentState(documentXml);
    this.wordOpenXml = options.wordOpenXml ?? true;
    this.insertXml = options.insertXml ?? true;
    this.name = options.name ?? '年度报告.docx';
    this.selection = { kind: 'paragraph', id: this.state.paragraphs[0].id };
  }

  /** `wps.WpsApplication()` as the host sees it (one object, as WPS's). */
  readonly application: WpsApplication = this.makeApplication();

  private makeApplication(): WpsApplication {
    const fake = this;
    return {
      get ActiveDocument() {
        return fake.document();
      },
      get Selection() {
        return { Range: fake.selectionRange() };
      },
    };
  }

  // --- what the tests inspect or do as a user ---

  topTable(tableIndex: number): Element {
    return this.state.topTables[tableIndex];
  }

  cellText(tableIndex: number, rowIndex: number, cellIndex: number): string {
    return this.state.cellText(this.state.cell(this.topTable(tableIndex), rowIndex, cellIndex)!);
  }

  typeIntoCell(tableIndex: number, rowIndex: number, cellIndex: number, text: string): void {
    this.state.setCellText(this.topTable(tableIndex), rowIndex, cellIndex, text);
  }

  selectParagraph(paragraphIndex: number): void {
    this.selection = { kind: 'paragraph', id: this.state.paragraphs[paragraphIndex].id };
  }

  /** Where the selection is, in the engine's terms (XML paragraph index, or top-level table cell). */
  selected(): { paragraphIndex: number } | { tableIndex: number; rowIndex: number; cellIndex: number } {
    const s = this.selection;
    if (s.kind === 'paragraph') return { paragraphIndex: this.state.paragraphs.findIndex((p) => p.id === s.id) };
    return { tableIndex: this.state.topTables.findIndex((t) => t.id === s.tableId), rowIndex: s.rowIndex, cellIndex: s.cellIndex };
  }

  // --- the object model ---

  record(call: string): void {
    this.calls.push(call);
  }

  write(call: string, run: () => void): void {
    this.record(call);
    this.writesTracked.push(this.trackRevisions);
    run();
  }

  /** Paragraphs as WPS counts them: those of merged-away cells are not there. */
  visibleParagraphs(): Element[] {
    const hidden = this.state.tables.flatMap((t) => this.state.rows(t).flatMap((row) => childrenNamed(row, 'w:tc').filter((tc) => this.state.isMergeContinuation(tc))));
    return this.state.paragraphs.filter((p) => !hidden.some((tc) => p.node.start > tc.start && p.node.end < tc.end));
  }

  outerTableOf(p: Element): Element | null {
    return this.state.topTables.find((t) => p.node.start > t.node.start && p.node.end < t.node.end) ?? null;
  }

  document(): WpsDocument {
    const fake = this;
    const variables = Object.assign(collection('Variables', this, () => this.variables.map((v) => variableObject(v, fake))), {
      Add: (name: string, value: string) => {
        fake.record(`Variables.Add(${name})`);
        const v = { Name: name, Value: value };
        fake.variables.push(v);
        return variableObject(v, fake);
      },
    });
    return {
      Name: this.name,
      get Tables() {
        return collection('Tables', fake, () => fake.state.topTables.map((t) => tableObject(fake, t.id)));
      },
      get Paragraphs() {
        return collection('Paragraphs', fake, () => fake.visibleParagraphs().map((p) => paragraphObject(fake, p.id)));
      },
      Variables: variables,
      Comments: {
        Add: (range: WpsRange, text: string) => {
          fake.record('Comments.Add');
          fake.comments.push({ text, cellText: range.Text });
          return {};
        },
      },
      get TrackRevisions() {
        return fake.trackRevisions;
      },
      set TrackRevisions(value: boolean) {
        fake.record(`TrackRevisions=${value}`);
        fake.trackRevisions = value;
      },
      get Content() {
        return rangeObject(fake, { kind: 'content' });
      },
    };
  }

  selectionRange(): WpsRange {
    const s = this.selection;
    if (s.kind === 'paragraph') return rangeObject(this, { kind: 'paragraph', id: s.id });
    return rangeObject(this, { kind: 'cell', tableId: s.tableId, rowIndex: s.rowIndex, cellIndex: s.cellIndex });
  }
}

function collection<T>(name: string, fake: FakeWps, list: () => T[]): WpsCollection<T> {
  return {
    get Count() {
      return list().length;
    },
    Item(index: number) {
      const all = list();
      if (!Number.isInteger(index) || index < 1 || index > all.length) throw new FakeWpsError(`${name}.Item(${index}): 集合所要求的成员不存在。`);
      fake.record(`${name}.Item(${index})`);
      return all[index - 1];
    },
  };
}

function variableObject(v: { Name: string; Value: string }, fake: FakeWps): WpsVariable {
  return {
    get Name() {
      return v.Name;
    },
    get Value() {
      return v.Value;
    },
    set Value(value: string) {
      fake.record(`Variable.Value(${v.Name})`);
      v.Value = value;
    },
    Delete: () => {
      fake.variables.splice(fake.variables.indexOf(v), 1);
    },
  };
}

function paragraphObject(fake: FakeWps, id: number): WpsParagraph {
  return {
    get Range() {
      return rangeObject(fake, { kind: 'paragraph', id });
    },
  };
}

function tableObject(fake: FakeWps, id: number): WpsTable {
  const element = () => fake.state.byId(id);
  return {
    get Range() {
      return rangeObject(fake, { kind: 'table', id });
    },
    get Rows() {
      return { Count: fake.state.rows(element()).length };
    },
    Cell(row: number, column: number): WpsCell {
      fake.record(`Table.Cell(${row},${column})`);
      const tc = fake.state.cell(element(), row - 1, column - 1);
      if (!tc) throw new FakeWpsError('集合所要求的成员不存在。');
      if (fake.state.isMergeContinuation(tc)) throw new FakeWpsError('无法访问此集合中单独的行，因为表格有纵向合并的单元格。');
      return cellObject(fake, id, row - 1, column - 1);
    },
    Delete: () => fake.write('Table.Delete()', () => fake.state.splice(element().node.start, element().node.end, '')),
  };
}

function cellObject(fake: FakeWps, tableId: number, rowIndex: number, cellIndex: number): WpsCell {
  return {
    get Range() {
      return rangeObject(fake, { kind: 'cell', tableId, rowIndex, cellIndex });
    },
    RowIndex: rowIndex + 1,
    ColumnIndex: cellIndex + 1,
    get Width() {
      return cellWidth(fake, tableId, rowIndex, cellIndex);
    },
    Select: () => {
      fake.record('Cell.Select()');
      fake.selection = { kind: 'cell', tableId, rowIndex, cellIndex };
    },
  };
}

type Target =
  | { kind: 'content' }
  | { kind: 'paragraph'; id: number }
  | { kind: 'table'; id: number }
  | { kind: 'cell'; tableId: number; rowIndex: number; cellIndex: number };

/** A Range over a paragraph, table, cell or the whole story; Collapse(end) makes it an insertion point after it. */
function rangeObject(fake: FakeWps, target: Target): WpsRange {
  const state = fake.state;
  let collapsedAtEnd = false;
  let withoutMark = false;
  const element = (): Element => {
    if (target.kind === 'paragraph' || target.kind === 'table') return state.byId(target.id);
    if (target.kind === 'cell') return state.byId(target.tableId);
    throw new FakeWpsError('not an element range');
  };
  const tc = () => {
    if (target.kind !== 'cell') throw new FakeWpsError('not a cell');
    return state.cell(state.byId(target.tableId), target.rowIndex, target.cellIndex)!;
  };
  /** The paragraph this range starts in (a cell's first). */
  const paragraph = (): Element => {
    if (target.kind === 'paragraph') return state.byId(target.id);
    const cell = tc();
    return state.paragraphs.find((p) => p.node.start > cell.start && p.node.end < cell.end)!;
  };
  const inCell = (p: Element) => state.tables.some((t) => p.node.start > t.node.start && p.node.end < t.node.end);
  const range: WpsRange = {
    get Text() {
      if (target.kind === 'cell') return childrenNamed(tc(), 'w:p').map((p) => state.paragraphText(p)).join('\r') + '\r\u0007';
      if (target.kind === 'paragraph') {
        const p = element();
        const text = state.paragraphText(p.node);
        if (withoutMark) return text;
        const lastInCell = inCell(p) && state.tables.some((t) => state.rows(t).some((row) => childrenNamed(row, 'w:tc').some((c) => { const ps = childrenNamed(c, 'w:p'); return ps[ps.length - 1] === p.node; })));
        return text + (lastInCell ? '\r\u0007' : '\r');
      }
      throw new FakeWpsError('Text of this range is not modelled');
    },
    set Text(value: string) {
      if (target.kind === 'cell') {
        const t = target;
        fake.write(`Cell.Range.Text=${JSON.stringify(value)}`, () => state.setCellText(state.byId(t.tableId), t.rowIndex, t.cellIndex, value));
      } else if (target.kind === 'paragraph') {
        // Replacing the paragraph mark too would join this paragraph with the next.
        if (!withoutMark) throw new FakeWpsError('the paragraph mark would be replaced: the paragraph would be joined with the next one');
        fake.write(`Paragraph.Range.Text=${JSON.stringify(value)}`, () => state.setParagraphText(element(), value));
      } else throw new FakeWpsError('Text of this range cannot be set here');
    },
    get WordOpenXML() {
      if (!fake.wordOpenXml) return undefined;
      fake.record(`Range.WordOpenXML(${target.kind})`);
      if (target.kind === 'content') return wholePackageOf(fake);
      if (target.kind !== 'table') throw new FakeWpsError('WordOpenXML modelled for tables and the whole document only');
      return packageOf(fake, state.text(element().node) + '<w:p/>');
    },
    get Tables() {
      const p = target.kind === 'table' ? null : paragraph();
      const outer = target.kind === 'table' ? element() : p && fake.outerTableOf(p);
      return collection('Range.Tables', fake, () => (outer ? [tableObject(fake, outer.id)] : []));
    },
    get Paragraphs() {
      return collection('Range.Paragraphs', fake, () => [paragraphObject(fake, paragraph().id)]);
    },
    get Cells() {
      if (target.kind !== 'table') throw new FakeWpsError('Cells modelled for tables only');
      fake.record('Table.Range.Cells');
      const table = element();
      return collection('Cells', fake, () => state.rows(table).flatMap((row, r) => childrenNamed(row, 'w:tc').flatMap((c, i) => (state.isMergeContinuation(c) ? [] : [cellObject(fake, table.id, r, i)]))));
    },
    get ListFormat() {
      return { ListString: target.kind === 'paragraph' && state.isListItem(element().node) ? '1.' : '' };
    },
    Collapse(direction: 0 | 1) {
      if (direction !== 0) throw new FakeWpsError('only wdCollapseEnd is modelled');
      collapsedAtEnd = true;
    },
    MoveEnd(unit: 1, count: number) {
      if (target.kind !== 'paragraph' || unit !== 1 || count !== -1) throw new FakeWpsError('only MoveEnd(wdCharacter, -1) on a paragraph is modelled');
      withoutMark = true;
      return -1;
    },
    Select() {
      fake.record('Range.Select()');
      if (target.kind === 'cell') fake.selection = { kind: 'cell', tableId: target.tableId, rowIndex: target.rowIndex, cellIndex: target.cellIndex };
      else fake.selection = { kind: 'paragraph', id: paragraph().id };
    },
  };
  if (fake.insertXml) {
    range.InsertXML = (xml: string) => {
      const content = bodyBlocks(xml).map((b) => b.xml).join('');
      if (target.kind === 'content') throw new FakeWpsError('InsertXML on the whole story is not modelled');
      const e = target.kind === 'cell' ? paragraph() : element();
      // Collapsed at the end of a paragraph or table: the insertion point is just after it.
      if (collapsedAtEnd) fake.write('Range.InsertXML(after)', () => state.splice(e.node.end, e.node.end, content));
      else if (target.kind === 'table') fake.write('Range.InsertXML(table)', () => state.splice(e.node.start, e.node.end, content));
      else throw new FakeWpsError('InsertXML over a paragraph or cell is not modelled');
    };
  }
  return range;
}

/** The whole document as Word gives Content.WordOpenXML: relationships, then the main part. */
function wholePackageOf(fake: FakeWps): string {
  return '<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
    + '<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships></pkg:xmlData></pkg:part>'
    + `<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>${fake.state.xml.replace(/^<\?xml[^>]*\?>\s*/, '')}</pkg:xmlData></pkg:part></pkg:package>`;
}

function packageOf(fake: FakeWps, bodyContent: string): string {
  const root = /<w:document\b[^>]*>/.exec(fake.state.xml)![0];
  return '<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>'
    + `${root}<w:body>${bodyContent}<w:sectPr/></w:body></w:document></pkg:xmlData></pkg:part></pkg:package>`;
}

/** A cell's width in points from the table's grid (twips): the grid columns it spans. */
function cellWidth(fake: FakeWps, tableId: number, rowIndex: number, cellIndex: number): number {
  const state = fake.state;
  const table = state.byId(tableId);
  const grid = childrenNamed(table.node.children.find((c) => c.name === 'w:tblGrid')!, 'w:gridCol').map((g) => Number(g.attributes['w:w']) || 0);
  const row = state.rows(table)[rowIndex];
  const span = (tc: XmlNode) => Number(tc.children.find((c) => c.name === 'w:tcPr')?.children.find((c) => c.name === 'w:gridSpan')?.attributes['w:val'] ?? 1);
  const trPr = row.children.find((c) => c.name === 'w:trPr');
  let column = Number(trPr?.children.find((c) => c.name === 'w:gridBefore')?.attributes['w:val'] ?? 0);
  const cells = childrenNamed(row, 'w:tc');
  for (const tc of cells.slice(0, cellIndex)) column += span(tc);
  return grid.slice(column, column + span(cells[cellIndex])).reduce((n, w) => n + w, 0) / 20;
}
