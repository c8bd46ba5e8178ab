import type { Diagnostic } from '../rules';
import { AREA_NAMES } from './labels';

/**
 * Where a finding is, as the pane writes it: a breadcrumb from the table to the cell, quotes set
 * tight as in the messages (表三 · “1.属于国家秘密”行 · “自然人”列). 表四's rows are its column
 * groups, so its places read 表四 · 行政复议 › 尚未审结.
 */
export function placeText(d: Pick<Diagnostic, 'table' | 'row' | 'column'>): string {
  if (d.table === 'text') return d.row ? `标题 · “${d.row}”` : '正文';
  const parts = [AREA_NAMES[d.table]];
  if (d.table === 'review') {
    const path = [d.row, d.column].filter((p): p is string => !!p).join(' › ');
    if (path) parts.push(path);
  } else {
    if (d.row) parts.push(`“${d.row}”行`);
    if (d.column) parts.push(`“${d.column}”列`);
  }
  return parts.join(' · ');
}
