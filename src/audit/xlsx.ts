import { Workbook } from 'exceljs';
import { AUDIT_STATE_NAMES, type AuditRow } from './audit-record';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface AuditSheet {
  /** The checked document (file name, or "当前文档" in Word). */
  document: string;
  checkedAt: Date;
  rows: readonly AuditRow[];
}

const COLUMNS = [
  { header: '文件', key: 'document', width: 24 },
  { header: '位置', key: 'place', width: 36 },
  { header: '级别', key: 'severity', width: 8 },
  { header: '规则', key: 'rule', width: 18 },
  { header: '问题', key: 'message', width: 60 },
  { header: '状态', key: 'state', width: 10 },
  { header: '处理', key: 'action', width: 30 },
  { header: '处理人', key: 'who', width: 12 },
  { header: '处理时间', key: 'when', width: 22 },
];

/** The 检查记录 as an .xlsx workbook (one sheet, one row per finding, several documents allowed). */
export async function auditWorkbook(sheets: readonly AuditSheet[]): Promise<Uint8Array> {
  const workbook = new Workbook();
  workbook.creator = 'nianbao-lint';
  workbook.created = sheets[0]?.checkedAt ?? new Date();
  const sheet = workbook.addWorksheet('检查记录', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  for (const s of sheets) {
    for (const r of s.rows) {
      sheet.addRow({ ...r, document: s.document, state: AUDIT_STATE_NAMES[r.state], when: r.when ? r.when.replace('T', ' ').slice(0, 19) : '' });
    }
  }
  sheet.getColumn('message').alignment = { wrapText: true, vertical: 'top' };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
