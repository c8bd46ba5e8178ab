import { strToU8, zipSync, type Zippable } from 'fflate';
import { DocumentReadError } from '../../docmodel';
import { blankDeclarations, parseTree, type XmlNode } from '../../ooxml/xml-tree';

/*
 * A flat OPC package (pkg:package, what Word and WPS give for Range.WordOpenXML and save as
 * "Word XML") as a .docx: each pkg:part becomes a zip entry, [Content_Types].xml is written from the
 * parts' content types, and a package without its own relationships gets the one pointing to
 * word/document.xml. Used where a host can export the document but not write it back (WPS without
 * InsertXML): the fixed copy is then offered as a file.
 */

const PKG_NS = 'http://schemas.microsoft.com/office/2006/xmlPackage';
const RELS_TYPE = 'application/vnd.openxmlformats-package.relationships+xml';
const OFFICE_DOCUMENT_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

const notAPackage = () => new DocumentReadError('not-word', '导出的内容不是 Word 文档包（pkg:package），无法生成副本。');

export function docxFromFlatOpc(flat: string): Uint8Array {
  let tree: XmlNode;
  try {
    tree = parseTree(blankDeclarations(flat));
  } catch {
    throw notAPackage();
  }
  const root = tree.children.find((n) => localName(n.name) === 'package');
  if (!root) throw notAPackage();
  const prefix = prefixOf(root.name);
  if (root.attributes[prefix ? `xmlns:${prefix}` : 'xmlns'] !== PKG_NS) throw notAPackage();
  const qualified = (local: string) => (prefix ? `${prefix}:${local}` : local);

  const entries: Zippable = {};
  const overrides: string[] = [];
  for (const part of root.children.filter((n) => n.name === qualified('part'))) {
    const name = part.attributes[qualified('name')];
    const contentType = part.attributes[qualified('contentType')];
    if (!name || !name.startsWith('/') || !contentType) throw notAPackage();
    const xmlData = part.children.find((n) => n.name === qualified('xmlData'));
    const binaryData = part.children.find((n) => n.name === qualified('binaryData'));
    let data: Uint8Array;
    if (xmlData) data = strToU8(flat.slice(xmlData.openEnd, xmlData.closeStart));
    else if (binaryData) data = fromBase64(flat.slice(binaryData.openEnd, binaryData.closeStart));
    else throw notAPackage();
    entries[name.slice(1)] = data;
    overrides.push(`<Override PartName="${escapeAttribute(name)}" ContentType="${escapeAttribute(contentType)}"/>`);
  }
  if (!entries['word/document.xml']) throw notAPackage();
  if (!entries['_rels/.rels']) {
    entries['_rels/.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${OFFICE_DOCUMENT_REL}" Target="word/document.xml"/></Relationships>`);
  }
  const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="${RELS_TYPE}"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`;
  // [Content_Types].xml first, as Word writes it.
  return zipSync({ '[Content_Types].xml': strToU8(contentTypes), ...entries });
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);
const prefixOf = (name: string) => (name.includes(':') ? name.slice(0, name.indexOf(':')) : '');
const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
