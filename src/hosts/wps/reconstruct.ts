import { escapeXml } from '../../generate';
import { items, plainText, type WpsTable } from './wps-api';

/** Widths within this many points are the same column edge. */
const EDGE_TOLERANCE = 1.5;

interface Placed {
  x0: number;
  x1: number;
  /** null: merged away, the continuation of `origin` above. */
  text: string | null;
  origin: Placed | null;
  restart: boolean;
}

/**
 * A table's WordprocessingML rebuilt from its cells, for a WPS that exports no XML. Range.Cells
 * (which, unlike Table.Cell(r, c), never raises on merged cells) gives each cell's 1-based
 * RowIndex and ColumnIndex, its text and its Width. Cells are laid out left to right by width; the
 * distinct edges of all rows make the grid, so a cell spanning several columns gets its gridSpan.
 * A gap in a row's column indices, or a row ending short of the table's right edge, is taken for a
 * vertical merge from the cell above at that place.
 */
export function reconstructTableXml(table: WpsTable): string {
  const rows = new Map<number, { column: number; width: number; text: string }[]>();
  for (const cell of items(table.Range.Cells)) {
    const row = rows.get(cell.RowIndex) ?? [];
    row.push({ column: cell.ColumnIndex, width: Number(cell.Width) || 0, text: plainText(cell.Range.Text) });
    rows.set(cell.RowIndex, row);
  }
  const rowCount = Math.max(0, ...rows.keys());
  const placedRows: Placed[][] = [];
  let right = 0;
  for (let r = 1; r <= rowCount; r++) {
    const cells = (rows.get(r) ?? []).sort((a, b) => a.column - b.column);
    const above = placedRows[r - 2] ?? [];
    const placed: Placed[] = [];
    let x = 0;
    const continueFromAbove = () => {
      const origin = above.find((a) => Math.abs(a.x0 - x) < EDGE_TOLERANCE);
      if (!origin) return false;
      const top = origin.origin ?? origin;
      top.restart = true;
      placed.push({ x0: x, x1: x + (origin.x1 - origin.x0), text: null, origin: top, restart: false });
      x += origin.x1 - origin.x0;
      return true;
    };
    let expected = 1;
    for (const cell of cells) {
      for (; expected < cell.column; expected++) if (!continueFromAbove()) break;
      placed.push({ x0: x, x1: x + cell.width, text: cell.text, origin: null, restart: false });
      x += cell.width;
      expected = cell.column + 1;
    }
    while (x < right - EDGE_TOLERANCE && continueFromAbove());
    right = Math.max(right, x);
    placedRows.push(placed);
  }

  const edges: number[] = [];
  for (const x of placedRows.flat().flatMap((p) => [p.x0, p.x1])) if (!edges.some((e) => Math.abs(e - x) < EDGE_TOLERANCE)) edges.push(x);
  edges.sort((a, b) => a - b);
  const edgeIndex = (x: number) => edges.findIndex((e) => Math.abs(e - x) < EDGE_TOLERANCE);
  const widths = edges.slice(1).map((e, i) => Math.round((e - edges[i]) * 20));
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const body = placedRows.map((cells) => `<w:tr>${cells.map((p) => cellXml(p, Math.max(1, edgeIndex(p.x1) - edgeIndex(p.x0)))).join('')}</w:tr>`).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${grid || '<w:gridCol/>'}</w:tblGrid>${body}</w:tbl>`;
}

function cellXml(p: Placed, span: number): string {
  const properties = (span > 1 ? `<w:gridSpan w:val="${span}"/>` : '') + (p.text === null ? '<w:vMerge/>' : p.restart ? '<w:vMerge w:val="restart"/>' : '');
  const tcPr = properties ? `<w:tcPr>${properties}</w:tcPr>` : '';
  if (p.text === null) return `<w:tc>${tcPr}<w:p/></w:tc>`;
  const paragraphs = p.text.split('\n').map((line) => (line === '' ? '<w:p/>' : `<w:p><w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`));
  return `<w:tc>${tcPr}${paragraphs.join('')}</w:tc>`;
}
