import type { Diagnostic } from '../../rules';
import type { TablePreviewProps } from './TablePreview';

/**
 * How a sum finding's table is previewed: the best repair's cells before → after, the addends of
 * the broken relations tinted, headers and row labels kept in view, and a caption naming the cell.
 */
export function sumPreview(d: Diagnostic, tableIndex: number): Pick<TablePreviewProps, 'marks' | 'headerRows' | 'labelColumns' | 'caption'> {
  const sums = d.sums!;
  const changes = (d.fix ?? d.suggestions[0])?.changes ?? [];
  const here = changes.filter((c) => c.location.tableIndex === tableIndex);
  const addends = sums.relations.flatMap((r) => r.cells).filter((c) => c.tableIndex === tableIndex);
  const location = d.location && 'tableIndex' in d.location ? d.location : null;
  const pointed = here.find((c) => location && c.location.rowIndex === location.rowIndex && c.location.cellIndex === location.cellIndex);
  const more = changes.length > 1 ? `（共改 ${changes.length} 个单元格）` : '';
  const name = (c: (typeof changes)[number]) => (d.table === 'review' ? `“${c.row}”“${c.column}”` : `“${c.row}”行 “${c.column}”列`);
  return {
    marks: { changes: here.map((c) => ({ rowIndex: c.location.rowIndex, cellIndex: c.location.cellIndex, to: c.to })), addends },
    headerRows: sums.headerRows.find((h) => h.tableIndex === tableIndex)?.rows ?? 0,
    labelColumns: sums.labelColumns,
    caption: pointed ? `${name(pointed)}：${pointed.from} → ${pointed.to}${more}` : undefined,
  };
}
