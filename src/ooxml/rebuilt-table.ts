import { applySplices, child, childrenNamed, descendants, parseTree, text, type Splice, type XmlNode } from './xml-tree';

/**
 * A table rebuilt on the standard format (the 2019 → 2021 migration) replaces the user's table.
 * What belongs to the user comes along: the table's own properties (style, width, borders,
 * alignment), its total width (the new grid is scaled to it), its fonts and sizes (label cells and
 * value cells each take the first such cell's run format), and every comment anchor and bookmark,
 * note reference, field and drawing, placed in the new cell with the same row label and text, else
 * the same text, else the first cell.
 */
export function carryOverIntoRebuiltTable(oldTableXml: string, newTableXml: string): string {
  const oldTable = parseTree(oldTableXml).children[0];
  const withFormat = applyOldFormat(oldTableXml, oldTable, newTableXml);
  return withMarks(oldTableXml, oldTable, withFormat);
}

const MARKS = new Set(['w:bookmarkStart', 'w:bookmarkEnd', 'w:commentRangeStart', 'w:commentRangeEnd']);
const isNumeric = (value: string) => /^\s*[0-9０-９.,，]+\s*$/.test(value);

interface CellInfo {
  node: XmlNode;
  rowLabel: string;
  text: string;
}

/** The table's own cells (not those of a nested table), with their row's label and their text. */
function cellsOf(xml: string, table: XmlNode): CellInfo[] {
  return childrenNamed(table, 'w:tr').flatMap((tr) => {
    const cells = childrenNamed(tr, 'w:tc').map((tc) => ({ node: tc, text: cellText(xml, tc) }));
    const rowLabel = cells.find((c) => c.text.trim() !== '' && !isNumeric(c.text))?.text ?? '';
    return cells.map((c) => ({ ...c, rowLabel }));
  });
}

function cellText(xml: string, tc: XmlNode): string {
  return [...descendants(tc)].filter((n) => n.name === 'w:t' && !insideNestedTable(n, tc)).map((t) => xml.slice(t.openEnd, t.closeStart)).join('');
}

function insideNestedTable(node: XmlNode, tc: XmlNode): boolean {
  for (let p = node.parent; p && p !== tc; p = p.parent) if (p.name === 'w:tbl') return true;
  return false;
}

/** The run format of the first run of the first cell that `wanted` picks. */
function firstRunFormat(xml: string, cells: CellInfo[], wanted: (c: CellInfo) => boolean): string | null {
  for (const c of cells.filter(wanted)) {
    const run = [...descendants(c.node)].find((n) => n.name === 'w:r' && child(n, 'w:t'));
    const rPr = run && child(run, 'w:rPr');
    if (rPr) return text(xml, rPr);
  }
  return null;
}

function applyOldFormat(oldXml: string, oldTable: XmlNode, newXml: string): string {
  const newTable = parseTree(newXml).children[0];
  const oldCells = cellsOf(oldXml, oldTable);
  const labelFormat = firstRunFormat(oldXml, oldCells, (c) => c.text.trim() !== '' && !isNumeric(c.text));
  const valueFormat = firstRunFormat(oldXml, oldCells, (c) => isNumeric(c.text)) ?? labelFormat;
  const splices: Splice[] = [];

  const oldProperties = child(oldTable, 'w:tblPr');
  const newProperties = child(newTable, 'w:tblPr');
  if (oldProperties && newProperties) splices.push({ start: newProperties.start, end: newProperties.end, text: text(oldXml, oldProperties) });

  const scale = widthScale(oldTable, newTable);
  if (scale !== 1) {
    for (const n of descendants(newTable)) {
      if (n.name !== 'w:gridCol' && n.name !== 'w:tcW') continue;
      if (n.name === 'w:tcW' && (n.attributes['w:type'] ?? 'dxa') !== 'dxa') continue;
      const width = Number(n.attributes['w:w']);
      if (!Number.isFinite(width)) continue;
      const element = text(newXml, n).replace(/w:w="\d+"/, `w:w="${Math.round(width * scale)}"`);
      splices.push({ start: n.start, end: n.end, text: element });
    }
  }

  for (const cell of cellsOf(newXml, newTable)) {
    const format = isNumeric(cell.text) ? valueFormat : labelFormat;
    if (!format) continue;
    for (const n of descendants(cell.node)) {
      if (n.name === 'w:rPr' && (n.parent?.name === 'w:r' || n.parent?.name === 'w:pPr')) splices.push({ start: n.start, end: n.end, text: format });
    }
  }
  return applySplices(newXml, splices);
}

/** Old total width ÷ new total width of the grid (1 when either is unknown). */
function widthScale(oldTable: XmlNode, newTable: XmlNode): number {
  const total = (table: XmlNode) => {
    const grid = child(table, 'w:tblGrid');
    return grid ? childrenNamed(grid, 'w:gridCol').reduce((n, g) => n + (Number(g.attributes['w:w']) || 0), 0) : 0;
  };
  const before = total(oldTable);
  const after = total(newTable);
  return before > 0 && after > 0 ? before / after : 1;
}

/** Run content that is not text: it moves with the table (without the run's text). */
const KEPT_IN_RUN = new Set(['w:footnoteReference', 'w:endnoteReference', 'w:commentReference', 'w:drawing', 'w:sym', 'w:fldChar', 'w:instrText', 'w:object', 'w:pict']);

/**
 * What of the old table moves into the new one: comment ranges, bookmarks, and runs' non-text
 * content (note references, comment references, fields, drawings), each as a run of its own.
 * Pieces sharing an id (a range's start and end, a comment's reference) travel together.
 */
function markGroups(oldXml: string, oldTable: XmlNode): { cell: CellInfo; xml: string }[] {
  const cells = cellsOf(oldXml, oldTable);
  const cellOf = (n: XmlNode) => cells.find((c) => c.node.start <= n.start && n.end <= c.node.end);
  const groups = new Map<string, { cell: CellInfo; pieces: string[] }>();
  const add = (key: string, cell: CellInfo, piece: string) => {
    const group = groups.get(key) ?? { cell, pieces: [] };
    group.pieces.push(piece);
    groups.set(key, group);
  };
  for (const n of descendants(oldTable)) {
    const cell = cellOf(n);
    if (!cell) continue;
    if (MARKS.has(n.name)) {
      add(`${n.name.startsWith('w:bookmark') ? 'b' : 'c'}${n.attributes['w:id'] ?? n.start}`, cell, text(oldXml, n));
    } else if (n.name === 'w:r') {
      const kept = n.children.filter((c) => KEPT_IN_RUN.has(c.name));
      if (kept.length === 0) continue;
      const rPr = child(n, 'w:rPr');
      const reference = child(n, 'w:commentReference');
      const run = `<w:r>${rPr ? text(oldXml, rPr) : ''}${kept.map((c) => text(oldXml, c)).join('')}</w:r>`;
      add(reference ? `c${reference.attributes['w:id']}` : `r${n.start}`, cell, run);
    }
  }
  return [...groups.values()].map((g) => ({ cell: g.cell, xml: g.pieces.join('') }));
}

function withMarks(oldXml: string, oldTable: XmlNode, newXml: string): string {
  const groups = markGroups(oldXml, oldTable);
  if (groups.length === 0) return newXml;
  const newCells = cellsOf(newXml, parseTree(newXml).children[0]);
  const target = (old: CellInfo) => newCells.find((c) => c.text === old.text && c.rowLabel === old.rowLabel)
    ?? newCells.find((c) => old.text.trim() !== '' && c.text === old.text)
    ?? newCells[0];
  const inserts = new Map<XmlNode, string[]>();
  for (const g of groups) {
    const cell = target(g.cell);
    inserts.set(cell.node, [...(inserts.get(cell.node) ?? []), g.xml]);
  }
  const splices: Splice[] = [...inserts].map(([tc, pieces]) => {
    const p = childrenNamed(tc, 'w:p')[0];
    const pPr = p && child(p, 'w:pPr');
    const at = pPr ? pPr.end : p ? p.openEnd : tc.closeStart;
    return { start: at, end: at, text: p ? pieces.join('') : `<w:p>${pieces.join('')}</w:p>` };
  });
  return applySplices(newXml, splices);
}
