import { hasColumn } from '../../template';
import type { MappedReport } from '../../mapping';
import { tableValue } from './table-values';

/**
 * What this year's report needs from last year's (not the file): the carry-forward row of 表三 and
 * the 现行有效件数 of 表二 (2021 format only). Small and plain, so a host can store it with the
 * document and the check keeps working after reopening.
 */
export interface PreviousYearNumbers {
  /** Last year's file as the user knows it (a file name), for messages. */
  source: string;
  year: number;
  agency: string | null;
  /** 表三 “四、结转下年度继续办理” by column key. */
  carryForward: Record<string, number>;
  /** 表二 现行有效件数 by row key (规章, 行政规范性文件); null when last year's 表二 is not on the 2021 format. */
  inForce: Record<string, number> | null;
}

const APPLICANT_COLUMNS = ['natural', 'commercial', 'research', 'publicInterest', 'legal', 'otherOrganisation', 'total'];
const IN_FORCE_ROWS = ['regulations', 'normativeDocuments'];

export function previousYearNumbers(report: MappedReport, source: string, agency: string | null): PreviousYearNumbers {
  const carryForward: Record<string, number> = {};
  for (const column of APPLICANT_COLUMNS) {
    const v = tableValue(report, { table: 'applications', row: 'carryForward', column });
    if (v) carryForward[column] = v.value;
  }
  const active = report.tables.find((t) => t.id === 'active');
  let inForce: Record<string, number> | null = null;
  if (active && hasColumn('active', active.variant, 'inForce')) {
    inForce = {};
    for (const row of IN_FORCE_ROWS) {
      const v = tableValue(report, { table: 'active', row, column: 'inForce' });
      if (v) inForce[row] = v.value;
    }
  }
  return { source, year: report.year.year, agency, carryForward, inForce };
}

/** Guards what a host reads back from storage: anything else is treated as "not set". */
export function isPreviousYearNumbers(value: unknown): value is PreviousYearNumbers {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const numbers = (x: unknown) => typeof x === 'object' && x !== null && Object.values(x).every((n) => typeof n === 'number');
  return typeof v.source === 'string' && typeof v.year === 'number' && (v.agency === null || typeof v.agency === 'string')
    && numbers(v.carryForward) && (v.inForce === null || numbers(v.inForce));
}
