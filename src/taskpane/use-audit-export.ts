import { useEffect, useState } from 'react';
import { auditRows, type AuditEvent } from '../audit/audit-record';
import type { Diagnostic } from '../rules';
import { findingKey } from '../hosts/report-host';
import { placeText } from './place';

export interface AuditExportInput {
  documentName: string;
  diagnostics: readonly Diagnostic[];
  ignored: readonly string[];
  /** This session's fixes and ignores. */
  events: readonly AuditEvent[];
  now: () => Date;
  saveFile: ((bytes: Uint8Array, fileName: string, mimeType: string) => void) | undefined;
  print: () => void;
}

/**
 * 导出检查记录: every finding of the last check with its state, plus the fixes of this session, as
 * an Excel workbook or a printed page. `exportExcel` resolves with the notice to show.
 */
export function useAuditExport(input: AuditExportInput) {
  const rows = () => auditRows({ diagnostics: [...input.diagnostics], ignoredKeys: new Set(input.ignored), keyOf: findingKey, events: [...input.events], placeOf: placeText });
  const exportExcel = async (): Promise<string> => {
    if (!input.saveFile) throw new Error('此环境无法保存文件，请改用“打印”。');
    // exceljs is large: loaded only when the record is exported.
    const { auditWorkbook, XLSX_MIME } = await import(/* webpackChunkName: "audit-xlsx" */ '../audit/xlsx');
    const bytes = await auditWorkbook([{ document: input.documentName, checkedAt: input.now(), rows: rows() }]);
    const fileName = `${input.documentName.replace(/\.docx$/i, '')}-检查记录.xlsx`;
    input.saveFile(bytes, fileName, XLSX_MIME);
    return `已导出“${fileName}”（浏览器的下载位置）。`;
  };
  // The printable page is rendered first, then the print dialog opens over it.
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!printing) return;
    input.print();
    setPrinting(false);
  }, [printing]);
  return { rows, exportExcel, printing, print: () => setPrinting(true) };
}
