import { balance } from './balance';
import { columnLabel } from './column-label';
import { embeddedContent } from './embedded-content';
import { crossYear } from './cross-year';
import { emptyCell } from './empty-cell';
import { extraRow } from './extra-row';
import { feeStatement } from './fee-statement';
import { missingRow } from './missing-row';
import { missingTable } from './missing-table';
import { notANumber } from './not-a-number';
import { outdatedTemplate } from './outdated-template';
import { placeholder } from './placeholder';
import { reportYearText } from './report-year-text';
import { rowLabel } from './row-label';
import { rowOrder } from './row-order';
import { sectionHeading } from './section-heading';
import { sumMismatch } from './sum-mismatch';
import { textTableMismatch } from './text-table-mismatch';
import type { Rule, RuleId, RuleMeta } from './types';
import { unconfirmedValue } from './unconfirmed-value';

export * from './types';
export { describePlace } from './places';
export { previousYearNumbers, isPreviousYearNumbers, type PreviousYearNumbers } from './text/previous-year';
export { reportAgency, agencyKey } from './text/agency';

/** Every rule, in the order findings are reported. */
export const rules: readonly Rule[] = [
  outdatedTemplate, missingTable, rowLabel, columnLabel, missingRow, extraRow, rowOrder,
  emptyCell, notANumber, sumMismatch, balance, unconfirmedValue, sectionHeading, embeddedContent,
  crossYear, textTableMismatch, reportYearText, feeStatement, placeholder,
];

const META_BY_ID = new Map<RuleId, RuleMeta>(rules.map((r) => [r.meta.id, r.meta]));

/** A rule's metadata by id (its name, docs, what it may emit). */
export function ruleMeta(id: RuleId): RuleMeta {
  const meta = META_BY_ID.get(id);
  if (!meta) throw new Error(`no rule ${id}`);
  return meta;
}
