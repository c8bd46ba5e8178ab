import { basename } from 'node:path';
import { lintDocument, type LintResult } from '../engine';
import { previousYearNumbers, reportAgency, type PreviousYearNumbers } from '../rules';

/** A linted report with what pairing needs: who it is from and for which year. */
export interface LintedReport {
  file: string;
  result: LintResult;
  agency: string | null;
}

/** The pair a report was checked against, as the output names it. */
export interface PreviousPairing {
  file: string;
  year: number;
  /** False when the given last-year report is not of the year before (then nothing is compared). */
  used: boolean;
}

export function linted(file: string, result: LintResult): LintedReport {
  return { file, result, agency: result.isReport ? reportAgency(result.document) : null };
}

export function numbersOf(report: LintedReport): PreviousYearNumbers {
  return previousYearNumbers(report.result.report, basename(report.file), report.agency);
}

/** A year the document states (title, 统计期限 or setting), not one assumed from the clock. */
const statedYear = (r: LintedReport): number | null => (r.result.isReport && r.result.year.source !== 'assumed' ? r.result.year.year : null);

/**
 * Last year's report for each report: the one given with --prev, else among the other inputs the
 * report of the same agency for the year before (only when exactly one such report is there).
 */
export function findPrevious(report: LintedReport, inputs: readonly LintedReport[], given: LintedReport | null): LintedReport | null {
  if (given) return given;
  const year = statedYear(report);
  if (year === null || report.agency === null) return null;
  const candidates = inputs.filter((other) => other !== report && other.agency === report.agency && statedYear(other) === year - 1);
  return candidates.length === 1 ? candidates[0] : null;
}

/** Re-checks a report against last year's numbers (the parsed document is reused). */
export function checkAgainst(report: LintedReport, previous: LintedReport, currentYear: number): { result: LintResult; pairing: PreviousPairing } {
  const numbers = numbersOf(previous);
  const used = numbers.year === report.result.year.year - 1;
  const result = used ? lintDocument(report.result.document, { currentYear, previousYear: numbers }) : report.result;
  return { result, pairing: { file: previous.file, year: numbers.year, used } };
}
