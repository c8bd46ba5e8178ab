import type { FileResult } from './file-result';

/** The JSON output contract: exactly these keys, in this order (related and previous only when there are any). */
export function formatJson(results: FileResult[]): string {
  return JSON.stringify({
    files: results.map((r) => ({
      file: r.file,
      template: r.template,
      error: r.error,
      diagnostics: r.diagnostics.map((d) => ({
        rule: d.rule, severity: d.severity, table: d.table, row: d.row, column: d.column,
        message: d.message, fixable: d.fix !== null, location: d.location,
        // Only findings about text carry the table cells they contradict.
        ...(d.related ? { related: d.related } : {}),
      })),
      ...(r.previous ? { previous: r.previous } : {}),
    })),
  }, null, 2);
}
