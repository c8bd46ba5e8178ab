import { auditRows } from '../audit/audit-record';
import { auditWorkbook } from '../audit/xlsx';
import type { FileResult } from './file-result';

/**
 * The 检查记录 of a lint run as .xlsx: one row per finding (state 待处理: the CLI's lint changes
 * nothing; `fix` reports what it fixed). An unreadable file gets a row saying why.
 */
export function formatXlsx(results: FileResult[], checkedAt: Date): Promise<Uint8Array> {
  return auditWorkbook(results.map((r) => ({
    document: r.file,
    checkedAt,
    rows: r.error
      ? [{ place: '', severity: '错误' as const, rule: 'unreadable', message: r.error, state: 'open' as const, action: '', who: '', when: '' }]
      : auditRows({ diagnostics: r.diagnostics, ignoredKeys: new Set(), keyOf: (d) => d.rule, events: [] }),
  })));
}
