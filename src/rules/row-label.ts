import type { TableCell } from '../docmodel';
import { displayText, labelKey, splitLabelMark, splitLabelNumbering, type MappedTable, type RowPlace } from '../mapping';
import { setCellEdit } from './cell-findings';
import { cellLocation, describePlace } from './places';
import { docsPath, type Diagnostic, type Rule } from './types';

/** A row label (or group label, or 表二 block title) that is not the standard one after normalisation. */
export const rowLabel: Rule = {
  meta: { id: 'row-label', severity: 'error', fixes: 'fix', name: '行标签与标准不一致', description: '行标签与标准格式不一致', docs: docsPath('row-label') },
  check({ report }) {
    const found: Diagnostic[] = [];
    for (const table of report.tables) {
      for (const row of table.rows) {
        if (!row.templateRow || !row.labelCell || row.templateRow.label === '') continue;
        check(found, table, row, row.labelCell, row.templateRow.label, row.templateRow.label);
        for (const group of row.groupCells) check(found, table, row, group.cell, group.expected, group.expected);
      }
      for (const title of table.titles) {
        if (title.expected) check(found, table, title, title.cell, title.expected, title.expected);
      }
    }
    return found;
  },
};

/**
 * The corrected label in the document's own numbering style: the spec treats 1、 and 1. (or (一)
 * and （一）) as the same, so a fix keeps the one the author chose and rewrites only the words.
 */
export function correctedLabel(written: string, canonical: string): string {
  const mine = splitLabelNumbering(displayText(written));
  const standard = splitLabelNumbering(canonical);
  if (!mine || !standard || labelKey(mine.numbering) !== labelKey(standard.numbering)) return canonical;
  return mine.numbering.replace(/\s+/g, '') + standard.words;
}

function check(found: Diagnostic[], table: MappedTable, place: RowPlace, cell: TableCell, expected: string, rowLabelName: string): void {
  // A note mark (（含外籍）, *, ¹) is the author's addition, not a wrong word: the fix keeps it.
  const { body, mark } = splitLabelMark(cell.text);
  if (labelKey(body) === labelKey(expected)) return;
  const shown = displayText(cell.text);
  const corrected = correctedLabel(body, expected) + mark;
  found.push({
    rule: 'row-label', severity: 'error', table: table.id, row: rowLabelName, column: null,
    message: shown === ''
      ? `${describePlace(table.id, rowLabelName, null)}缺少行标签，应为“${expected}”。`
      : `行标签“${shown}”与标准格式不一致，应为“${expected}”。`,
    location: cellLocation(place, cell),
    fix: {
      description: `改为“${corrected}”`,
      edits: [setCellEdit({ ...place, cell }, corrected)],
    },
    suggestions: [],
  });
}
