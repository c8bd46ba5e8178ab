import type { DocumentModel } from '../docmodel';
import type { MappedReport } from '../mapping';
import type { Fix } from '../edits/types';
import type { TableId } from '../template';
import type { PreviousYearNumbers } from './text/previous-year';

export type { CellChange, Edit, Fix } from '../edits/types';

export type RuleId =
  | 'outdated-template' | 'row-label' | 'column-label' | 'missing-row' | 'extra-row' | 'row-order'
  | 'missing-table' | 'empty-cell' | 'not-a-number' | 'sum-mismatch' | 'balance' | 'section-heading'
  | 'unconfirmed-value' | 'embedded-content'
  | 'text-table-mismatch' | 'report-year-text' | 'fee-statement' | 'placeholder' | 'cross-year';

export type Severity = 'error' | 'warning';

/** Where a finding is: a cell (Word's table/row/cell indices) or a body paragraph. */
export type Location =
  | { tableIndex: number; rowIndex: number; cellIndex: number | null }
  | { paragraphIndex: number };

export interface Diagnostic {
  rule: RuleId;
  severity: Severity;
  table: TableId | 'text';
  /** Canonical label of the row concerned (表四: its group), or null. */
  row: string | null;
  /** Canonical label of the column concerned, or null. */
  column: string | null;
  message: string;
  location: Location | null;
  /** A safe correction that fix-all may apply. */
  fix: Fix | null;
  /** Corrections that need the user's choice. */
  suggestions: Fix[];
  /** Other places the finding is about (text-table-mismatch: the table cells the text contradicts). */
  related?: Location[];
  /** For a table whose sums do not hold: the evidence and how to lay out its preview. */
  sums?: SumEvidence;
}

/** Why a table's sums are inconsistent, shown behind a 为什么 toggle and tinted in the preview. */
export interface SumEvidence {
  /** Relations that do not hold, one line each, with the cells they add up. */
  relations: { text: string; cells: { tableIndex: number; rowIndex: number; cellIndex: number }[] }[];
  /** Whether several repairs of the same size remain after weighing the evidence. */
  ambiguous: boolean;
  /** Rows at the top of each Word table of the standard table that are headers (kept in view). */
  headerRows: { tableIndex: number; rows: number }[];
  /** Grid columns holding row labels (kept in view). */
  labelColumns: number;
}

/**
 * What a rule says about itself; the one source of its name in the pane, the CLI and the 检查记录,
 * of the doc link in findings, and of what its findings may carry (checked by the rule tester).
 */
export interface RuleMeta {
  id: RuleId;
  severity: Severity;
  /** 'fix': safe fixes (and suggestions); 'suggestion': only corrections the user picks; 'none': neither. */
  fixes: 'fix' | 'suggestion' | 'none';
  /** Short Chinese name, as the pane heads a group of findings and the CLI tags a line. */
  name: string;
  description: string;
  /** Path of the rule's doc page, relative to the package root (docs/ ships with the package). */
  docs: string;
}

export interface RuleContext {
  document: DocumentModel;
  report: MappedReport;
  /** The numbers of last year's report of the same agency, when the user gave it (cross-year). */
  previousYear?: PreviousYearNumbers | null;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): Diagnostic[];
}

export const docsPath = (id: RuleId) => `docs/rules/${id}.md`;

/**
 * Why a finding carries more than its rule's metadata allows (a fix from a suggestion-only rule, a
 * suggestion from a rule that has none), or null. Hosts trust the metadata, so the rule tester fails
 * on any such finding, as ESLint refuses a fix from a rule without meta.fixable.
 */
export function beyondMeta(meta: RuleMeta, d: Diagnostic): string | null {
  if (d.rule !== meta.id) return `finding of ${d.rule} checked against the metadata of ${meta.id}`;
  if (d.fix && meta.fixes !== 'fix') return `rule ${meta.id} returned a fix (“${d.fix.description}”) but its meta.fixes is '${meta.fixes}': set meta.fixes to 'fix' or offer it as a suggestion`;
  if (d.suggestions.length > 0 && meta.fixes === 'none') return `rule ${meta.id} returned a suggestion (“${d.suggestions[0].description}”) but its meta.fixes is 'none': set meta.fixes to 'suggestion'`;
  return null;
}
