import { setCellTextXml, setParagraphTextXml } from '../../../src/ooxml/cell-xml';
import { childrenNamed, descendants, parseTree, type XmlNode } from '../../../src/ooxml/xml-tree';

/** A paragraph or table of the fake document, with the identity Word keeps for it across edits. */
export interface Element {
  id: number;
  kind: 'p' | 'tbl';
  node: XmlNode;
  /** Tables around it (paragraphs: Word's tableNestingLevel; tables: their own nestingLevel − 1). */
  depth: number;
}

export class FakeOfficeError extends Error {
  constructor(public code: string, message: string) {
    super(message);
  }
}

const SKIP_TEXT = new Set(['w:del', 'w:moveFrom', 'w:instrText', 'w:delText', 'w:drawing', 'w:pict', 'w:txbxContent']);

/**
 * The fake's document: a real document.xml string, edited by splicing. Elements keep stable ids
 * (as Word's objects do) across edits elsewhere; an element replaced or deleted loses its id, so
 * a proxy still pointing at it fails like Office's InvalidObjectPath.
 */
export class FakeDocumentState {
  elements: Element[] = [];
  private nextId = 1;

  constructor(public xml: string) {
    this.xml = xml.replace(/^\s*<\?xml[^>]*\?>\s*/, '');
    this.elements = this.scan(new Map());
  }

  get paragraphs() {
    return this.elements.filter((e) => e.kind === 'p');
  }

  get tables() {
    return this.elements.filter((e) => e.kind === 'tbl');
  }

  get topTables() {
    return this.tables.filter((t) => t.depth === 0);
  }

  byId(id: number | null): Element {
    const e = id === null ? undefined : this.elements.find((x) => x.id === id);
    if (!e) throw new FakeOfficeError('InvalidObjectPath', 'The object path is not valid: the object was deleted or replaced.');
    return e;
  }

  text(node: XmlNode): string {
    return this.xml.slice(node.start, node.end);
  }

  /**
   * Replaces xml[start, end) by `text`. Elements before and after keep their ids, as do the
   * elements containing the range; elements inside it are gone; new ones get new ids, except
   * `keep` (an element id that the new element starting at `start` inherits).
   */
  splice(start: number, end: number, text: string, keep?: number): void {
    const delta = text.length - (end - start);
    const ids = new Map<string, number>();
    for (const e of this.elements) {
      const { start: s, end: t } = e.node;
      if (t <= start) ids.set(`${e.kind}@${s}`, e.id);
      else if (s >= end) ids.set(`${e.kind}@${s + delta}`, e.id);
      else if (s <= start && t >= end && !(s === start && t === end)) ids.set(`${e.kind}@${s}`, e.id);
    }
    this.xml = this.xml.slice(0, start) + text + this.xml.slice(end);
    if (keep !== undefined) {
      const kept = this.elements.find((e) => e.id === keep)!;
      ids.set(`${kept.kind}@${start}`, keep);
    }
    this.elements = this.scan(ids);
  }

  private scan(ids: Map<string, number>): Element[] {
    const out: Element[] = [];
    const body = [...descendants(parseTree(this.xml))].find((n) => n.name === 'w:body');
    if (!body) throw new Error('fake document without w:body');
    const walk = (node: XmlNode, depth: number) => {
      for (const c of node.children) {
        if (c.name === 'w:p' || c.name === 'w:tbl') {
          const kind = c.name === 'w:p' ? 'p' : 'tbl';
          out.push({ id: ids.get(`${kind}@${c.start}`) ?? this.nextId++, kind, node: c, depth });
        }
        if (!SKIP_TEXT.has(c.name)) walk(c, c.name === 'w:tbl' ? depth + 1 : depth);
      }
    };
    walk(body, 0);
    return out;
  }

  /** Word's paragraph.text: runs joined, tracked deletions left out, a manual line break as \v. */
  paragraphText(p: XmlNode): string {
    let s = '';
    const walk = (n: XmlNode) => {
      for (const c of n.children) {
        if (SKIP_TEXT.has(c.name) || c.name === 'w:tbl') continue;
        if (c.name === 'w:t') s += decode(this.xml.slice(c.openEnd, c.closeStart));
        else if (c.name === 'w:tab' && n.name === 'w:r') s += '\t';
        else if (c.name === 'w:br' || c.name === 'w:cr') s += '\v';
        else walk(c);
      }
    };
    walk(p);
    return s;
  }

  isListItem(p: XmlNode): boolean {
    const pPr = p.children.find((c) => c.name === 'w:pPr');
    return !!pPr?.children.some((c) => c.name === 'w:numPr');
  }

  rows(table: Element): XmlNode[] {
    return childrenNamed(table.node, 'w:tr');
  }

  /** The w:tc at Word's (rowIndex, cellIndex), or null; `visibleOnly`: cellIndex skips merge continuations. */
  cell(table: Element, rowIndex: number, cellIndex: number, visibleOnly = false): XmlNode | null {
    const row = this.rows(table)[rowIndex];
    const cells = row ? childrenNamed(row, 'w:tc') : [];
    return (visibleOnly ? cells.filter((tc) => !this.isMergeContinuation(tc)) : cells)[cellIndex] ?? null;
  }

  /**
   * Replaces the text of a paragraph or cell under Track Changes: the old runs stay as a tracked
   * deletion, the new text is a tracked insertion in the first paragraph.
   */
  replaceTracked(node: XmlNode, value: string, keep?: number): void {
    let xml = asDeleted(this.text(node));
    const firstEnd = xml.indexOf('</w:p>');
    const inserted = `<w:ins w:id="${this.nextRevision++}" w:author="fake"><w:r><w:t xml:space="preserve">${encode(value)}</w:t></w:r></w:ins>`;
    xml = firstEnd < 0 ? xml : xml.slice(0, firstEnd) + inserted + xml.slice(firstEnd);
    this.splice(node.start, node.end, xml, keep);
  }

  /** A table as it stays after being replaced under Track Changes: every row and run deleted. */
  trackedDeletionOfTable(node: XmlNode): string {
    const mark = () => `<w:del w:id="${this.nextRevision++}" w:author="fake"/>`;
    return asDeleted(this.text(node))
      .replace(/<w:trPr>/g, () => `<w:trPr>${mark()}`)
      .replace(/<w:tr(\s[^>]*)?>(?!<w:trPr>)/g, (m) => `${m}<w:trPr>${mark()}</w:trPr>`);
  }

  /** A paragraph split at the middle of its text: the two halves (same paragraph properties). */
  splitParagraph(p: XmlNode): [string, string] {
    const text = this.paragraphText(p);
    const pPr = p.children.find((c) => c.name === 'w:pPr');
    const props = pPr ? this.text(pPr) : '';
    const half = Math.ceil(text.length / 2);
    const para = (t: string) => `<w:p>${props}${t ? `<w:r><w:t xml:space="preserve">${encode(t)}</w:t></w:r>` : ''}</w:p>`;
    return [para(text.slice(0, half)), para(text.slice(half))];
  }

  /** Word joins tables that touch: the second one's rows move into the first. */
  joinAdjacentTables(): void {
    for (;;) {
      const pair = this.tables.map((t) => t.node).find((n) => n.parent && n.parent.children[n.parent.children.indexOf(n) + 1]?.name === 'w:tbl');
      if (!pair) return;
      const next = pair.parent!.children[pair.parent!.children.indexOf(pair) + 1];
      const firstRow = next.children.find((c) => c.name === 'w:tr');
      this.splice(pair.closeStart, firstRow ? firstRow.start : next.end, '');
    }
  }

  private nextRevision = 7000;

  cellText(tc: XmlNode): string {
    return childrenNamed(tc, 'w:p').map((p) => this.paragraphText(p)).join('\n');
  }

  isMergeContinuation(tc: XmlNode): boolean {
    const tcPr = tc.children.find((c) => c.name === 'w:tcPr');
    const vMerge = tcPr?.children.find((c) => c.name === 'w:vMerge');
    return !!vMerge && vMerge.attributes['w:val'] !== 'restart';
  }

  setCellText(table: Element, rowIndex: number, cellIndex: number, value: string): void {
    const tc = this.cell(table, rowIndex, cellIndex);
    if (!tc) throw new FakeOfficeError('ItemNotFound', `No cell (${rowIndex}, ${cellIndex}).`);
    this.splice(tc.start, tc.end, setCellTextXml(this.text(tc), value));
  }

  setParagraphText(p: Element, value: string): void {
    this.splice(p.node.start, p.node.end, setParagraphTextXml(this.text(p.node), value), p.id);
  }
}

/** Runs turned into a tracked deletion (w:t → w:delText). */
function asDeleted(xml: string): string {
  return xml.replace(/<w:r(?=[\s>])[\s\S]*?<\/w:r>/g, (run) => `<w:del w:id="0" w:author="fake">${run.replace(/<w:t(?=[\s>])/g, '<w:delText').replace(/<\/w:t>/g, '</w:delText>')}</w:del>`);
}

function encode(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
