import { FakeDocumentState, FakeOfficeError } from './document';
import { FakeContext } from './objects';

export { FakeDocumentState, FakeOfficeError } from './document';

export type Selection =
  | { kind: 'paragraph'; id: number }
  | { kind: 'cell'; tableId: number; rowIndex: number; cellIndex: number }
  | { kind: 'row'; tableId: number; rowIndex: number };

export interface FakeWordOptions {
  /** The highest WordApi set supported: 1.3 (volume-licensed Office 2019/2021), 1.4 (retail 2208+, 2024), 1.6 (365). */
  api?: 1.3 | 1.4 | 1.6;
  trackingMode?: 'Off' | 'TrackAll' | 'TrackMineOnly';
  // --- where real Word differs from a simple fake (word-addin-notes.md); each can be switched on ---
  /** getOoxml returns a whole package: rels, styles, theme, settings, fontTable (~50 KB besides the body). */
  fullPackages?: boolean;
  /** insertOoxml accepts only a valid package (/_rels/.rels and /word/document.xml parts). */
  strictInsertOoxml?: boolean;
  /** insertOoxml 'After' on a collapsed selection inserts at the caret, splitting its paragraph. */
  caretInsert?: boolean;
  /** Two tables that end up next to each other become one table. */
  joinAdjacentTables?: boolean;
  /** getCell's cellIndex counts visible cells only (vertical-merge continuations skipped). */
  cellIndexing?: 'tc' | 'visible';
  /** body.paragraphs lists an extra item at the end of every table row (row marks). */
  rowMarkParagraphs?: boolean;
  /** Under Track Changes, replaced text and tables stay in the document as tracked deletions. */
  trackedRevisions?: boolean;
  /** Paragraph events fire for the add-in's own edits too. */
  ownEditEvents?: boolean;
  /** The task pane and the ribbon's function file each hold their own copy of the settings. */
  separateSettings?: boolean;
}

/** Every realism option at once. */
export const REAL_WORD: FakeWordOptions = {
  fullPackages: true, strictInsertOoxml: true, caretInsert: true, joinAdjacentTables: true, cellIndexing: 'visible',
  rowMarkParagraphs: true, trackedRevisions: true, ownEditEvents: true, separateSettings: true,
};

/** A failure Word raises when a command whose call label matches runs (per-call injection). */
export interface InjectedFailure {
  match: RegExp;
  code: 'GeneralException' | 'AccessDenied' | 'RequestPayloadSizeLimitExceeded' | 'ResponsePayloadSizeLimitExceeded' | 'Conflict';
  /** How many matching calls fail (default: every one). */
  times?: number;
  /** Matching calls that succeed before the failures start (default 0). */
  after?: number;
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
  /** The document's settings as saved in the file. */
  readonly settingsStore = new Map<string, unknown>();
  /** The task pane's in-memory copy of the settings. */
  settings: FakeSettings;
  /** The ribbon's function file's copy (the pane's own when `separateSettings` is off). */
  ribbonSettings: FakeSettings;
  injected: InjectedFailure[] = [];
  /** Events fired by the fake for the add-in's own edits (ownEditEvents). */
  ownEditEventsFired = 0;

  constructor(documentXml: string, readonly options: FakeWordOptions = {}) {
    this.state = new FakeDocumentState(documentXml);
    this.api = options.api ?? 1.6;
    this.trackingMode = options.trackingMode ?? 'Off';
    this.selection = { kind: 'paragraph', id: this.state.paragraphs[0].id };
    this.settings = new FakeSettings(this.settingsStore);
    this.ribbonSettings = options.separateSettings ? new FakeSettings(this.settingsStore) : this.settings;
  }

  /** Makes matching calls fail at sync, as Word would (protected document, co-authoring, payload limits). */
  failOn(failure: InjectedFailure): void {
    this.injected.push({ ...failure });
  }

  /** `Word` as the host sees it: run(batch), or run(context, batch) to reuse a context (eventContext). */
  get Word(): typeof Word {
    const run = async <T>(first: FakeContext | ((context: FakeContext) => Promise<T>), second?: (context: FakeContext) => Promise<T>): Promise<T> => {
      const context = typeof first === 'function' ? new FakeContext(this) : first;
      const batch = typeof first === 'function' ? first : second!;
      const result = await batch(context);
      if (context.queue.length > 0) await context.sync();
      return result;
    };
    return { run } as unknown as typeof Word;
  }

  /** `Office` as the task pane sees it. */
  get Office(): typeof Office {
    return this.officeWith(this.settings);
  }

  /** `Office` as the ribbon's function file sees it. */
  get RibbonOffice(): typeof Office {
    return this.officeWith(this.ribbonSettings);
  }

  private officeWith(settings: FakeSettings): typeof Office {
    const office = {
      context: {
        requirements: { isSetSupported: (name: string, version?: string) => name === 'WordApi' && Number(version ?? '1.1') <= this.api },
        document: { settings, mode: 'readWrite' },
        diagnostics: { host: 'Word', platform: 'PC', version: '16.0.fake' },
        platform: 'PC',
      },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    };
    return office as unknown as typeof Office;
  }

  /** Whether edits now leave tracked deletions behind (trackedRevisions under Track Changes). */
  tracksRevisions(): boolean {
    return !!this.options.trackedRevisions && this.trackingMode !== 'Off';
  }

  requireApi(version: number, what: string): void {
    if (this.api < version) throw new FakeOfficeError('ApiNotFound', `${what} needs WordApi ${version}.`);
  }

  /** A flat OPC package holding `bodyContent`, as getOoxml returns it (with fullPackages: all the parts Word adds). */
  packageOf(bodyContent: string): string {
    const root = /<w:document\b[^>]*>/.exec(this.state.xml)![0];
    return `<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n<pkg:package xmlns:pkg="${PKG}">${this.options.fullPackages ? packageParts() : ''}<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>`
      + `${root}<w:body>${bodyContent}<w:sectPr/></w:body></w:document></pkg:xmlData></pkg:part></pkg:package>`;
  }

  /** Runs injected failures for a command about to run. */
  failureFor(label: string): FakeOfficeError | null {
    const failure = this.injected.find((f) => f.match.test(label) && (f.times === undefined || f.times > 0));
    if (!failure) return null;
    if ((failure.after ?? 0) > 0) {
      failure.after!--;
      return null;
    }
    if (failure.times !== undefined) failure.times--;
    return new FakeOfficeError(failure.code, `${failure.code} (injected at ${label})`);
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

/**
 * Office.context.document.settings: an in-memory copy of what the document stores. saveAsync
 * writes the whole copy back (so a stale copy overwrites what another copy saved); refreshAsync
 * reloads the copy from the document.
 */
export class FakeSettings {
  private values: Map<string, unknown>;
  constructor(private readonly store: Map<string, unknown> = new Map()) {
    this.values = new Map(store);
  }
  get saved(): Map<string, unknown> {
    return this.store;
  }
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
    this.store.clear();
    for (const [k, v] of this.values) this.store.set(k, structuredClone(v));
    setTimeout(() => callback?.({ status: 'succeeded' }), 0);
  }
  refreshAsync(callback?: (result: { status: string; value: FakeSettings }) => void): void {
    this.values = new Map([...this.store].map(([k, v]) => [k, structuredClone(v)]));
    setTimeout(() => callback?.({ status: 'succeeded', value: this }), 0);
  }
  /** As after closing and reopening the document: only what was saved is there. */
  reopen(): void {
    this.values = new Map([...this.store].map(([k, v]) => [k, structuredClone(v)]));
  }
}

/** The parts Word puts in every getOoxml package besides the body (content only as filler, ~50 KB). */
function packageParts(): string {
  const part = (name: string, type: string, xml: string) => `<pkg:part pkg:name="${name}" pkg:contentType="${type}"><pkg:xmlData>${xml}</pkg:xmlData></pkg:part>`;
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const styles = Array.from({ length: 160 }, (_, i) => `<w:style w:type="paragraph" w:styleId="FakeStyle${i}"><w:name w:val="Fake Style ${i}"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="${i}" w:after="${i}" w:line="360" w:lineRule="auto"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"/><w:sz w:val="32"/></w:rPr></w:style>`).join('');
  const theme = Array.from({ length: 120 }, (_, i) => `<a:font script="S${i}" typeface="Fake Font ${i}"/><a:srgbClr val="${(i * 4099).toString(16).padStart(6, '0').slice(0, 6)}"/>`).join('');
  return part('/_rels/.rels', 'application/vnd.openxmlformats-package.relationships+xml', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    + part('/word/_rels/document.xml.rels', 'application/vnd.openxmlformats-package.relationships+xml', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>')
    + part('/word/styles.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml', `<w:styles ${W}>${styles}</w:styles>`)
    + part('/word/theme/theme1.xml', 'application/vnd.openxmlformats-officedocument.theme+xml', `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements>${theme}</a:themeElements></a:theme>`)
    + part('/word/settings.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml', `<w:settings ${W}><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/></w:settings>`)
    + part('/word/fontTable.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml', `<w:fonts ${W}><w:font w:name="Times New Roman"/><w:font w:name="仿宋_GB2312"/></w:fonts>`);
}
