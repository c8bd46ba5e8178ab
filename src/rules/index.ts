import { balance } from './balance';
import { columnLabel } from './column-label';
import { embeddedContent } from './embedded-content';
import { emptyCell } from './empty-cell';
import { extraRow } from './extra-row';
import { missingRow } from './missing-row';
import { missingTable } from './missing-table';
import { notANumber } from './not-a-number';
import { outdatedTemplate } from './outdated-template';
import { rowLabel } from './row-label';
import { rowOrder } from './row-order';
import { sectionHeading } from './section-heading';
import { sumMismatch } from './sum-mismatch';
import type { Rule } from './types';
import { unconfirmedValue } from './unconfirmed-value';

export * from './types';
export { describePlace } from './places';

/** Every rule, in the order findings are reported. */
export const rules: readonly Rule[] = [
  outdatedTemplate, missingTable, rowLabel, columnLabel, missingRow, extraRow, rowOrder,
  emptyCell, notANumber, sumMismatch, balance, unconfirmedValue, sectionHeading, embeddedContent,
];
