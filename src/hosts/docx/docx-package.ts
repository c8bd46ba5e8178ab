import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { DocumentReadError, extractDocumentXml } from '../../docmodel';
import { unzipWordPackage } from '../../docmodel/open-package';
import { nextMarkId } from '../../ooxml/mark-ids';
import { escapeXml } from '../../ooxml/xml-tree';
import type { NewComment } from './apply-edits';

const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const COMMENT_AUTHOR = '政务公开年报检查';
/** A fixed timestamp for rewritten zip entries, so the same fix gives the same bytes. */
const ZIP_TIME = new Date(Date.UTC(2021, 8, 26));

/** An opened .docx: every part as it was, in its original order. */
export interface DocxPackage {
  parts: Map<string, Uint8Array>;
  mainPart: string;
}

export function openDocx(bytes: Uint8Array): DocxPackage {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    extractDocumentXml(bytes); // says what the file is (encrypted, .doc, PDF …) when it is not a zip
    throw new DocumentReadError('not-word', '只能修复 .docx 文件。');
  }
  const { files, mainPart } = unzipWordPackage(bytes);
  return { parts: new Map(Object.entries(files)), mainPart };
}

export const documentXmlOf = (pkg: DocxPackage) => strFromU8(pkg.parts.get(pkg.mainPart)!);

/** The first comment id not used by the document or its comments part. */
export function nextCommentId(pkg: DocxPackage, documentXml: string): number {
  const commentsPart = existingCommentsPart(pkg.parts, pkg.mainPart);
  const existing = commentsPart ? pkg.parts.get(commentsPart) : undefined;
  return nextMarkId(documentXml, existing ? strFromU8(existing) : null);
}

/** A copy of the package with a new main document and, if any, the new comments added. */
export function withDocument(pkg: DocxPackage, documentXml: string, comments: NewComment[]): DocxPackage {
  const parts = new Map(pkg.parts);
  parts.set(pkg.mainPart, strToU8(documentXml));
  if (comments.length > 0) addComments(parts, pkg.mainPart, comments);
  return { parts, mainPart: pkg.mainPart };
}

export function docxBytes(pkg: DocxPackage): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of pkg.parts) zippable[name] = [data, { mtime: ZIP_TIME }];
  return zipSync(zippable, { level: 6 });
}

function commentXml(c: NewComment): string {
  return `<w:comment w:id="${c.id}" w:author="${COMMENT_AUTHOR}" w:initials="NB"><w:p><w:r><w:t xml:space="preserve">${escapeXml(c.text)}</w:t></w:r></w:p></w:comment>`;
}

/** Where the main document's relationships live: word/_rels/document.xml.rels for word/document.xml. */
const relsPathOf = (mainPart: string) => mainPart.replace(/([^/]+)$/, '_rels/$1.rels');

/** The comments part the document's relationships name, if it has one (its name is not fixed). */
function existingCommentsPart(parts: Map<string, Uint8Array>, mainPart: string): string | null {
  const rels = parts.get(relsPathOf(mainPart));
  if (!rels) return null;
  const relation = [...strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Type="${COMMENTS_REL}"`));
  const target = relation && /Target="([^"]+)"/.exec(relation)?.[1];
  if (!target) return null;
  return target.startsWith('/') ? target.slice(1) : mainPart.replace(/[^/]+$/, '') + target;
}

function addComments(parts: Map<string, Uint8Array>, mainPart: string, comments: NewComment[]): void {
  const added = comments.map(commentXml).join('');
  const existing = existingCommentsPart(parts, mainPart);
  if (existing && parts.has(existing)) {
    const xml = strFromU8(parts.get(existing)!);
    parts.set(existing, strToU8(xml.replace(/<\/w:comments>\s*$/, `${added}</w:comments>`)));
    return;
  }
  const partName = existing ?? mainPart.replace(/[^/]+$/, '') + 'comments.xml';
  parts.set(partName, strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}">${added}</w:comments>`));
  const types = parts.get('[Content_Types].xml');
  if (types && !strFromU8(types).includes(`PartName="/${partName}"`)) {
    parts.set('[Content_Types].xml', strToU8(strFromU8(types).replace('</Types>', `<Override PartName="/${partName}" ContentType="${COMMENTS_TYPE}"/></Types>`)));
  }
  if (existing) return; // the relationship is already there
  const relsPath = relsPathOf(mainPart);
  const rels = parts.get(relsPath) ? strFromU8(parts.get(relsPath)!) : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const used = new Set([...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  parts.set(relsPath, strToU8(rels.replace('</Relationships>', `<Relationship Id="rId${n}" Type="${COMMENTS_REL}" Target="${partName.slice(mainPart.replace(/[^/]+$/, '').length)}"/></Relationships>`)));
}
