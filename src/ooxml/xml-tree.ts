import { SaxesParser } from 'saxes';

/**
 * A read-only element tree over an XML string that remembers where every element sits, so edits
 * can splice the original text: what is not edited stays byte for byte as it was.
 */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  /** Offset of `<`. */
  start: number;
  /** Offset just past the start tag's `>`. */
  openEnd: number;
  /** Offset of the end tag's `<` (equals `end` for a self-closing element). */
  closeStart: number;
  /** Offset just past the element. */
  end: number;
  children: XmlNode[];
  parent: XmlNode | null;
}

/** `xml` with its leading XML declaration and processing instructions blanked (offsets kept), for parseTree's fragment mode. */
export function blankDeclarations(xml: string): string {
  return xml.replace(/^(\s*<\?[^>]*\?>)+/, (m) => ' '.repeat(m.length));
}

/** Parses `xml` (a whole document, or a fragment such as one `<w:tc>` whose prefixes are undeclared). */
export function parseTree(xml: string): XmlNode {
  const root: XmlNode = { name: '#root', attributes: {}, start: 0, openEnd: 0, closeStart: xml.length, end: xml.length, children: [], parent: null };
  const parser = new SaxesParser({ position: true, xmlns: false, fragment: true, additionalNamespaces: {} });
  let current = root;
  parser.on('opentag', (tag) => {
    const openEnd = parser.position;
    const start = xml.lastIndexOf('<', openEnd - 1);
    const node: XmlNode = { name: tag.name, attributes: tag.attributes as Record<string, string>, start, openEnd, closeStart: openEnd, end: openEnd, children: [], parent: current };
    current.children.push(node);
    if (!tag.isSelfClosing) current = node;
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    current.end = parser.position;
    current.closeStart = xml.lastIndexOf('<', current.end - 1);
    current = current.parent ?? root;
  });
  parser.write(xml).close();
  return root;
}

export const text = (xml: string, node: XmlNode) => xml.slice(node.start, node.end);
export const inner = (xml: string, node: XmlNode) => xml.slice(node.openEnd, node.closeStart);

export const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === name);
export const childrenNamed = (node: XmlNode, name: string) => node.children.filter((c) => c.name === name);

export function* descendants(node: XmlNode): Generator<XmlNode> {
  for (const c of node.children) {
    yield c;
    yield* descendants(c);
  }
}

export function hasAncestor(node: XmlNode, names: ReadonlySet<string>, stop: XmlNode): boolean {
  for (let p = node.parent; p && p !== stop; p = p.parent) if (names.has(p.name)) return true;
  return false;
}

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies non-overlapping splices to `xml` (any order given) in one pass, building the output once:
 * linear in the document, however many splices. Insertions at one point come out in reverse of
 * the order given, and before a replacement starting there.
 */
export function applySplices(xml: string, splices: readonly Splice[]): string {
  const ordered = splices.map((splice, order) => ({ splice, order }));
  ordered.sort((a, b) => a.splice.start - b.splice.start || a.splice.end - b.splice.end || b.order - a.order);
  const parts: string[] = [];
  let copiedTo = 0;
  for (const { splice } of ordered) {
    parts.push(xml.slice(copiedTo, splice.start), splice.text);
    copiedTo = splice.end;
  }
  parts.push(xml.slice(copiedTo));
  return parts.join('');
}
