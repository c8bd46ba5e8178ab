/*
 * Browser entry for the WPS task pane tests: installs `window.wps` (WpsApplication()) backed by the
 * fake WPS over a real .docx, as WPS does for an add-in page. Bundled by ./bundle.ts and run as an
 * init script before the page's own; the tests read the fake back through `window.__fakeWps`.
 */
import { docxBytes, documentXmlOf, openDocx, withDocument, type DocxPackage } from '../../../src/hosts/docx';
import { FakeWps, type FakeWpsOptions } from './index';

let fake: FakeWps | null = null;
let pkg: DocxPackage | null = null;

export function install(docxBase64: string, options: FakeWpsOptions & { cursorParagraph?: number } = {}): void {
  pkg = openDocx(Uint8Array.from(atob(docxBase64), (c) => c.charCodeAt(0)));
  fake = new FakeWps(documentXmlOf(pkg), options);
  if (options.cursorParagraph !== undefined) fake.selectParagraph(options.cursorParagraph);
  const application = fake.application;
  (window as unknown as Record<string, unknown>).wps = { WpsApplication: () => application };
}

const installed = (): FakeWps => {
  if (!fake) throw new Error('fake WPS not installed');
  return fake;
};

export const calls = (): string[] => [...installed().calls];
export const selected = () => installed().selected();

/** The fake's document now, as a .docx (base64): the original package with its document.xml. */
export function documentBase64(): string {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${installed().state.xml}`;
  const bytes = docxBytes(withDocument(pkg!, xml, []));
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
