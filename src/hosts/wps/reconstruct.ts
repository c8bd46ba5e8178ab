import { escapeXml } from '../../generate';
import { items, plainText, type WpsTable } from './wps-api';

/**
 * A table's WordprocessingML rebuilt from its cells, for a WPS that exports no XML. The cells
 * come from Range.Cells (which, unlike Table.Cell(r, c), never raises on merged cells) with their
 * 1-based RowIndex and ColumnIndex. A gap in a row's column indices is taken for a vertical merge
 * from above; horizontal merges cannot be seen this way (every cell spans one grid column), which
 * the mapping tolerates for labels but which makes column-position findings less precise.
 */
export function reconstructTableXml(table: WpsTable): string {
  const rows = new Map<number, Map<number, string>>();
  for (const cell of items(table.Range.Cells)) {
    const row = rows.get(cell.RowIndex) ?? new Map<number, string>();
    row.set(cell.ColumnIndex, plainText(cell.Range.Text));
    rows.set(cell.RowIndex, row);
  }
  const rowCount = Math.max(0, ...rows.keys());
  const columns = Math.max(1, ...[...rows.values()].flatMap((r) => [...r.keys()]));
  const restarts = new Set<string>();
  const grid: (string | null)[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const row = rows.get(r) ?? new Map<number, string>();
    const last = Math.max(0, ...row.keys());
    const cells: (string | null)[] = [];
    for (let c = 1; c <= last; c++) {
      if (row.has(c)) cells.push(row.get(c)!);
      else {
        cells.push(null); // merged away: a continuation of the cell above
        for (let above = r - 1; above >= 1; above--) {
          if (grid[above - 1][c - 1] !== null && grid[above - 1][c - 1] !== undefined) {
            restarts.add(`${above},${c}`);
            break;
          }
        }
      }
    }
    grid.push(cells);
  }
  const body = grid.map((cells, r) => `<w:tr>${cells.map((text, c) => cellXml(text, restarts.has(`${r + 1},${c + 1}`))).join('')}</w:tr>`).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${'<w:gridCol/>'.repeat(columns)}</w:tblGrid>${body}</w:tbl>`;
}

function cellXml(text: string | null, restart: boolean): string {
  if (text === null) return '<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>';
  const merge = restart ? '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' : '';
  const paragraphs = text.split('\n').map((line) => (line === '' ? '<w:p/>' : `<w:p><w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`));
  return `<w:tc>${merge}${paragraphs.join('')}</w:tc>`;
}
