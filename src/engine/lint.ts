import { DocumentReadError, readDocument, type DocumentModel, type PackageLimits } from '../docmodel';
import { mapDocument, type MappedReport } from '../mapping';
import { CURRENT_VARIANT, type Variant } from '../template';
import { rules, type Diagnostic, type PreviousYearNumbers } from '../rules';

/** The format the report's tables are on: one of the template's, several mixed, or none found. */
export type TemplateVersion = Variant | 'mixed' | null;

export interface LintOptions {
  /** The year "now" (for reports that state no year); injected so the engine stays pure. */
  currentYear: number;
  /** The report year as the user set it, overriding what the document says (it decides the expected format). */
  reportYear?: number | null;
  /** How much a .docx may inflate to before it is refused as too large (default DEFAULT_LIMITS). */
  limits?: PackageLimits;
  /** Findings listed per rule; the rest are counted in one more finding (default MAX_FINDINGS_PER_RULE). */
  maxFindingsPerRule?: number;
  /** Last year's numbers of the same agency (cross-year), when known. */
  previousYear?: PreviousYearNumbers | null;
}

/** Enough to act on, few enough that a pathological document (thousands of tables) keeps the pane responsive. */
export const MAX_FINDINGS_PER_RULE = 200;

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
  if (!report.isReport && (document.altChunks ?? 0) > 0) {
    // Not "no report here": the content is there, in a form this reader cannot see.
    throw new DocumentReadError('embedded-content', '文档正文是以其他格式嵌入的内容（altChunk，常见于系统导出或网页转换的文件），无法检查。请在 Word 或 WPS 中打开并另存为 .docx 后再检查。');
  }
  const limit = options.maxFindingsPerRule ?? MAX_FINDINGS_PER_RULE;
  const found = report.isReport ? rules.flatMap((rule) => capped(sortByPlace(rule.check({ document, report, previousYear: options.previousYear ?? null }), document), limit)) : [];
  // A web page is checked like a .docx, but there is nothing to write a fix into.
  const diagnostics = document.format === 'html' ? found.map((d) => ({ ...d, fix: null })) : found;
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
  return lintDocument(readDocument(bytes, options.limits), options);
}

/** The first `limit` findings of one rule (in document order), and one more saying how many are not listed. */
function capped(found: Diagnostic[], limit: number): Diagnostic[] {
  if (found.length <= limit) return found;
  const first = found[0];
  const rest = found.length - limit;
  return [...found.slice(0, limit), {
    rule: first.rule, severity: found.slice(limit).some((d) => d.severity === 'error') ? 'error' : 'warning', table: first.table, row: null, column: null,
    message: `同类问题还有 ${rest} 处未列出（共 ${found.length} 处，只列出前 ${limit} 处）。请先处理以上问题后重新检查。`,
    location: null, fix: null, suggestions: [],
  }];
}

function templateVersion(report: MappedReport): TemplateVersion {
  if (report.tables.length === 0) return null;
  const variants = new Set(report.tables.filter((t) => t.variantDecided).map((t) => t.variant));
  if (variants.size === 0) return CURRENT_VARIANT;
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
