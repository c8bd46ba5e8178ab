import type { CellContent } from '../edits/types';
import { applySplices, child, childrenNamed, descendants, escapeXml, hasAncestor, parseTree, text, type Splice, type XmlNode } from './xml-tree';

const TEXT_ELEMENTS = new Set(['w:t', 'w:tab', 'w:br', 'w:cr', 'w:sym', 'w:noBreakHyphen', 'w:softHyphen']);
/** Runs in these are not the cell's own visible text (deleted text, drawings, text boxes). */
const FOREIGN = new Set(['w:del', 'w:moveFrom', 'w:txbxContent', 'w:drawing', 'w:pict', 'w:tbl']);
/** Inside a paragraph of the cell but not its text: a nested table's or a text box's paragraphs. */
const NOT_THE_CELLS = new Set(['w:tbl', 'w:txbxContent']);

/** A run as WordprocessingML: line breaks become w:br. */
export function runXml(value: string, runProperties: string): string {
  const parts = value.split('\n').map((line) => `<w:t xml:space="preserve">${escapeXml(line)}</w:t>`);
  return `<w:r>${runProperties}${parts.join('<w:br/>')}</w:r>`;
}

/**
 * What a text rewrite takes out of a run: its characters. A page or column break, a symbol, a note
 * reference, a field character, a drawing or a comment reference in the same run stays.
 */
function isReplacedText(run: XmlNode, node: XmlNode): boolean {
  if (node.name === 'w:br') return !/^(page|column)$/.test(node.attributes['w:type'] ?? '');
  return node.name !== 'w:sym' && TEXT_ELEMENTS.has(node.name) && node.parent === run;
}

/** Hidden text (w:vanish): not the text the reader sees, so a rewrite leaves it where it is. */
function isHidden(run: XmlNode): boolean {
  const vanish = child(run, 'w:rPr') && child(child(run, 'w:rPr')!, 'w:vanish');
  return !!vanish && !/^(0|false|off)$/.test(vanish.attributes['w:val'] ?? '');
}

function textRuns(paragraph: XmlNode): XmlNode[] {
  return [...descendants(paragraph)].filter((n) => n.name === 'w:r' && !hasAncestor(n, FOREIGN, paragraph) && !isHidden(n) && n.children.some((c) => TEXT_ELEMENTS.has(c.name)));
}

/** A run that holds nothing but text (and its properties) goes whole; others lose only their text. */
const isPureTextRun = (run: XmlNode) => run.children.every((c) => c.name === 'w:rPr' || isReplacedText(run, c));

/** The paragraphs whose text is the cell's: at any depth (w:sdt, w:customXml), but not in a nested table or text box. */
function ownParagraphs(tc: XmlNode): XmlNode[] {
  return [...descendants(tc)].filter((n) => n.name === 'w:p' && !hasAncestor(n, NOT_THE_CELLS, tc));
}

const TRACKED_REMOVALS = new Set(['w:del', 'w:moveFrom']);
const TRACKED_ADDITIONS = new Set(['w:ins', 'w:moveTo']);

/**
 * What goes when a paragraph's text is replaced: its text (whole runs where they hold nothing
 * else), and the tracked changes around that text — deletions, and insertions left empty — so
 * that neither accepting nor rejecting the remaining changes brings old text back. Outermost
 * pieces only, in document order.
 */
function textUnits(paragraph: XmlNode): XmlNode[] {
  const runs = textRuns(paragraph);
  const all = [...descendants(paragraph)];
  const removals = all.filter((n) => TRACKED_REMOVALS.has(n.name) && !hasAncestor(n, FOREIGN, paragraph));
  const emptied = all.filter((n) => TRACKED_ADDITIONS.has(n.name)
    && [...descendants(n)].filter((d) => d.name === 'w:r').every((r) => runs.includes(r) && isPureTextRun(r)));
  const units = [...runs, ...removals, ...emptied];
  return units
    .filter((u) => !units.some((o) => o !== u && o.start <= u.start && u.end <= o.end))
    .sort((a, b) => a.start - b.start);
}

/** A unit's text taken out: nothing for a pure text run or a tracked change, the run without its characters otherwise. */
function withoutText(xml: string, unit: XmlNode): string {
  if (unit.name !== 'w:r' || isPureTextRun(unit)) return '';
  const removed = unit.children.filter((c) => isReplacedText(unit, c));
  return applySplices(xml.slice(unit.start, unit.end), removed.map((c) => ({ start: c.start - unit.start, end: c.end - unit.start, text: '' })));
}

/** Formatting to reuse for new text: the first text run's w:rPr, else the paragraph mark's. */
function runPropertiesOf(xml: string, paragraphs: XmlNode[]): string {
  for (const p of paragraphs) {
    const run = textRuns(p)[0];
    const rPr = run && child(run, 'w:rPr');
    if (rPr) return text(xml, rPr);
  }
  const pPr = paragraphs[0] && child(paragraphs[0], 'w:pPr');
  const mark = pPr && child(pPr, 'w:rPr');
  // The paragraph mark may record tracked changes of the mark itself; a run's properties may not.
  return mark ? text(xml, mark).replace(/<w:(ins|del|moveFrom|moveTo)\b[^>]*\/>/g, '') : '';
}

/**
 * Rewrites the text of one `<w:tc>` and nothing else: its properties, paragraph properties,
 * bookmarks, comment marks, note references, fields and drawings stay; the text gives way to one
 * run with the first run's format, where the first text was (inside a content control or a
 * hyperlink if it was there). `around` wraps the new run (comment range marks).
 */
export function setCellTextXml(cellXml: string, value: string, around: { before: string; after: string } = { before: '', after: '' }): string {
  const tree = parseTree(cellXml);
  const tc = tree.children[0];
  const paragraphs = ownParagraphs(tc);
  const runProperties = runPropertiesOf(cellXml, paragraphs);
  const replacement = around.before + runXml(value, runProperties) + around.after;
  const splices: Splice[] = [];
  if (paragraphs.length === 0) {
    splices.push({ start: tc.closeStart, end: tc.closeStart, text: `<w:p>${replacement}</w:p>` });
    return applySplices(cellXml, splices);
  }
  paragraphs.forEach((p, index) => {
    const units = textUnits(p);
    if (index > 0 && p.parent === tc) {
      // Later paragraphs go when they hold nothing but text; marks (bookmarks, comments, notes) keep them.
      const onlyText = p.children.every((c) => c.name === 'w:pPr' || (units.includes(c) && withoutText(cellXml, c) === ''));
      if (onlyText) {
        splices.push({ start: p.start, end: p.end, text: '' });
        return;
      }
    }
    units.forEach((unit, i) => splices.push({ start: unit.start, end: unit.end, text: (index === 0 && i === 0 ? replacement : '') + withoutText(cellXml, unit) }));
    if (index === 0 && units.length === 0) {
      if (p.closeStart === p.end) splices.push({ start: p.start, end: p.end, text: `${cellXml.slice(p.start, p.end - 2)}>${replacement}</w:p>` });
      else splices.push({ start: p.closeStart, end: p.closeStart, text: replacement });
    }
  });
  return applySplices(cellXml, splices);
}

/** Sets w:vMerge (or removes it) and w:gridSpan in a cell's w:tcPr, in schema order. */
export function withCellMerge(cellXml: string, gridSpan: number, verticalMerge: CellContent['verticalMerge'], width: number | null): string {
  const tree = parseTree(cellXml);
  const tc = tree.children[0];
  const tcPr = child(tc, 'w:tcPr');
  const kept = tcPr ? tcPr.children.filter((c) => !['w:gridSpan', 'w:vMerge', 'w:hMerge', 'w:tcW'].includes(c.name)) : [];
  const widthXml = width !== null ? `<w:tcW w:w="${width}" w:type="dxa"/>` : tcPr && child(tcPr, 'w:tcW') ? text(cellXml, child(tcPr, 'w:tcW')!) : '';
  const leading = kept.filter((c) => c.name === 'w:cnfStyle').map((c) => text(cellXml, c)).join('');
  const trailing = kept.filter((c) => c.name !== 'w:cnfStyle').map((c) => text(cellXml, c)).join('');
  const merge = (gridSpan > 1 ? `<w:gridSpan w:val="${gridSpan}"/>` : '') +
    (verticalMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : verticalMerge === 'continue' ? '<w:vMerge/>' : '');
  const properties = `<w:tcPr>${leading}${widthXml}${merge}${trailing}</w:tcPr>`;
  if (tcPr) return cellXml.slice(0, tcPr.start) + properties + cellXml.slice(tcPr.end);
  return cellXml.slice(0, tc.openEnd) + properties + cellXml.slice(tc.openEnd);
}

/** A new cell formatted like `formatCellXml` (its properties, paragraph and run format), holding `content`. */
export function newCellXml(formatCellXml: string, content: CellContent, width: number | null, around?: { before: string; after: string }): string {
  const tree = parseTree(formatCellXml);
  const tc = tree.children[0];
  const tcPr = child(tc, 'w:tcPr');
  const firstParagraph = childrenNamed(tc, 'w:p')[0];
  const pPr = firstParagraph && child(firstParagraph, 'w:pPr');
  const runProperties = runPropertiesOf(formatCellXml, childrenNamed(tc, 'w:p'));
  const visible = content.verticalMerge === 'continue' ? '' : content.text;
  const body = visible === '' && !around ? '' : (around?.before ?? '') + runXml(visible, runProperties) + (around?.after ?? '');
  const skeleton = `<w:tc>${tcPr ? text(formatCellXml, tcPr) : ''}<w:p>${pPr ? text(formatCellXml, pPr) : ''}${body}</w:p></w:tc>`;
  return withCellMerge(skeleton, content.gridSpan, content.verticalMerge, width);
}


/**
 * A new paragraph formatted like `paragraphXml` (its paragraph properties without list numbering,
 * and its first run's format) holding `value`: nothing else of the model is copied (no bookmarks,
 * no ids), so the copy never duplicates what must be unique.
 */
export function paragraphLikeXml(paragraphXml: string, value: string): string {
  const tree = parseTree(paragraphXml);
  const p = tree.children[0];
  const pPr = child(p, 'w:pPr');
  const numbering = pPr && child(pPr, 'w:numPr');
  const properties = pPr ? paragraphXml.slice(pPr.start, numbering ? numbering.start : pPr.end) + (numbering ? paragraphXml.slice(numbering.end, pPr.end) : '') : '';
  return `<w:p>${properties}${runXml(value, runPropertiesOf(paragraphXml, [p]))}</w:p>`;
}

/** Rewrites the text of one `<w:p>`, keeping its properties and the first run's format. */
export function setParagraphTextXml(paragraphXml: string, value: string): string {
  const rewritten = setCellTextXml(`<w:tc>${paragraphXml}</w:tc>`, value);
  return rewritten.slice('<w:tc>'.length, -'</w:tc>'.length);
}
