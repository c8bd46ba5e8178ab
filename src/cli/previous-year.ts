import { basename } from 'node:path';
import type { PackageLimits } from '../docmodel';
import { previousYearNumbers, reportAgency, type PreviousYearNumbers } from '../rules';
import type { FileResult } from './file-result';
import type { CliIo } from './io';
import { lintPath } from './lint-path';

/**
 * A file as `lint` keeps it while the batch runs: its findings and what pairing with last year's
 * report needs (who it is from, its numbers), never the document itself, so memory per file stays
 * small however many files there are. Its strings are copies (structured clone), not slices that
 * would keep the whole document.xml alive.
 */
export interface CheckedFile extends Omit<FileResult, 'previous'> {
  agency: string | null;
  /** What a report of the next year compares with (null when not a report). */
  numbers: PreviousYearNumbers | null;
}

/** The pair a report was checked against, as the output names it. */
export interface PreviousPairing {
  file: string;
  year: number;
  /** False when the given last-year report is not of the year before (then nothing is compared). */
  used: boolean;
}

/** Lints one file and keeps what `lint` reports (see CheckedFile); `previousYear` compares with last year's numbers. */
export function checkFile(file: string, io: CliIo, limits: PackageLimits, previousYear: PreviousYearNumbers | null = null): CheckedFile {
  const outcome = lintPath(file, io, limits, previousYear);
  if ('error' in outcome) return unreadableFile(file, outcome.error);
  const { lint } = outcome;
  const agency = lint.isReport ? reportAgency(lint.document) : null;
  return structuredClone({
    file,
    template: lint.template,
    error: null,
    diagnostics: lint.diagnostics,
    year: lint.year,
    isReport: lint.isReport,
    agency,
    numbers: lint.isReport ? previousYearNumbers(lint.report, basename(file), agency) : null,
  });
}

export function unreadableFile(file: string, error: string): CheckedFile {
  return { file, template: null, error, diagnostics: [], year: null, isReport: false, agency: null, numbers: null };
}

/** A year the document states (title, 统计期限 or setting), not one assumed from the clock. */
const statedYear = (r: CheckedFile): number | null => (r.isReport && r.year && r.year.source !== 'assumed' ? r.year.year : null);

/**
 * Last year's report for each report: the one given with --prev, else among the other inputs the
 * report of the same agency for the year before (only when exactly one such report is there).
 */
export function findPrevious(report: CheckedFile, inputs: readonly CheckedFile[], given: CheckedFile | null): CheckedFile | null {
  if (given) return given;
  const year = statedYear(report);
  if (year === null || report.agency === null) return null;
  const candidates = inputs.filter((other) => other !== report && other.agency === report.agency && statedYear(other) === year - 1);
  return candidates.length === 1 ? candidates[0] : null;
}

/** Re-checks a report against last year's numbers (the file is read again: the batch keeps no documents). */
export function checkAgainst(report: CheckedFile, previous: CheckedFile, io: CliIo, limits: PackageLimits): { result: CheckedFile; pairing: PreviousPairing } {
  const numbers = previous.numbers!;
  const used = report.year !== null && numbers.year === report.year.year - 1;
  const result = used ? checkFile(report.file, io, limits, numbers) : report;
  return { result, pairing: { file: previous.file, year: numbers.year, used } };
}
