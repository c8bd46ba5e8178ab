import { ruleMeta, type CellChange, type Diagnostic, type Fix } from '../rules';
import type { FileResult } from './file-result';

/**
 * The cells a fix changes, as data. Sum repairs carry them; for other fixes the cell edits at the
 * diagnostic's own place are named with its labels, other structural edits have no cell changes.
 */
function changesOf(d: Diagnostic, fix: Fix): CellChange[] {
  if (fix.changes) return fix.changes;
  return fix.edits.flatMap((e) => {
    if (e.kind !== 'set-cell-text') return [];
    const location = { tableIndex: e.tableIndex, rowIndex: e.rowIndex, cellIndex: e.cellIndex };
    const here = d.location !== null && 'tableIndex' in d.location && d.location.tableIndex === e.tableIndex && d.location.rowIndex === e.rowIndex && d.location.cellIndex === e.cellIndex;
    return [{ table: d.table, row: here ? d.row : null, column: here ? d.column : null, from: e.expected, to: e.text, location }];
  });
}

const fixData = (d: Diagnostic, fix: Fix) => ({ description: fix.description, changes: changesOf(d, fix) });

/**
 * The JSON output contract: exactly these keys, in this order (related and previous only when there
 * are any). `docs` is the rule's doc page, relative to the package root.
 */
export function formatJson(results: FileResult[]): string {
  return JSON.stringify({
    files: results.map((r) => ({
      file: r.file,
      template: r.template,
      error: r.error,
      diagnostics: r.diagnostics.map((d) => ({
        rule: d.rule, severity: d.severity, table: d.table, row: d.row, column: d.column,
        message: d.message, fixable: d.fix !== null, location: d.location,
        fix: d.fix ? fixData(d, d.fix) : null,
        suggestions: d.suggestions.map((s) => fixData(d, s)),
        docs: ruleMeta(d.rule).docs,
        // Only findings about text carry the table cells they contradict.
        ...(d.related ? { related: d.related } : {}),
      })),
      ...(r.previous ? { previous: r.previous } : {}),
    })),
  }, null, 2);
}
