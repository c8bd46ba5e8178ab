import { readDocument, type DocumentModel } from '../docmodel';
import { mapDocument, type MappedReport } from '../mapping';
import { rules, type Diagnostic, type PreviousYearNumbers } from '../rules';

export type TemplateVersion = '2021' | '2019' | 'mixed' | null;

export interface LintOptions {
  /** The year "now" (for reports that state no year); injected so the engine stays pure. */
  currentYear: number;
  /** The report year as the user set it, overriding what the document says (it decides the expected format). */
  reportYear?: number | null;
  /** Last year's numbers of the same agency (cross-year), when known. */
  previousYear?: PreviousYearNumbers | null;
}

export interface LintResult {
  template: TemplateVersion;
  year: MappedReport['year'];
  isReport: boolean;
  diagnostics: Diagnostic[];
  report: MappedReport;
  document: DocumentModel;
}

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

export function lintDocument(document: DocumentModel, options: LintOptions): LintResult {
  const report = mapDocument(document, options.currentYear, options.reportYear ?? null);
  const diagnostics = report.isReport ? rules.flatMap((rule) => rule.check({ document, report, previousYear: options.previousYear ?? null })) : [];
  return {
    template: templateVersion(report),
    year: report.year,
    isReport: report.isReport,
    diagnostics: sortByPlace(diagnostics, document),
    report,
    document,
  };
}

/** Lints a .docx (or flat OPC) given as bytes; throws DocumentReadError for unreadable input. */
export function lintDocx(bytes: Uint8Array, options: LintOptions): LintResult {
  return lintDocument(readDocument(bytes), options);
}

function templateVersion(report: MappedReport): TemplateVersion {
  if (report.tables.length === 0) return null;
  const variants = new Set(report.tables.filter((t) => t.variantDecided).map((t) => t.variant));
  if (variants.size === 0) return '2021';
  return variants.size > 1 ? 'mixed' : [...variants][0];
}

/** Document order (tables and paragraphs by their position in the body), errors first at one place. */
function sortByPlace(diagnostics: Diagnostic[], document: DocumentModel): Diagnostic[] {
  const tablePosition = new Map<number, number>();
  const paragraphPosition = new Map<number, number>();
  document.blocks.forEach((b, position) => {
    if (b.kind === 'table') tablePosition.set(b.tableIndex, position);
    else paragraphPosition.set(b.paragraphIndex, position);
  });
  const key = ({ location: l }: Diagnostic): number[] => {
    if (!l) return [Number.MAX_SAFE_INTEGER];
    if ('paragraphIndex' in l) return [paragraphPosition.get(l.paragraphIndex) ?? 0];
    return [tablePosition.get(l.tableIndex) ?? 0, l.rowIndex, l.cellIndex ?? -1];
  };
  const compare = (a: number[], b: number[]) => {
    for (let n = 0; n < Math.max(a.length, b.length); n++) {
      const diff = (a[n] ?? -1) - (b[n] ?? -1);
      if (diff !== 0) return diff;
    }
    return 0;
  };
  return diagnostics
    .map((d, i) => ({ d, i, k: key(d) }))
    .sort((a, b) => compare(a.k, b.k) || SEVERITY_ORDER[a.d.severity] - SEVERITY_ORDER[b.d.severity] || a.i - b.i)
    .map((x) => x.d);
}
