import { labelKey, type MappedTable } from '../mapping';
import { CURRENT_FORMAT_FROM_YEAR, CURRENT_VARIANT, templateTable } from '../template';
import { cellLocation, describePlace } from './places';
import { docsPath, type Diagnostic, type Rule } from './types';

/**
 * A table (or one block of it, such as 表三's single-row 其他处理) on the 2019 trial format in a
 * report for a year the 2021 format applies to. What differs is computed from the template data.
 */
export const outdatedTemplate: Rule = {
  meta: { id: 'outdated-template', severity: 'error', fixes: 'fix', description: '使用了已废止的 2019 年试行格式', docs: docsPath('outdated-template') },
  check({ report }) {
    if (report.year.year < CURRENT_FORMAT_FROM_YEAR) return [];
    return report.tables.filter((t) => t.variant !== CURRENT_VARIANT).map((table) => finding(table, report.year.year));
  },
};

function finding(table: MappedTable, year: number): Diagnostic {
  const current = templateTable(table.id, CURRENT_VARIANT);
  const currentRows = new Set(current.blocks.flatMap((b) => b.rows.map((r) => labelKey(r.label))));
  const currentHeaders = new Set(current.blocks.flatMap((b) => b.header.flat().map((h) => labelKey(h.text))));
  const currentTitles = new Set(current.blocks.flatMap((b) => (b.title ? [labelKey(b.title)] : [])));

  const oldRows = table.rows.filter((r) => r.templateRow && !currentRows.has(labelKey(r.templateRow.label)));
  const oldHeaders = [...new Set(table.headers.map((h) => h.expected).filter((e) => !currentHeaders.has(labelKey(e))))];
  const oldTitles = table.titles.filter((t) => t.expected && !currentTitles.has(labelKey(t.expected)));
  const notice = `${year} 年度报告应使用国办公开办函〔2021〕30号规定的格式`;

  if (oldRows.length === 1 && oldHeaders.length === 0 && oldTitles.length === 0) {
    const row = oldRows[0];
    const label = row.templateRow!.label;
    const replacement = current.blocks.flatMap((b) => b.rows).filter((r) => r.groups.includes(label)).map((r) => r.label);
    const detail = replacement.length > 0 ? `2021 年格式中“${label}”分为 ${replacement.length} 行：${replacement.join('；')}` : `2021 年格式中没有“${label}”行`;
    return {
      rule: 'outdated-template', severity: 'error', table: table.id, row: label, column: null,
      message: `${describePlace(table.id, label, null)}仍是 2019 年试行格式（国办公开办函〔2019〕60号）：${detail}。${notice}。`,
      location: cellLocation(row, row.labelCell), fix: null, suggestions: [],
    };
  }
  const details = [
    oldHeaders.length ? `列 ${oldHeaders.map((h) => `“${h}”`).join('')}` : '',
    oldRows.length ? `行 ${oldRows.map((r) => `“${r.templateRow!.label}”`).join('')}` : '',
    oldTitles.length ? `项目 ${oldTitles.map((t) => `“${t.expected}”`).join('')}` : '',
  ].filter(Boolean);
  const first = table.parts[0];
  return {
    rule: 'outdated-template', severity: 'error', table: table.id, row: null, column: null,
    message: `${describePlace(table.id, null, null)}仍是 2019 年试行格式（国办公开办函〔2019〕60号），其中${details.join('，')}已不再使用。${notice}。`,
    location: { tableIndex: first.tableIndex, rowIndex: 0, cellIndex: null }, fix: null, suggestions: [],
  };
}
