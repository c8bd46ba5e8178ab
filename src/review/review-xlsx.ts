import { Workbook, type Worksheet } from 'exceljs';
import { describePlace, ruleMeta } from '../rules';
import { FORMAT_NAMES } from '../template';
import type { Review } from './review';
import { COUNTED_AREAS, type CountedArea } from './summary';

export { XLSX_MIME } from '../audit/xlsx';

const AREA_NAMES: Record<CountedArea, string> = { active: '表二', applications: '表三', review: '表四', text: '正文' };

/**
 * The review as an .xlsx workbook for reviewers who keep their lists in Excel: 总览 (one row per
 * file, reports first, then the files that could not be read or are not reports), 问题清单 (every
 * finding with its report), and 需要注意 (duplicates and missing years).
 */
export async function reviewWorkbook(review: Review, generatedAt: Date): Promise<Uint8Array> {
  const workbook = new Workbook();
  workbook.creator = 'nianbao-lint';
  workbook.created = generatedAt;
  overviewSheet(workbook.addWorksheet('总览', { views: [{ state: 'frozen', ySplit: 1 }] }), review);
  findingsSheet(workbook.addWorksheet('问题清单', { views: [{ state: 'frozen', ySplit: 1 }] }), review);
  attentionSheet(workbook.addWorksheet('需要注意', { views: [{ state: 'frozen', ySplit: 1 }] }), review);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function overviewSheet(sheet: Worksheet, review: Review): void {
  sheet.columns = [
    { header: '单位', key: 'agency', width: 28 },
    { header: '年度', key: 'year', width: 8 },
    { header: '格式', key: 'format', width: 14 },
    ...COUNTED_AREAS.flatMap((a) => [
      { header: `${AREA_NAMES[a]}错误`, key: `${a}Errors`, width: 9 },
      { header: `${AREA_NAMES[a]}警告`, key: `${a}Warnings`, width: 9 },
    ]),
    { header: '错误合计', key: 'errors', width: 9 },
    { header: '警告合计', key: 'warnings', width: 9 },
    { header: '上一年报告', key: 'previous', width: 24 },
    { header: '状态', key: 'state', width: 30 },
    { header: '文件', key: 'file', width: 40 },
  ];
  for (const r of review.reports) {
    const counts = Object.fromEntries(COUNTED_AREAS.flatMap((a) => [[`${a}Errors`, r.counts[a].errors], [`${a}Warnings`, r.counts[a].warnings]]));
    const errors = COUNTED_AREAS.reduce((n, a) => n + r.counts[a].errors, 0);
    const warnings = COUNTED_AREAS.reduce((n, a) => n + r.counts[a].warnings, 0);
    sheet.addRow({
      agency: r.agency ?? '（未识别）', year: r.year ?? '', format: r.template ? FORMAT_NAMES[r.template] : '',
      ...counts, errors, warnings, previous: review.previousYear.get(r)?.file ?? '',
      state: `${errors + warnings === 0 ? '无问题' : errors > 0 ? '有错误' : '只有警告'}${r.fromPage ? '（网页，只能检查）' : ''}`, file: r.file,
    });
  }
  for (const r of review.unreadable) sheet.addRow({ agency: '', state: `无法读取：${r.error ?? ''}`, file: r.file });
  for (const r of review.notReports) sheet.addRow({ agency: '', state: '不像年报：未找到年报的表格和章节标题', file: r.file });
  finish(sheet);
}

function findingsSheet(sheet: Worksheet, review: Review): void {
  sheet.columns = [
    { header: '单位', key: 'agency', width: 28 },
    { header: '年度', key: 'year', width: 8 },
    { header: '位置', key: 'place', width: 36 },
    { header: '级别', key: 'severity', width: 8 },
    { header: '规则', key: 'rule', width: 20 },
    { header: '问题', key: 'message', width: 70 },
    { header: '文件', key: 'file', width: 40 },
  ];
  for (const r of review.reports) {
    for (const d of r.findings) {
      sheet.addRow({
        agency: r.agency ?? '（未识别）', year: r.year ?? '', place: describePlace(d.table, d.row, d.column),
        severity: d.severity === 'error' ? '错误' : '警告', rule: ruleMeta(d.rule).name, message: d.message, file: r.file,
      });
    }
  }
  sheet.getColumn('message').alignment = { wrapText: true, vertical: 'top' };
  finish(sheet);
}

function attentionSheet(sheet: Worksheet, review: Review): void {
  sheet.columns = [
    { header: '类别', key: 'kind', width: 20 },
    { header: '单位', key: 'agency', width: 28 },
    { header: '说明', key: 'detail', width: 70 },
  ];
  for (const d of review.duplicates) sheet.addRow({ kind: '同一年度有多份', agency: d.agency, detail: `${d.year} 年度：${d.files.join('、')}` });
  for (const m of review.missingYears) sheet.addRow({ kind: '缺少的年度', agency: m.agency, detail: `有 ${m.seen.join('、')} 年度，缺 ${m.years.join('、')} 年度` });
  finish(sheet);
}

/** Bold header, and a filter on every column so the reviewer can sort and filter in Excel. */
function finish(sheet: Worksheet): void {
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
}
