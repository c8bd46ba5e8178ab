import { rowText, tableText, type CellContent, type Fix } from '../edits/types';
import { standardCellAddress, standardTableXml } from '../generate/table-ooxml';
import { labelKey, type MappedRow, type MappedTable } from '../mapping';
import { formatForYear, formatOf, isOlderFormat, migrationFor, templateTable, type Format, type Migration, type TemplateTable } from '../template';
import { cellLocation, describePlace } from './places';
import { docsPath, type Diagnostic, type Rule } from './types';

/**
 * A table (or one block of it, such as 表三's single-row 其他处理) on a format older than the one
 * the report's year must use (e.g. the 2019 trial format in a 2021 or later report). What differs
 * is computed from the template data; the fix migrates the values as the migration data says.
 */
export const outdatedTemplate: Rule = {
  meta: { id: 'outdated-template', severity: 'error', fixes: 'fix', name: '仍为旧版格式', description: '使用了已废止的旧版年报格式', docs: docsPath('outdated-template') },
  check({ report }) {
    const required = formatForYear(report.year.year);
    return report.tables.filter((t) => isOlderFormat(t.variant, required.id)).map((table) => finding(table, report.year.year, required));
  },
};

function finding(table: MappedTable, year: number, required: Format): Diagnostic {
  const found = formatOf(table.variant);
  const current = templateTable(table.id, required.id);
  const currentRows = new Set(current.blocks.flatMap((b) => b.rows.map((r) => labelKey(r.label))));
  const currentHeaders = new Set(current.blocks.flatMap((b) => b.header.flat().map((h) => labelKey(h.text))));
  const currentTitles = new Set(current.blocks.flatMap((b) => (b.title ? [labelKey(b.title)] : [])));

  const oldRows = table.rows.filter((r) => r.templateRow && !currentRows.has(labelKey(r.templateRow.label)));
  const oldHeaders = [...new Set(table.headers.map((h) => h.expected).filter((e) => !currentHeaders.has(labelKey(e))))];
  const oldTitles = table.titles.filter((t) => t.expected && !currentTitles.has(labelKey(t.expected)));
  const notice = `${year} 年度报告应使用${required.notice}规定的格式`;
  const migration = migrationFor(table.id, found.id, required.id);
  const names = { found, required };

  if (oldRows.length === 1 && oldHeaders.length === 0 && oldTitles.length === 0) {
    const row = oldRows[0];
    const label = row.templateRow!.label;
    const replacement = current.blocks.flatMap((b) => b.rows).filter((r) => r.groups.includes(label));
    const detail = replacement.length > 0 ? `${required.name}中“${label}”分为 ${replacement.length} 行：${replacement.map((r) => r.label).join('；')}` : `${required.name}中没有“${label}”行`;
    return {
      rule: 'outdated-template', severity: 'error', table: table.id, row: label, column: null,
      message: `${describePlace(table.id, label, null)}仍是${found.name}（${found.notice}）：${detail}。${notice}。`,
      location: cellLocation(row, row.labelCell),
      fix: migration ? splitRowFix(row, current, migration, names) : null,
      suggestions: [],
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
    message: `${describePlace(table.id, null, null)}仍是${found.name}（${found.notice}），其中${details.join('，')}已不再使用。${notice}。`,
    location: { tableIndex: first.tableIndex, rowIndex: 0, cellIndex: null },
    fix: migration ? rebuildTableFix(table, current, migration, names) : null,
    suggestions: [],
  };
}

/** The formats a fix migrates between, for its texts. */
interface MigrationNames {
  found: Format;
  required: Format;
}

/** The old format's value that migrates into a cell of the new one, with whether the user must confirm it. */
function carried(rows: readonly MappedRow[], migration: Migration, rowKey: string, columnKey: string): { text: string; from: string; confirm: boolean } | null {
  for (const c of migration.carry) {
    if (c.to.row !== rowKey || (c.to.column !== '*' && c.to.column !== columnKey)) continue;
    const fromColumn = c.from.column === '*' ? columnKey : c.from.column;
    const source = rows.find((r) => r.templateRow?.key === c.from.row)?.cells.get(fromColumn);
    if (source) return { text: source.cell.text.trim(), from: source.column.label, confirm: c.confirm };
  }
  return null;
}

/**
 * 表三's single 2019 其他处理 row becomes the 2021 sub-rows, formatted like the row it replaces:
 * the group label starts a vertical merge over them, its old value goes where the migration says.
 */
function splitRowFix(row: MappedRow, current: TemplateTable, migration: Migration, names: MigrationNames): Fix | null {
  const label = row.templateRow!.label;
  const labelCell = row.labelCell;
  if (!labelCell || labelCell.gridSpan < 2) return null;
  const subRows = current.blocks.flatMap((b) => b.rows).filter((r) => r.groups.includes(label));
  // A 2019 row that the 2021 format simply dropped has nothing to split into: deleting data is the user's call.
  if (subRows.length === 0) return null;
  const block = current.blocks.find((b) => b.rows.includes(subRows[0]))!;
  const before = row.row.cells.filter((c) => c.gridColumn < labelCell.gridColumn);
  const dataColumns = block.columns.map((column) => ({ column, cell: row.cells.get(column.key) }));
  if (dataColumns.some((d) => !d.cell)) return null;
  const rows = subRows.map((subRow, i): CellContent[] => [
    ...before.map((c): CellContent => ({ text: i === 0 ? c.text : '', gridSpan: c.gridSpan, verticalMerge: i === 0 ? c.verticalMerge : c.verticalMerge ? 'continue' : null })),
    { text: i === 0 ? label : '', gridSpan: 1, verticalMerge: i === 0 ? 'restart' : 'continue' },
    { text: subRow.label, gridSpan: labelCell.gridSpan - 1, verticalMerge: null },
    ...dataColumns.map(({ column, cell }): CellContent => ({
      text: carried([row], migration, subRow.key, column.key)?.text ?? '0',
      gridSpan: cell!.cell.gridSpan,
      verticalMerge: null,
    })),
  ]);
  return {
    description: `将“${label}”改为${names.required.name}的 ${subRows.length} 行，原数值计入“${subRows.at(-1)!.label}”`,
    edits: [{ kind: 'replace-row', tableIndex: row.table.tableIndex, rowIndex: row.row.rowIndex, expected: rowText(row.row.cells), rows }],
  };
}

/**
 * 表二 on the 2019 format is rebuilt as the standard 2021 table. Values that carry over are carried;
 * proposals and cells with no 2019 source get a comment and stay marked until the user confirms.
 */
function rebuildTableFix(table: MappedTable, current: TemplateTable, migration: Migration, names: MigrationNames): Fix {
  const notes = new Map<string, string>();
  const values = (rowKey: string, columnKey: string): string => {
    const value = carried(table.rows, migration, rowKey, columnKey);
    const column = current.blocks.flatMap((b) => b.columns).find((c) => c.key === columnKey)!;
    if (value?.confirm) notes.set(`${rowKey}/${columnKey}`, `【请确认】此值由${names.found.name}的“${value.from}”转入，请核实是否就是“${column.label}”。`);
    if (migration.fillIn.some((f) => f.row === rowKey && f.column === columnKey)) {
      notes.set(`${rowKey}/${columnKey}`, `【请填写】${names.found.name}没有“${column.label}”，已暂填 0，请按实际填写。`);
    }
    return value?.text || '0';
  };
  const tableXml = standardTableXml(table.id, current.variant, { values });
  const comments = [...notes].map(([key, text]) => {
    const [rowKey, columnKey] = key.split('/');
    return { ...standardCellAddress(table.id, current.variant, rowKey, columnKey), text };
  });
  const [first, ...rest] = table.parts;
  return {
    description: `按${names.required.name}重建表${current.numeral}，沿用可对应的数值，需要确认或填写的单元格已加批注`,
    edits: [
      { kind: 'replace-table', tableIndex: first.tableIndex, expected: tableText(first.rows), tableXml, comments },
      ...rest.map((part) => ({ kind: 'delete-table' as const, tableIndex: part.tableIndex, expected: tableText(part.rows) })),
    ],
  };
}
