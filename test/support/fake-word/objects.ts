import { setCellTextXml } from '../../../src/ooxml/cell-xml';
import { childrenNamed, descendants, parseTree } from '../../../src/ooxml/xml-tree';
import { FakeOfficeError, type Element } from './document';
import type { FakeWord } from './index';

/*
 * Client objects of the fake Word API. As in Office.js, every call only queues a command; the
 * commands run in order at context.sync(), and a loaded property can be read only after the sync
 * that loaded it. Objects address their targets by stable ids or by indices resolved when the
 * command runs, so a row inserted earlier in the same batch shifts a later getCell.
 */

export class FakeContext {
  queue: { label: string; run: () => void }[] = [];
  private documentObject: FakeDocumentObject | null = null;

  constructor(public word: FakeWord) {}

  get document(): FakeDocumentObject {
    this.documentObject ??= new FakeDocumentObject(this);
    return this.documentObject;
  }

  enqueue(label: string, run: () => void): void {
    this.word.calls.push(label);
    this.queue.push({ label, run });
  }

  /** Runs the queued commands in order; the first failure rejects, and the commands before it stay done. */
  async sync(): Promise<void> {
    this.word.syncs++;
    this.word.calls.push('sync');
    const queue = this.queue;
    this.queue = [];
    await Promise.resolve();
    if (this.word.failNextSync) {
      this.word.failNextSync = false;
      throw new FakeOfficeError('GeneralException', 'The fake was told to fail this sync.');
    }
    let wrote = false;
    for (const command of queue) {
      const injected = this.word.failureFor(command.label);
      if (injected) throw injected;
      command.run();
      wrote ||= WRITES.test(command.label);
    }
    // Word raises paragraph events for the add-in's own edits as well.
    if (wrote && this.word.options.ownEditEvents && this.word.handlers.length > 0) {
      this.word.ownEditEventsFired++;
      setTimeout(() => void this.word.fire('ParagraphChanged'), 0);
    }
  }
}

const WRITES = /^(TableCell\.value=|Paragraph\.insertText|Range\.insertOoxml|TableRow\.insertRows|Table\.deleteRows|Table\.delete\(\))/;

const notLoaded = (name: string) =>
  new FakeOfficeError('PropertyNotLoaded', `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

abstract class FakeObject {
  protected loaded = new Map<string, unknown>();
  constructor(public context: FakeContext) {}

  protected abstract readonly typeName: string;
  /** The property's current value, read when the load command runs. */
  protected abstract read(name: string): unknown;
  /** Whether the target exists (for *OrNullObject); others throw when missing. */
  protected exists(): boolean {
    return true;
  }

  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  get isNullObject(): boolean {
    return this.get('isNullObject');
  }

  load(spec?: string | string[]): this {
    const names = (Array.isArray(spec) ? spec : (spec ?? '').split(',')).map((s) => s.trim()).filter(Boolean);
    this.context.enqueue(`${this.typeName}.load(${names.join(',')})`, () => {
      const exists = this.exists();
      this.loaded.set('isNullObject', !exists);
      if (exists) for (const name of names) this.loaded.set(name, this.read(name));
    });
    return this;
  }

  protected queue(call: string, run: () => void): void {
    this.context.enqueue(`${this.typeName}.${call}`, run);
  }
}

export class FakeClientResult<T> {
  private resolved = false;
  private result: T | undefined;
  set(value: T): void {
    this.resolved = true;
    this.result = value;
  }
  get value(): T {
    if (!this.resolved) throw notLoaded('value');
    return this.result as T;
  }
}

class FakeCollection<T extends FakeObject> extends FakeObject {
  protected readonly typeName: string;
  constructor(context: FakeContext, typeName: string, private list: () => T[]) {
    super(context);
    this.typeName = typeName;
  }
  get items(): T[] {
    return this.get('items');
  }
  protected read(): unknown {
    return null;
  }
  load(spec?: string): this {
    const itemProps = (spec ?? '').split(',').map((s) => s.trim().replace(/^items\/?/, '')).filter(Boolean);
    this.context.enqueue(`${this.typeName}.load(${spec ?? ''})`, () => {
      const items = this.list();
      for (const item of items) (item as unknown as { fill(names: string[]): void }).fill(itemProps);
      this.loaded.set('items', items);
    });
    return this;
  }
  getFirst(): T {
    return this.list()[0];
  }
}

/** Fills properties at once: items of a collection are loaded by the collection's load command. */
abstract class FakeItem extends FakeObject {
  fill(names: string[]): void {
    this.loaded.set('isNullObject', false);
    for (const name of names) this.loaded.set(name, this.read(name));
  }
}

export class FakeDocumentObject extends FakeObject {
  protected readonly typeName = 'Document';
  readonly body: FakeBody;
  constructor(context: FakeContext) {
    super(context);
    this.body = new FakeBody(context, { kind: 'document' });
  }
  protected read(name: string): unknown {
    if (name === 'changeTrackingMode') {
      this.context.word.requireApi(1.4, 'Document.changeTrackingMode');
      return this.context.word.trackingMode;
    }
    throw new Error(`fake Document has no property ${name}`);
  }
  get changeTrackingMode(): string {
    return this.get('changeTrackingMode');
  }
  set changeTrackingMode(mode: string) {
    this.queue(`changeTrackingMode=${mode}`, () => {
      this.context.word.requireApi(1.4, 'Document.changeTrackingMode');
      this.context.word.trackingMode = mode;
      this.context.word.trackingLog.push(mode);
    });
  }
  getSelection(): FakeRange {
    this.context.word.calls.push('Document.getSelection()');
    return new FakeRange(this.context, { kind: 'selection' });
  }
  get onParagraphChanged() {
    return new FakeEvent(this.context, 'ParagraphChanged');
  }
  get onParagraphAdded() {
    return new FakeEvent(this.context, 'ParagraphAdded');
  }
  get onParagraphDeleted() {
    return new FakeEvent(this.context, 'ParagraphDeleted');
  }
}

class FakeEvent {
  constructor(private context: FakeContext, private name: string) {}
  add(handler: (args: unknown) => Promise<unknown>) {
    const word = this.context.word;
    this.context.enqueue(`Document.on${this.name}.add`, () => {
      word.requireApi(1.6, `Document.on${this.name}`);
      word.handlers.push({ name: this.name, handler });
    });
    const context = this.context;
    return {
      context,
      remove: () => context.enqueue(`Document.on${this.name}.remove`, () => {
        word.handlers = word.handlers.filter((h) => h.handler !== handler || h.name !== this.name);
      }),
    };
  }
}

type BodyTarget = { kind: 'document' } | { kind: 'cell'; cell: FakeTableCell };

export class FakeBody extends FakeObject {
  protected readonly typeName = 'Body';
  constructor(context: FakeContext, private target: BodyTarget) {
    super(context);
  }
  protected read(name: string): unknown {
    if (name === 'text') return this.target.kind === 'cell' ? this.target.cell.currentText() : '';
    throw new Error(`fake Body has no property ${name}`);
  }
  get paragraphs() {
    const word = this.context.word;
    return new FakeCollection(this.context, 'ParagraphCollection', () => {
      const items = word.state.paragraphs.map((p) => ({ at: p.node.start, item: new FakeParagraph(this.context, p.id) }));
      // Real Word lists more than the w:p elements: an item for each table row's end mark.
      if (word.options.rowMarkParagraphs) {
        for (const t of word.state.tables) {
          for (const row of word.state.rows(t)) items.push({ at: row.end - 1, item: new FakeParagraph(this.context, -1, t.depth + 1) });
        }
      }
      return items.sort((a, b) => a.at - b.at).map((x) => x.item);
    });
  }
  get tables() {
    const word = this.context.word;
    return new FakeCollection(this.context, 'TableCollection', () => word.state.tables.map((t) => new FakeTable(this.context, () => t.id)));
  }
  getOoxml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.queue('getOoxml()', () => {
      const word = this.context.word;
      if (word.failures.bodyOoxml) throw new FakeOfficeError('GeneralException', 'GeneralException (body.getOoxml, as with grouped shapes)');
      const body = [...descendants(parseTree(word.state.xml))].find((n) => n.name === 'w:body')!;
      result.set(word.packageOf(word.state.xml.slice(body.openEnd, body.closeStart)));
    });
    return result;
  }
  getRange(location: string = 'Whole'): FakeRange {
    if (this.target.kind !== 'cell') throw new Error('fake: Body.getRange only on cells');
    return new FakeRange(this.context, { kind: 'cell', cell: this.target.cell, location });
  }
  select(): void {
    const target = this.target;
    if (target.kind !== 'cell') throw new Error('fake: Body.select only on cells');
    this.queue('select()', () => {
      const { table, rowIndex, cellIndex } = target.cell.resolve();
      this.context.word.selection = { kind: 'cell', tableId: table.id, rowIndex, cellIndex };
    });
  }
}

export class FakeParagraph extends FakeItem {
  protected readonly typeName = 'Paragraph';
  /** `rowMark`: the nesting level of a row's end mark, an item Word lists that is no w:p. */
  constructor(context: FakeContext, private id: number, private rowMark: number | null = null) {
    super(context);
  }
  private element(): Element {
    if (this.rowMark !== null) throw new FakeOfficeError('GeneralException', 'GeneralException (a row end mark cannot be edited)');
    return this.context.word.state.byId(this.id);
  }
  protected read(name: string): unknown {
    if (this.rowMark !== null) {
      if (name === 'text') return '';
      if (name === 'tableNestingLevel') return this.rowMark;
      if (name === 'isListItem') return false;
    }
    const e = this.element();
    const state = this.context.word.state;
    switch (name) {
      case 'text': return state.paragraphText(e.node);
      case 'tableNestingLevel': return e.depth;
      case 'isListItem': return state.isListItem(e.node);
      default: throw new Error(`fake Paragraph has no property ${name}`);
    }
  }
  get text(): string { return this.get('text'); }
  get tableNestingLevel(): number { return this.get('tableNestingLevel'); }
  get isListItem(): boolean { return this.get('isListItem'); }
  insertText(text: string, location: string): FakeRange {
    if (location !== 'Replace') throw new Error('fake: Paragraph.insertText supports Replace only');
    this.queue(`insertText(${JSON.stringify(text)},${location})`, () => {
      const word = this.context.word;
      if (word.tracksRevisions()) word.state.replaceTracked(this.element().node, text, this.element().id);
      else word.state.setParagraphText(this.element(), text);
    });
    return new FakeRange(this.context, { kind: 'element', id: () => this.id });
  }
  getRange(location: string = 'Whole'): FakeRange {
    if (location !== 'Whole') throw new Error('fake: Paragraph.getRange supports Whole only');
    return new FakeRange(this.context, { kind: 'element', id: () => this.id });
  }
  select(): void {
    this.queue('select()', () => {
      this.element();
      this.context.word.selection = { kind: 'paragraph', id: this.id };
    });
  }
}

export class FakeTable extends FakeItem {
  protected readonly typeName = 'Table';
  constructor(context: FakeContext, private locate: () => number | null, private nullable = false) {
    super(context);
  }
  element(): Element {
    return this.context.word.state.byId(this.locate());
  }
  protected exists(): boolean {
    if (!this.nullable) return true;
    const id = this.locate();
    return id !== null && this.context.word.state.tables.some((t) => t.id === id);
  }
  protected read(name: string): unknown {
    const e = this.element();
    switch (name) {
      case 'nestingLevel': return e.depth + 1;
      case 'rowCount': return this.context.word.state.rows(e).length;
      default: throw new Error(`fake Table has no property ${name}`);
    }
  }
  get nestingLevel(): number { return this.get('nestingLevel'); }
  get rowCount(): number { return this.get('rowCount'); }
  get parentTableOrNullObject(): FakeTable {
    const state = this.context.word.state;
    return new FakeTable(this.context, () => {
      const me = this.element();
      const outer = state.tables.filter((t) => t.node.start < me.node.start && t.node.end > me.node.end);
      return outer.length ? outer[outer.length - 1].id : null;
    }, true);
  }
  getCell(rowIndex: number, cellIndex: number): FakeTableCell {
    const cell = new FakeTableCell(this.context, this, rowIndex, cellIndex, false);
    this.queue(`getCell(${rowIndex},${cellIndex})`, () => { cell.resolve(); });
    return cell;
  }
  getCellOrNullObject(rowIndex: number, cellIndex: number): FakeTableCell {
    this.context.word.calls.push(`Table.getCellOrNullObject(${rowIndex},${cellIndex})`);
    return new FakeTableCell(this.context, this, rowIndex, cellIndex, true);
  }
  getRange(location: string = 'Whole'): FakeRange {
    if (location !== 'Whole') throw new Error('fake: Table.getRange supports Whole only');
    return new FakeRange(this.context, { kind: 'element', id: () => this.locate() });
  }
  get rows() {
    return new FakeCollection(this.context, 'TableRowCollection', () => this.context.word.state.rows(this.element()).map((_, i) => new FakeTableRow(this.context, this, i)));
  }
  deleteRows(rowIndex: number, rowCount = 1): void {
    this.queue(`deleteRows(${rowIndex},${rowCount})`, () => {
      const state = this.context.word.state;
      const rows = state.rows(this.element()).slice(rowIndex, rowIndex + rowCount);
      if (rows.length === 0) throw new FakeOfficeError('ItemNotFound', 'No such row.');
      state.splice(rows[0].start, rows[rows.length - 1].end, '');
    });
  }
  delete(): void {
    this.queue('delete()', () => {
      const e = this.element();
      this.context.word.state.splice(e.node.start, e.node.end, '');
    });
  }
}

export class FakeTableRow extends FakeItem {
  protected readonly typeName = 'TableRow';
  constructor(context: FakeContext, private table: FakeTable, private rowIndex: number) {
    super(context);
  }
  protected read(name: string): unknown {
    const state = this.context.word.state;
    const row = state.rows(this.table.element())[this.rowIndex];
    if (!row) throw new FakeOfficeError('ItemNotFound', 'No such row.');
    if (name === 'cellCount') return childrenNamed(row, 'w:tc').filter((tc) => this.context.word.options.cellIndexing !== 'visible' || !state.isMergeContinuation(tc)).length;
    if (name === 'rowIndex') return this.rowIndex;
    throw new Error(`fake TableRow has no property ${name}`);
  }
  get cellCount(): number { return this.get('cellCount'); }
  /** Copies of this row (cell formatting kept) with the given texts, before or after it. */
  insertRows(location: 'Before' | 'After', rowCount: number, values?: string[][]): void {
    this.queue(`insertRows(${location},${rowCount})`, () => {
      const state = this.context.word.state;
      const table = this.table.element();
      const row = state.rows(table)[this.rowIndex];
      if (!row) throw new FakeOfficeError('ItemNotFound', 'No such row.');
      const copies = Array.from({ length: rowCount }, (_, n) => {
        let xml = state.text(row);
        const cells = childrenNamed(parseTree(xml).children[0], 'w:tc').reverse();
        for (const [i, tc] of cells.entries()) {
          const index = cells.length - 1 - i;
          const value = values?.[n]?.[index] ?? '';
          xml = xml.slice(0, tc.start) + setCellTextXml(xml.slice(tc.start, tc.end), value) + xml.slice(tc.end);
        }
        return xml;
      }).join('');
      const at = location === 'Before' ? row.start : row.end;
      state.splice(at, at, copies);
    });
  }
  select(): void {
    this.queue('select()', () => {
      this.context.word.selection = { kind: 'row', tableId: this.table.element().id, rowIndex: this.rowIndex };
    });
  }
}

export class FakeTableCell extends FakeObject {
  protected readonly typeName = 'TableCell';
  constructor(context: FakeContext, private table: FakeTable, private rowIndex: number, private cellIndex: number, private nullable: boolean) {
    super(context);
  }
  resolve() {
    const table = this.table.element();
    const tc = this.context.word.state.cell(table, this.rowIndex, this.cellIndex, this.context.word.options.cellIndexing === 'visible');
    if (!tc) throw new FakeOfficeError('ItemNotFound', `The requested cell (${this.rowIndex}, ${this.cellIndex}) does not exist.`);
    return { table, tc, rowIndex: this.rowIndex, cellIndex: this.cellIndex };
  }
  currentText(): string {
    return this.context.word.state.cellText(this.resolve().tc);
  }
  protected exists(): boolean {
    try {
      this.resolve();
      return true;
    } catch (error) {
      if (this.nullable) return false;
      throw error;
    }
  }
  protected read(name: string): unknown {
    const { tc } = this.resolve();
    const state = this.context.word.state;
    switch (name) {
      case 'value': return state.cellText(tc);
      case 'rowIndex': return this.rowIndex;
      case 'cellIndex':
        // office-js #3200: a vertically merged cell's cellIndex cannot be loaded.
        if (state.isMergeContinuation(tc)) throw new FakeOfficeError('GeneralException', 'GeneralException');
        return this.cellIndex;
      default: throw new Error(`fake TableCell has no property ${name}`);
    }
  }
  get value(): string { return this.get('value'); }
  set value(text: string) {
    this.queue(`value=${JSON.stringify(text)}`, () => {
      const { tc } = this.resolve();
      const state = this.context.word.state;
      if (state.isMergeContinuation(tc)) throw new FakeOfficeError('GeneralException', 'A merged continuation cell cannot be written.');
      if (this.context.word.tracksRevisions()) state.replaceTracked(tc, text);
      else state.splice(tc.start, tc.end, setCellTextXml(state.text(tc), text));
    });
  }
  get body(): FakeBody {
    return new FakeBody(this.context, { kind: 'cell', cell: this });
  }
  get parentRow(): FakeTableRow {
    return new FakeTableRow(this.context, this.table, this.rowIndex);
  }
}

type RangeTarget =
  | { kind: 'element'; id: () => number | null }
  | { kind: 'cell'; cell: FakeTableCell; location: string }
  | { kind: 'selection' }
  | { kind: 'inserted'; ids: number[] };

export class FakeRange extends FakeObject {
  protected readonly typeName = 'Range';
  constructor(context: FakeContext, private target: RangeTarget) {
    super(context);
  }
  protected read(name: string): unknown {
    throw new Error(`fake Range has no property ${name}`);
  }
  /** The element the range stands for (a selection: the paragraph the cursor is in). */
  private element(): Element {
    const word = this.context.word;
    const t = this.target;
    if (t.kind === 'element') return word.state.byId(t.id());
    if (t.kind === 'selection') return word.state.byId(word.selectionParagraphId());
    if (t.kind === 'cell') {
      const { tc } = t.cell.resolve();
      return word.state.paragraphs.find((p) => p.node.start > tc.start && p.node.end < tc.end)!;
    }
    throw new Error('fake: unsupported range');
  }
  getOoxml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.queue('getOoxml()', () => {
      const word = this.context.word;
      const e = this.element();
      if (e.kind === 'tbl' && word.failures.tableOoxml) throw new FakeOfficeError('GeneralException', 'GeneralException (table getOoxml)');
      // Word puts an empty paragraph after a table in the package it returns.
      result.set(word.packageOf(word.state.text(e.node) + (e.kind === 'tbl' ? '<w:p/>' : '')));
    });
    return result;
  }
  insertOoxml(ooxml: string, location: 'Replace' | 'After' | 'Before'): FakeRange {
    const inserted: RangeTarget & { kind: 'inserted' } = { kind: 'inserted', ids: [] };
    this.queue(`insertOoxml(${location})`, () => {
      const word = this.context.word;
      const state = word.state;
      if (word.options.strictInsertOoxml) requireValidPackage(ooxml);
      const e = this.element();
      let content = bodyContent(ooxml);
      let [start, end] = location === 'Replace' ? [e.node.start, e.node.end] : location === 'After' ? [e.node.end, e.node.end] : [e.node.start, e.node.start];
      if (this.target.kind === 'selection' && location === 'After' && word.options.caretInsert) {
        // A collapsed selection: the content goes in at the caret, splitting its paragraph.
        const [first, second] = state.splitParagraph(e.node);
        content = first + content + second;
        [start, end] = [e.node.start, e.node.end];
      } else if (location === 'Replace' && e.kind === 'tbl' && word.tracksRevisions()) {
        // The old table stays, every row a tracked deletion, until the user accepts.
        const old = state.trackedDeletionOfTable(e.node);
        content = old + content;
      }
      const before = new Set(state.elements.map((x) => x.id));
      state.splice(start, end, content);
      inserted.ids = state.tables.filter((t) => !before.has(t.id) && t.node.start >= start && t.node.end <= start + content.length).map((t) => t.id);
      if (word.options.joinAdjacentTables) state.joinAdjacentTables();
    });
    return new FakeRange(this.context, inserted);
  }
  get tables() {
    const target = this.target;
    if (target.kind !== 'inserted') throw new Error('fake: Range.tables only on inserted ranges');
    // The inserted tables are known only once insertOoxml has run: resolve when used.
    return { getFirst: () => new FakeTable(this.context, () => target.ids[0] ?? null) };
  }
  get paragraphs() {
    return { getFirst: () => new FakeParagraph(this.context, this.element().id) };
  }
  get parentTableOrNullObject(): FakeTable {
    const word = this.context.word;
    return new FakeTable(this.context, () => {
      const p = this.element();
      const around = word.state.tables.filter((t) => t.node.start < p.node.start && t.node.end > p.node.end);
      return around.length ? around[around.length - 1].id : null;
    }, true);
  }
  insertComment(text: string): void {
    const target = this.target;
    this.queue(`insertComment(${JSON.stringify(text)})`, () => {
      const word = this.context.word;
      word.requireApi(1.4, 'Range.insertComment');
      if (target.kind !== 'cell') throw new Error('fake: comments only on cells');
      const { table, rowIndex, cellIndex } = target.cell.resolve();
      word.comments.push({ tableIndex: word.state.topTables.findIndex((t) => t.id === table.id), rowIndex, cellIndex, text });
    });
  }
  select(): void {
    this.queue('select()', () => {
      const e = this.element();
      this.context.word.selection = { kind: 'paragraph', id: e.id };
    });
  }
}

/** Word refuses OOXML that is not a package with its relationships and main document part. */
function requireValidPackage(ooxml: string): void {
  const ok = /<pkg:package[\s>]/.test(ooxml) && ooxml.includes('pkg:name="/_rels/.rels"') && ooxml.includes('pkg:name="/word/document.xml"');
  if (!ok) throw new FakeOfficeError('InvalidArgument', 'insertOoxml: not a valid flat OPC package.');
}

/** The body content (w:p / w:tbl) of a flat OPC package, without section properties. */
function bodyContent(ooxml: string): string {
  ooxml = ooxml.replace(/^(\s*<\?[^>]*\?>)+/, (m) => ' '.repeat(m.length));
  const body = [...descendants(parseTree(ooxml))].find((n) => n.name === 'w:body');
  if (!body) throw new FakeOfficeError('InvalidArgument', 'The OOXML has no w:body.');
  return body.children.filter((c) => c.name !== 'w:sectPr').map((c) => ooxml.slice(c.start, c.end)).join('');
}
