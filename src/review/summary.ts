import type { DocumentModel, Table } from '../docmodel';
import type { LintResult, TemplateVersion } from '../engine';
import type { Diagnostic } from '../rules';

/**
 * One report as a reviewer's overview shows it: who wrote it for which year, on which format, how
 * many errors and warnings per table and in the text, and its findings with the document (for the
 * table previews). A file that could not be read keeps its reason instead.
 */
export interface ReportSummary {
  file: string;
  agency: string | null;
  year: number | null;
  template: TemplateVersion;
  isReport: boolean;
  /** Why the file could not be read (Chinese), or null. */
  error: string | null;
  /** Read from a web page: checked, not fixable. */
  fromPage: boolean;
  counts: Record<CountedArea, { errors: number; warnings: number }>;
  findings: Finding[];
  /** The tables findings point into, for the previews (only those: a batch keeps little per report). */
  tables: PreviewTable[];
}

/** A finding as the review shows it: what, where (no fix: a review only reports). */
export type Finding = Pick<Diagnostic, 'rule' | 'severity' | 'table' | 'row' | 'column' | 'message' | 'location'>;

export interface PreviewTable {
  tableIndex: number;
  rows: { rowIndex: number; gridBefore: number; cells: Pick<Table['rows'][number]['cells'][number], 'cellIndex' | 'gridSpan' | 'rowSpan' | 'verticalMerge' | 'text'>[] }[];
}

export const COUNTED_AREAS = ['active', 'applications', 'review', 'text'] as const;
export type CountedArea = (typeof COUNTED_AREAS)[number];

/**
 * A lint result reduced to what the review shows, as plain data detached from the document text
 * (findings' strings may be slices of the whole document.xml; a copy lets it go): memory per file
 * in a batch stays small whatever the number of files, and the summary crosses a worker boundary.
 */
export function summariseLint(file: string, lint: LintResult): ReportSummary {
  const counts = emptyCounts();
  for (const d of lint.diagnostics) {
    const area: CountedArea = (COUNTED_AREAS as readonly string[]).includes(d.table) ? (d.table as CountedArea) : 'text';
    counts[area][d.severity === 'error' ? 'errors' : 'warnings']++;
  }
  const findings = lint.diagnostics.map(({ rule, severity, table, row, column, message, location }) => ({ rule, severity, table, row, column, message, location }));
  const pointedAt = new Set(findings.map((f) => (f.location && 'tableIndex' in f.location ? f.location.tableIndex : -1)));
  const tables = lint.document.tables.filter((t) => pointedAt.has(t.tableIndex)).map((t) => ({
    tableIndex: t.tableIndex,
    rows: t.rows.map((r) => ({ rowIndex: r.rowIndex, gridBefore: r.gridBefore, cells: r.cells.map(({ cellIndex, gridSpan, rowSpan, verticalMerge, text }) => ({ cellIndex, gridSpan, rowSpan, verticalMerge, text })) })),
  }));
  const summary: ReportSummary = {
    file,
    agency: agencyOf(lint.document),
    year: lint.year.source === 'assumed' ? null : lint.year.year,
    template: lint.template,
    isReport: lint.isReport,
    error: null,
    fromPage: lint.document.format === 'html',
    counts,
    findings,
    tables,
  };
  return JSON.parse(JSON.stringify(summary)) as ReportSummary;
}

export function unreadableSummary(file: string, error: string): ReportSummary {
  return { file, agency: null, year: null, template: null, isReport: false, error, fromPage: false, counts: emptyCounts(), findings: [], tables: [] };
}

function emptyCounts(): ReportSummary['counts'] {
  return { active: { errors: 0, warnings: 0 }, applications: { errors: 0, warnings: 0 }, review: { errors: 0, warnings: 0 }, text: { errors: 0, warnings: 0 } };
}

/** "某某镇人民政府2024年政府信息公开工作年度报告" (possibly over two title lines) → "某某镇人民政府". */
const TITLE = /^(.{2,40}?)\s*(?:关于)?\s*[（(]?\s*(?:19|20)\d{2}\s*年\s*度?\s*[）)]?\s*(?:的)?\s*政府信息公开/;
/** "本报告由某某镇人民政府编制" / "由某某局办公室编制". */
const COMPILER = /由\s*([^，,。；\s]{2,30}?)\s*(?:负责)?(?:编制|编写|发布|制作)/;

/**
 * The agency a report is from: its title (the text before the year), or where the title names
 * none, the body the opening text says compiled the report. Null when neither says.
 */
export function agencyOf(document: DocumentModel): string | null {
  const opening = document.paragraphs.slice(0, 8).map((p) => p.text.replace(/\s+/g, '')).filter((t) => t !== '');
  const whole = opening.map((t) => TITLE.exec(t)).find((m) => m);
  if (whole) return cleanAgency(whole[1]);
  // A title over two lines: the agency alone on the first (not a web page's breadcrumb "首页>…").
  for (let i = 0; i + 1 < opening.length; i++) {
    if (opening[i].length > 30 || /[>›»|]/.test(opening[i])) continue;
    const title = TITLE.exec(opening[i] + opening[i + 1]);
    if (title && title[1] === opening[i]) return cleanAgency(title[1]);
  }
  for (const p of document.paragraphs.slice(0, 15)) {
    const compiler = COMPILER.exec(p.text);
    if (compiler) return cleanAgency(compiler[1]);
  }
  return null;
}

const cleanAgency = (name: string) => name.replace(/^[\s“"《]+|[\s”"》、，,]+$/g, '');
