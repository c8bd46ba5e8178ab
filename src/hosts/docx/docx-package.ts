import { strToU8 } from 'fflate';
import { DocumentReadError, extractDocumentXml, raisedStyleIds, raisedStylesOfPackage } from '../../docmodel';
import { decodeXml, isZip, openWordPackage, relationshipsOf, resolvePartName, type WordPackage } from '../../docmodel/open-package';
import type { PackageLimits } from '../../docmodel/zip-archive';
import { canonicalForm } from '../../ooxml/canonical-prefixes';
import { nextMarkId } from '../../ooxml/mark-ids';
import { assertWellFormed } from './verify-output';
import { escapeXml } from '../../ooxml/xml-tree';
import type { NewComment } from './apply-edits';
import { copiedEntry, newEntry, writeZip } from './zip-writer';

const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const STRICT_COMMENTS_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/comments';
const COMMENTS_REL_TYPE = /\/relationships\/comments$/;
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const STRICT_W_NS = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
export const COMMENT_AUTHOR = '政务公开年报检查';

/**
 * The parts of an opened .docx by name. A part is inflated when first asked for (within the
 * package limits) and remembered; parts never asked for are never inflated, and parts never set
 * are written back as the very compressed bytes they came as. Iterating gives only the parts read
 * or set so far; every part of the package is in `source.archive.entries`.
 */
export class PackageParts extends Map<string, Uint8Array> {
  /** Parts given new content (or added), which are the only ones compressed anew. */
  readonly changed = new Set<string>();

  constructor(readonly source: WordPackage, from?: PackageParts) {
    super();
    if (from) {
      for (const [name, bytes] of Map.prototype.entries.call(from) as Iterable<[string, Uint8Array]>) super.set(name, bytes);
      for (const name of from.changed) this.changed.add(name);
    }
  }

  /** Zip names compare case-insensitively in OPC: a part keeps the name it has in the archive. */
  private canonical(name: string): string {
    return this.source.entry(name)?.name ?? name;
  }

  override get(name: string): Uint8Array | undefined {
    const key = this.canonical(name);
    if (!super.has(key)) {
      const bytes = this.source.read(key);
      if (bytes) super.set(key, bytes);
    }
    return super.get(key);
  }

  override has(name: string): boolean {
    return super.has(this.canonical(name)) || this.source.entry(name) !== null;
  }

  override set(name: string, bytes: Uint8Array): this {
    const key = this.canonical(name);
    this.changed.add(key);
    return super.set(key, bytes);
  }
}

/** An opened .docx: every part as it was, in its original order. */
export interface DocxPackage {
  parts: PackageParts;
  mainPart: string;
  /** XML text rather than a zip: the main part is the whole file. */
  flat?: boolean;
}

/**
 * Opens what lint accepts: a .docx, or XML text (a flat OPC package as Word saves "Word XML
 * 文档", or a bare document.xml), which is fixed as the one text it is.
 */
export function openDocx(bytes: Uint8Array, limits?: PackageLimits): DocxPackage {
  if (!isZip(bytes)) {
    const xml = extractDocumentXml(bytes, limits); // says what the file is (encrypted, .doc, PDF …) when it is not XML
    return { parts: new PackageParts(flatSource(strToU8(xml))), mainPart: FLAT_MAIN_PART, flat: true };
  }
  const source = openWordPackage(bytes, limits);
  return { parts: new PackageParts(source), mainPart: source.mainPart };
}

/** The name the whole XML text of a flat file goes by. */
const FLAT_MAIN_PART = 'flat.xml';
const flatSource = (bytes: Uint8Array): WordPackage => ({
  archive: { bytes: new Uint8Array(), entries: [] },
  mainPart: FLAT_MAIN_PART,
  entry: () => null,
  read: (name) => (name === FLAT_MAIN_PART ? bytes : null),
});

/** Whether the package holds macros (a .docm's content type): such content must stay in a .docm file. */
export function isMacroEnabled(pkg: DocxPackage): boolean {
  const types = pkg.parts.get('[Content_Types].xml');
  return (types ? decodeXml(types) : '').includes('macroEnabled') || pkg.parts.has('word/vbaProject.bin');
}

/**
 * The main document as the edits speak it: WordprocessingML under `w:` whatever prefix the file
 * uses (withDocument translates back). A document whose prefixes cannot be translated faithfully is
 * refused for fixing (it can still be checked).
 */
export function documentXmlOf(pkg: DocxPackage): string {
  return canonicalMain(pkg).xml;
}

const canonicalForms = new WeakMap<DocxPackage, { xml: string; restore: (edited: string) => string }>();

function canonicalMain(pkg: DocxPackage): { xml: string; restore: (edited: string) => string } {
  const known = canonicalForms.get(pkg);
  if (known) return known;
  const form = canonicalForm(decodeXml(pkg.parts.get(pkg.mainPart)!));
  if (form) canonicalForms.set(pkg, form);
  else throw new DocumentReadError('fix-refused', '此文件的 XML 命名空间写法特殊（同一命名空间用了多个前缀），无法安全地自动修复；检查结果不受影响。请在 Word 或 WPS 中打开并另存为 .docx 后再修复。');
  return form;
}

/** The character styles that make a run superscript (note marks): the lint of every pass must read them as lintDocx does. */
export function raisedStylesOf(pkg: DocxPackage): ReadonlySet<string> {
  return pkg.flat ? raisedStyleIds(documentXmlOf(pkg)) : raisedStylesOfPackage(pkg.mainPart, (name) => pkg.parts.get(name));
}

/** The first comment id not used by the document or its comments part. */
export function nextCommentId(pkg: DocxPackage, documentXml: string): number {
  return nextMarkId(documentXml, commentsXmlOf(pkg.parts, existingCommentsPart(pkg.parts, pkg.mainPart))?.xml ?? null);
}

/** A copy of the package with a new main document and, if any, the new comments added. */
export function withDocument(pkg: DocxPackage, documentXml: string, comments: NewComment[]): DocxPackage {
  const parts = new PackageParts(pkg.parts.source, pkg.parts);
  const restored = canonicalMain(pkg).restore(documentXml);
  assertWellFormed(restored);
  parts.set(pkg.mainPart, strToU8(declaredUtf8(restored)));
  if (comments.length > 0 && pkg.flat) {
    // The flat text has no separate comments part to extend; a reference to a missing comment would not open.
    throw new DocumentReadError('not-word', '这些修复需要添加批注（迁移旧版格式时待核实的数值），XML 文本文件无法添加。请在 Word 或 WPS 中另存为 .docx 后再修复。');
  }
  if (comments.length > 0) addComments(parts, pkg.mainPart, documentXml, comments);
  return { parts, mainPart: pkg.mainPart, flat: pkg.flat };
}

/** The part is written as UTF-8: a declaration naming the encoding it was read in (GB2312, UTF-16) must say so. */
const declaredUtf8 = (xml: string) => xml.replace(/^(\uFEFF?<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');

/** The package as a .docx (a flat file as its text): parts in their original order, unchanged ones copied without inflating them, new ones last. */
export function docxBytes(pkg: DocxPackage): Uint8Array {
  const { parts } = pkg;
  if (pkg.flat) return parts.get(pkg.mainPart)!;
  const { archive } = parts.source;
  const inArchive = new Set(archive.entries.map((e) => e.name));
  const entries = archive.entries.map((e) => (parts.changed.has(e.name) ? newEntry(e.name, parts.get(e.name)!, e) : copiedEntry(archive, e)));
  for (const name of parts.changed) if (!inArchive.has(name)) entries.push(newEntry(name, parts.get(name)!, null));
  return writeZip(entries);
}

function commentXml(c: NewComment): string {
  return `<w:comment w:id="${c.id}" w:author="${COMMENT_AUTHOR}" w:initials="NB"><w:p><w:r><w:t xml:space="preserve">${escapeXml(c.text)}</w:t></w:r></w:p></w:comment>`;
}

/** Where the main document's relationships live: word/_rels/document.xml.rels for word/document.xml. */
const relsPathOf = (mainPart: string) => mainPart.replace(/([^/]+)$/, '_rels/$1.rels');
const folderOf = (part: string) => part.replace(/[^/]+$/, '');

/** Strict OOXML packages name their namespaces and relationship types differently; new parts follow the package. */
const isStrict = (documentXml: string) => documentXml.includes(STRICT_W_NS);

/** The comments part the document's relationships name, if it has one (its name is not fixed). */
function existingCommentsPart(parts: Map<string, Uint8Array>, mainPart: string): string | null {
  const rels = parts.get(relsPathOf(mainPart));
  if (!rels) return null;
  const relation = relationshipsOf(decodeXml(rels)).find((r) => !r.external && COMMENTS_REL_TYPE.test(r.type));
  return relation ? resolvePartName(folderOf(mainPart), relation.target) : null;
}

/** The existing comments part's XML under `w:` (a default namespace or ns0: translated), with the way back. */
function commentsXmlOf(parts: Map<string, Uint8Array>, partName: string | null) {
  const bytes = partName ? parts.get(partName) : undefined;
  if (!bytes) return null;
  const form = canonicalForm(decodeXml(bytes));
  if (!form) throw new DocumentReadError('fix-refused', '批注部件的 XML 命名空间写法特殊，无法安全地添加批注。请在 Word 或 WPS 中另存为 .docx 后再修复。');
  return form;
}

function addComments(parts: Map<string, Uint8Array>, mainPart: string, documentXml: string, comments: NewComment[]): void {
  const added = comments.map(commentXml).join('');
  const existing = existingCommentsPart(parts, mainPart);
  const current = commentsXmlOf(parts, existing);
  if (existing && current) {
    // Appended inside the root: `<w:comments …/>` (empty) is opened first.
    const appended = /<w:comments\b[^>]*\/>/.test(current.xml)
      ? current.xml.replace(/<w:comments\b([^>]*?)\s*\/>/, `<w:comments$1>${added}</w:comments>`)
      : current.xml.replace(/<\/w:comments>(\s*)$/, `${added}</w:comments>$1`);
    if (appended === current.xml) throw new DocumentReadError('fix-refused', `批注部件 ${existing} 无法识别，未添加批注；请在 Word 或 WPS 中另存为 .docx 后再修复。`);
    const restored = current.restore(appended);
    assertWellFormed(restored);
    parts.set(existing, strToU8(declaredUtf8(restored)));
    return;
  }
  const strict = isStrict(documentXml);
  const partName = existing ?? folderOf(mainPart) + 'comments.xml';
  parts.set(partName, strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${strict ? STRICT_W_NS : W_NS}">${added}</w:comments>`));
  const types = parts.get('[Content_Types].xml');
  if (types && !decodeXml(types).toLowerCase().includes(`partname="/${partName.toLowerCase()}"`)) {
    parts.set('[Content_Types].xml', strToU8(decodeXml(types).replace(/<\/((?:[\w.-]+:)?)Types>/, `<$1Override PartName="/${partName}" ContentType="${COMMENTS_TYPE}"/></$1Types>`)));
  }
  if (existing) return; // the relationship is already there (its part was missing)
  const relsPath = relsPathOf(mainPart);
  const rels = parts.get(relsPath) ? decodeXml(parts.get(relsPath)!) : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const used = new Set(relationshipsOf(rels).map((r) => r.id));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  const type = strict ? STRICT_COMMENTS_REL : COMMENTS_REL;
  parts.set(relsPath, strToU8(rels.replace(/<\/((?:[\w.-]+:)?)Relationships>/, `<$1Relationship Id="rId${n}" Type="${type}" Target="${partName.slice(folderOf(mainPart).length)}"/></$1Relationships>`)));
}
