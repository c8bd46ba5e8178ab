/*
 * Browser entry for the Word-mode tests: installs `Office` and `Word` globals backed by the
 * recording fake (test/support/fake-word) over a real .docx, the way office.js would inside Word.
 * Bundled by ./bundle-fake-office.ts and served in place of the office.js CDN script; the tests
 * read the fake's state back through `window.__fakeOffice`. No Node built-ins here.
 */
import { docxBytes, documentXmlOf, openDocx, withDocument, type DocxPackage } from '../../../src/hosts/docx';
import { FakeWord, type FakeWordOptions } from '../fake-word';

export interface InstallOptions extends FakeWordOptions {
  /** Paragraph (Word's body.paragraphs index) holding the cursor; default the first. */
  cursorParagraph?: number;
  /** Office.context.officeTheme (Office's colours for the pane), absent by default. */
  officeTheme?: { bodyBackgroundColor: string; bodyForegroundColor?: string };
}

/** Where the fake's selection is, in the engine's terms (top-level table index, or paragraph index). */
export type FakeSelection =
  | { tableIndex: number; rowIndex: number; cellIndex: number }
  | { tableIndex: number; rowIndex: number; cellIndex: null }
  | { paragraphIndex: number };

let word: FakeWord | null = null;
let pkg: DocxPackage | null = null;

const installed = (): FakeWord => {
  if (!word) throw new Error('fake Office not installed');
  return word;
};

/** Creates the fake over the .docx (base64) and sets `window.Office` / `window.Word`. */
export function install(docxBase64: string, options: InstallOptions = {}): void {
  pkg = openDocx(fromBase64(docxBase64));
  word = new FakeWord(documentXmlOf(pkg), options);
  if (options.cursorParagraph !== undefined) word.selectParagraph(options.cursorParagraph);
  const office = word.Office as unknown as Record<string, unknown>;
  Object.assign(office, {
    HostType: { Word: 'Word', Excel: 'Excel', PowerPoint: 'PowerPoint', Outlook: 'Outlook' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
    onReady: (callback?: (info: unknown) => void) => {
      const info = { host: 'Word', platform: 'PC' };
      callback?.(info);
      return Promise.resolve(info);
    },
  });
  if (options.officeTheme) (office.context as Record<string, unknown>).officeTheme = options.officeTheme;
  const w = window as unknown as Record<string, unknown>;
  w.Office = office;
  w.Word = word.Word;
}

export function selection(): FakeSelection {
  const fake = installed();
  const s = fake.selection;
  if (s.kind === 'paragraph') return { paragraphIndex: fake.state.paragraphs.findIndex((p) => p.id === s.id) };
  const tableIndex = fake.state.topTables.findIndex((t) => t.id === s.tableId);
  return s.kind === 'cell' ? { tableIndex, rowIndex: s.rowIndex, cellIndex: s.cellIndex } : { tableIndex, rowIndex: s.rowIndex, cellIndex: null };
}

/** Every API call the fake recorded, in order ("sync" between batches). */
export function calls(): string[] {
  return [...installed().calls];
}

/** The fake's document as it is now, as a .docx (base64): the original package with its document.xml. */
export function documentBase64(): string {
  const fake = installed();
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${fake.state.xml}`;
  return toBase64(docxBytes(withDocument(pkg!, xml, [])));
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
