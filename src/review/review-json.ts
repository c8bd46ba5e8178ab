import { ruleMeta } from '../rules';
import type { Review } from './review';

/**
 * The review as data, for other tools: every report with its counts and findings (without the
 * document), each finding with its rule's doc page as `lint --format json` gives it.
 */
export function reviewJson(review: Review): unknown {
  return {
    reports: review.reports.map((r) => ({
      file: r.file,
      agency: r.agency,
      year: r.year,
      template: r.template,
      page: r.fromPage,
      counts: r.counts,
      previousYear: review.previousYear.get(r)?.file ?? null,
      diagnostics: r.findings.map((f) => ({ ...f, docs: ruleMeta(f.rule).docs })),
    })),
    unreadable: review.unreadable.map((r) => ({ file: r.file, error: r.error })),
    notReports: review.notReports.map((r) => r.file),
    duplicates: review.duplicates,
    missingYears: review.missingYears,
  };
}
