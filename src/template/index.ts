import { headings } from './headings';
import { migrations } from './migrations';
import { TemplateSchema, type Template, type TableId, type TemplateTable, type Variant } from './schema';
import { active2019, active2021, applications2019, applications2021, review2019, review2021 } from './tables';

export * from './schema';
export { textPhrases, TextPhrasesSchema, type CellRef, type CountPhrase, type NonePhrase, type TextPhrases } from './text-phrases';

/** The validated template: parsing here means a typo in the data fails at load, not mid-lint. */
export const template: Template = TemplateSchema.parse({
  tables: [active2021, applications2021, review2021, active2019, applications2019, review2019],
  headings,
  migrations,
});

export function migrationFor(id: TableId) {
  return template.migrations.find((m) => m.table === id) ?? null;
}

export const TABLE_IDS: readonly TableId[] = ['active', 'applications', 'review'];
export const CURRENT_VARIANT: Variant = '2021';
/** First report year for which the 2021 format applies. */
export const CURRENT_FORMAT_FROM_YEAR = 2021;

export function templateTable(id: TableId, variant: Variant): TemplateTable {
  const found = template.tables.find((t) => t.id === id && t.variant === variant);
  if (!found) throw new Error(`template table ${id}/${variant} missing`);
  return found;
}

export function tableNumeral(id: TableId): string {
  return templateTable(id, CURRENT_VARIANT).numeral;
}

/** What the user reads for a format found in a document (one name everywhere: CLI, pane, reviewer's report). */
export const FORMAT_NAMES = { '2021': '2021 年格式', '2019': '2019 年试行格式', mixed: '新旧格式混用' } as const;
