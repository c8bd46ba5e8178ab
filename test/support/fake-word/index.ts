import { FakeDocumentState, FakeOfficeError } from './document';
import { FakeContext } from './objects';

export { FakeDocumentState, FakeOfficeError } from './document';

export type Selection =
  | { kind: 'paragraph'; id: number }
  | { kind: 'cell'; tableId: number; rowIndex: number; cellIndex: number }
  | { kind: 'row'; tableId: number; rowIndex: number };

export interface FakeWordOptions {
  /** The highest WordApi set supported: 1.3 (Word 2016 updates), 1.4 (2019), 1.6 (365). */
  api?: 1.3 | 1.4 | 1.6;
  trackingMode?: 'Off' | 'TrackAll' | 'TrackMineOnly';
}

const PKG = 'http://schemas.microsoft.com/office/2006/xmlPackage';

/**
 * A recording fake of Word's JavaScript API over a real document.xml: commands queue until
 * context.sync(), loaded properties resolve only after it, *OrNullObject gives null objects,
 * failures can be injected, and every call and sync is recorded for the tests to count.
 */
export class FakeWord {
  state: FakeDocumentState;
  api: number;
  calls: string[] = [];
  syncs = 0;
  failures = { tableOoxml: false, bodyOoxml: false };
  failNextSync = false;
  trackingMode: string;
  trackingLog: string[] = [];
  comments: { tableIndex: number; rowIndex: number; cellIndex: number; text: string }[] = [];
  handlers: { name: string; handler: (args: unknown) => Promise<unknown> }[] = [];
  selection: Selection;
  settings = new FakeSettings();

  constructor(documentXml: string, options: FakeWordOptions = {}) {
    this.state = new FakeDocumentState(documentXml);
    this.api = options.api ?? 1.6;
    this.trackingMode = options.trackingMode ?? 'Off';
    this.selection = { kind: 'paragraph', id: this.state.paragraphs[0].id };
  }

  /** `Word` as the host sees it. */
  get Word(): typeof Word {
    const run = async <T>(batch: (context: FakeContext) => Promise<T>): Promise<T> => {
      const context = new FakeContext(this);
      const result = await batch(context);
      if (context.queue.length > 0) await context.sync();
      return result;
    };
    return { run } as unknown as typeof Word;
  }

  /** `Office` as the host sees it. */
  get Office(): typeof Office {
    const office = {
      context: {
        requirements: { isSetSupported: (name: string, version?: string) => name === 'WordApi' && Number(version ?? '1.1') <= this.api },
        document: { settings: this.settings },
      },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    };
    return office as unknown as typeof Office;
  }

  requireApi(version: number, what: string): void {
    if (this.api < version) throw new FakeOfficeError('ApiNotFound', `${what} needs WordApi ${version}.`);
  }

  /** A flat OPC package holding `bodyContent`, as getOoxml returns it. */
  packageOf(bodyContent: string): string {
    const root = /<w:document\b[^>]*>/.exec(this.state.xml)![0];
    return `<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n<pkg:package xmlns:pkg="${PKG}"><pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>`
      + `${root}<w:body>${bodyContent}<w:sectPr/></w:body></w:document></pkg:xmlData></pkg:part></pkg:package>`;
  }

  selectionParagraphId(): number {
    const s = this.selection;
    if (s.kind === 'paragraph') return s.id;
    const table = this.state.byId(s.tableId);
    const tc = s.kind === 'cell' ? this.state.cell(table, s.rowIndex, s.cellIndex)! : this.state.rows(table)[s.rowIndex];
    return this.state.paragraphs.find((p) => p.node.start > tc.start && p.node.end < tc.end)!.id;
  }

  // --- what the tests do to the document, as a user would ---

  topTable(tableIndex: number) {
    return this.state.topTables[tableIndex];
  }

  cellText(tableIndex: number, rowIndex: number, cellIndex: number): string {
    return this.state.cellText(this.state.cell(this.topTable(tableIndex), rowIndex, cellIndex)!);
  }

  /** The user types into a cell (between a check and a fix: the fix becomes stale). */
  typeIntoCell(tableIndex: number, rowIndex: number, cellIndex: number, text: string): void {
    this.state.setCellText(this.topTable(tableIndex), rowIndex, cellIndex, text);
  }

  selectCell(tableIndex: number, rowIndex: number, cellIndex: number): void {
    this.selection = { kind: 'cell', tableId: this.topTable(tableIndex).id, rowIndex, cellIndex };
  }

  selectParagraph(paragraphIndex: number): void {
    this.selection = { kind: 'paragraph', id: this.state.paragraphs[paragraphIndex].id };
  }

  /** Word raises a paragraph event (WordApi 1.6). */
  async fire(name: 'ParagraphChanged' | 'ParagraphAdded' | 'ParagraphDeleted'): Promise<void> {
    for (const h of this.handlers.filter((x) => x.name === name)) await h.handler({ type: name });
  }

  /** Syncs recorded since `mark` (a previous value of `syncs`). */
  syncsSince(mark: number): number {
    return this.syncs - mark;
  }
}

/** Office.context.document.settings: values in memory, persisted on saveAsync. */
export class FakeSettings {
  private values = new Map<string, unknown>();
  saved = new Map<string, unknown>();
  get(name: string): unknown {
    return this.values.has(name) ? structuredClone(this.values.get(name)) : null;
  }
  set(name: string, value: unknown): void {
    this.values.set(name, structuredClone(value));
  }
  remove(name: string): void {
    this.values.delete(name);
  }
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void {
    this.saved = new Map(this.values);
    setTimeout(() => callback?.({ status: 'succeeded' }), 0);
  }
  /** As after closing and reopening the document: only what was saved is there. */
  reopen(): void {
    this.values = new Map(this.saved);
  }
}
