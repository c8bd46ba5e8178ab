import type { ReportSummary } from './summary';

/**
 * A reviewer's pile as one picture: the reports in order (agency, then year), the files that could
 * not be read, the same agency and year given twice, and for each agency seen in several years the
 * years between that are missing.
 */
export interface Review {
  reports: ReportSummary[];
  /** How many of the reports have at least one error. */
  withErrors: number;
  unreadable: ReportSummary[];
  /** Files that are not annual reports (no report tables or headings). */
  notReports: ReportSummary[];
  duplicates: { agency: string; year: number; files: string[] }[];
  missingYears: { agency: string; years: number[]; seen: number[] }[];
  /** For each report, the file of the same agency's previous year, where present. */
  previousYear: Map<ReportSummary, ReportSummary>;
}

export function buildReview(summaries: readonly ReportSummary[]): Review {
  const unreadable = summaries.filter((s) => s.error !== null);
  const notReports = summaries.filter((s) => s.error === null && !s.isReport);
  const reports = summaries
    .filter((s) => s.error === null && s.isReport)
    .sort((a, b) => (a.agency ?? '\uffff').localeCompare(b.agency ?? '\uffff', 'zh') || (a.year ?? 0) - (b.year ?? 0) || a.file.localeCompare(b.file));

  const byAgency = new Map<string, ReportSummary[]>();
  for (const r of reports) {
    if (!r.agency) continue;
    byAgency.set(r.agency, [...(byAgency.get(r.agency) ?? []), r]);
  }

  const duplicates: Review['duplicates'] = [];
  const missingYears: Review['missingYears'] = [];
  const previousYear = new Map<ReportSummary, ReportSummary>();
  for (const [agency, own] of byAgency) {
    const byYear = new Map<number, ReportSummary[]>();
    for (const r of own) if (r.year !== null) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
    for (const [year, files] of byYear) if (files.length > 1) duplicates.push({ agency, year, files: files.map((f) => f.file) });
    const seen = [...byYear.keys()].sort((a, b) => a - b);
    if (seen.length >= 2) {
      const gaps: number[] = [];
      for (let y = seen[0] + 1; y < seen[seen.length - 1]; y++) if (!byYear.has(y)) gaps.push(y);
      if (gaps.length > 0) missingYears.push({ agency, years: gaps, seen });
    }
    for (const r of own) {
      const previous = r.year !== null ? byYear.get(r.year - 1)?.[0] : undefined;
      if (previous) previousYear.set(r, previous);
    }
  }
  const withErrors = reports.filter((r) => r.findings.some((f) => f.severity === 'error')).length;
  return { reports, withErrors, unreadable, notReports, duplicates, missingYears, previousYear };
}
