import { formats } from './formats';
import { headings } from './headings';
import { migrations } from './migrations';
import type { Format, Template, TableId, TemplateTable, Variant } from './schema';
import { active2019, active2021, applications2019, applications2021, review2019, review2021 } from './tables';

// Types only: the zod schemas (./schema, ./text-phrases-schema) check the constant data in the
// build and the tests (test/template/data-valid.test.ts), so neither the CLI nor the pane loads zod.
export type * from './schema';
export { textPhrases, type CellRef, type CountPhrase, type NonePhrase, type TextPhrases } from './text-phrases';

/** The template data, typed; validated against TemplateSchema in the build and the tests, not at every start. */
export const template: Template = {
  formats,
  // Written `as const` (readonly literals); their shape is TemplateSchema's, checked in the build and the tests.
  tables: [active2021, applications2021, review2021, active2019, applications2019, review2019] as readonly unknown[] as TemplateTable[],
  headings,
  migrations,
};

/** How a table moves from one format to another, when the data says. */
export function migrationFor(id: TableId, from: Variant, to: Variant) {
  return template.migrations.find((m) => m.table === id && m.from === from && m.to === to) ?? null;
}

export const TABLE_IDS: readonly TableId[] = ['active', 'applications', 'review'];

/** The format in force now: the latest one. */
export const CURRENT_FORMAT: Format = template.formats[template.formats.length - 1];
export const CURRENT_VARIANT: Variant = CURRENT_FORMAT.id;
/** First report year for which the current format applies. */
export const CURRENT_FORMAT_FROM_YEAR = CURRENT_FORMAT.firstYear;
/** The first year any format applies to (reports before it have no standard tables). */
export const FIRST_FORMAT_YEAR = template.formats[0].firstYear;

export function formatOf(variant: Variant): Format {
  return template.formats.find((f) => f.id === variant)!;
}

/** The format a report of this year must use (the earliest one for years before any format). */
export function formatForYear(year: number): Format {
  return FORMATS_NEWEST_FIRST.find((f) => f.firstYear <= year) ?? template.formats[0];
}

/** Whether format `a` was replaced by format `b` (a is older). */
export function isOlderFormat(a: Variant, b: Variant): boolean {
  return formatOf(a).firstYear < formatOf(b).firstYear;
}

/** Every format, the current one first: where two fit a table equally well, the current one wins. */
export const FORMATS_NEWEST_FIRST: readonly Format[] = [...template.formats].reverse();

export function templateTable(id: TableId, variant: Variant): TemplateTable {
  const found = template.tables.find((t) => t.id === id && t.variant === variant);
  if (!found) throw new Error(`template table ${id}/${variant} missing`);
  return found;
}

/** Whether a table of a format has a column (e.g. 现行有效件数, which the 2019 trial format lacks). */
export function hasColumn(id: TableId, variant: Variant, columnKey: string): boolean {
  return templateTable(id, variant).blocks.some((b) => b.columns.some((c) => c.key === columnKey));
}

export function tableNumeral(id: TableId): string {
  return templateTable(id, CURRENT_VARIANT).numeral;
}

/** What the user reads for a format found in a document (one name everywhere: CLI, pane, reviewer's report). */
export const FORMAT_NAMES: Readonly<Record<Variant | 'mixed', string>> = {
  ...(Object.fromEntries(template.formats.map((f) => [f.id, f.name])) as Record<Variant, string>),
  mixed: '新旧格式混用',
};
