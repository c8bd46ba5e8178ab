import { previousYearNumbers, reportAgency, type PreviousYearNumbers } from '../rules';
import { lintDocx } from './lint';

/**
 * Reads last year's report (.docx bytes) for the cross-year check: only the numbers are kept, so
 * a host can store them with this year's document. Throws DocumentReadError for unreadable input,
 * and a plain Error with a Chinese message when the file is no annual report.
 */
export function readPreviousYear(bytes: Uint8Array, fileName: string, currentYear: number): PreviousYearNumbers {
  const last = lintDocx(bytes, { currentYear });
  if (!last.isReport) throw new Error(`“${fileName}”中未找到年度报告的表格和章节标题，不能作为上一年报告。`);
  return previousYearNumbers(last.report, fileName, reportAgency(last.document));
}
