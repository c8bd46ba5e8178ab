import { raisedStyleIds } from '../../docmodel';
import { documentXml } from '../../generate';
import { blankDeclarations, parseTree, type XmlNode } from '../../ooxml/xml-tree';

/*
 * The flat OPC packages Office.js speaks (`getOoxml()` returns one, `insertOoxml()` takes one):
 * a pkg:package whose /word/document.xml part holds a w:document. Only the body content matters
 * here; the other parts (styles, numbering) are carried along untouched.
 */

const PKG_NS = 'http://schemas.microsoft.com/office/2006/xmlPackage';
const RELS_TYPE = 'application/vnd.openxmlformats-package.relationships+xml';
const MAIN_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const OFFICE_DOCUMENT_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

/** A minimal package around body content (w:p / w:tbl), for insertOoxml. */
export function flatOpcPackage(bodyContent: string): string {
  const document = documentXml(bodyContent, { pageNumbers: false }).replace(/^<\?xml[^>]*\?>\s*/, '');
  return `<pkg:package xmlns:pkg="${PKG_NS}">`
    + `<pkg:part pkg:name="/_rels/.rels" pkg:contentType="${RELS_TYPE}"><pkg:xmlData>`
    + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${OFFICE_DOCUMENT_REL}" Target="word/document.xml"/></Relationships>`
    + '</pkg:xmlData></pkg:part>'
    + `<pkg:part pkg:name="/word/document.xml" pkg:contentType="${MAIN_TYPE}"><pkg:xmlData>${withoutSections(document)}</pkg:xmlData></pkg:part>`
    + '</pkg:package>';
}

/** The w:body element of a package or document (prefix w: as Word writes it). */
function bodyOf(xml: string): XmlNode | null {
  const stack = [parseTree(blankDeclarations(xml))];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.name === 'w:body') return node;
    stack.push(...node.children);
  }
  return null;
}

/** The body's top-level blocks (w:p, w:tbl, and wrappers such as w:sdt) as XML strings. */
export function bodyBlocks(xml: string): { name: string; xml: string }[] {
  const body = bodyOf(xml);
  if (!body) return [];
  return body.children.filter((c) => c.name !== 'w:sectPr').map((c) => ({ name: c.name, xml: xml.slice(c.start, c.end) }));
}

/** The first top-level w:tbl of a package's body (a table range's getOoxml holds one), or null. */
export function firstTableXml(xml: string): string | null {
  return bodyBlocks(xml).find((b) => b.name === 'w:tbl')?.xml ?? null;
}

/**
 * The same package with its body content replaced and no section properties, so inserting it
 * changes neither page setup nor adds the trailing empty paragraph getOoxml puts after a table.
 */
export function withBodyContent(xml: string, content: string): string {
  const body = bodyOf(xml);
  if (!body) throw new Error('OOXML package without w:body');
  return xml.slice(0, body.openEnd) + content + xml.slice(body.closeStart);
}

function withoutSections(document: string): string {
  return document.replace(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g, '');
}

/** The superscript character styles (note marks) named in any of the packages' styles parts. */
export const raisedStylesIn = (packages: readonly (string | null)[]): ReadonlySet<string> =>
  new Set(packages.flatMap((p) => (p ? [...raisedStyleIds(p)] : [])));
