import { template, CURRENT_VARIANT, type TableId } from '../template';
import { paragraph, SIZES, type ParagraphStyle, type RunStyle } from './ooxml';
import { standardTableXml } from './table-ooxml';

/*
 * A whole blank report in the current (2021) format: title, the six section headings from the
 * template, short body text and placeholders, and the three standard tables filled with zeros.
 * The result is body content (w:p and w:tbl); docx-package.ts wraps it into a document.
 */

export interface ReportSkeletonOptions {
  /** The reporting agency as it should appear in the title (e.g. 某某市某某区人民政府). */
  agency: string;
  /** The report year (the statistics period is 1 January – 31 December of this year). */
  year: number;
  /** Values for the tables (default "0" everywhere). */
  values?: (id: TableId, rowKey: string, columnKey: string) => string | undefined;
}

/** 公文 body line spacing: exactly 28 pt. */
const BODY_LINE = 560;
/** A title longer than this (characters at 二号 on a 156 mm line) breaks after the agency name. */
const TITLE_LINE_CHARS = 20;

const TITLE_RUN: RunStyle = { font: 'title', size: SIZES.title };
const HEADING_RUN: RunStyle = { font: 'heading', size: SIZES.body };
const BODY_RUN: RunStyle = { font: 'body', size: SIZES.body };
const BODY: ParagraphStyle = { align: 'both', firstLineChars: 200, exactLine: BODY_LINE };
const HEADING: ParagraphStyle = { align: 'both', firstLineChars: 200, exactLine: BODY_LINE, keepNext: true, outlineLevel: 0 };
const TITLE: ParagraphStyle = { align: 'center' };

/** The year a new blank report is for: the one set, else the year just ended (reports are written in January). */
export const templateYear = (reportYear: number | null, currentYear: number): number => reportYear ?? currentYear - 1;

export const reportTitle = (agency: string, year: number): string => `${agency}${year}年政府信息公开工作年度报告`;

/** Body text under each section, by heading numeral; the tables come from the template. */
function sectionText(numeral: string, year: number): string[] {
  switch (numeral) {
    case '一':
      return [
        `本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
        '（请在此处概述本年度主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面的工作情况，篇幅原则上不超过一千字。）',
      ];
    case '五':
      return ['（请在此处说明本年度政府信息公开工作存在的主要问题，以及针对问题已采取和拟采取的改进措施、取得的成效。）'];
    case '六':
      return [
        '依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度未收取信息处理费。',
        '（如有其他需要报告的事项，请在此处说明。）',
      ];
    default:
      return [];
  }
}

/** Body content (w:p and w:tbl, no w:sectPr) of a blank standard report. */
export function reportSkeletonXml(options: ReportSkeletonOptions): string {
  const { agency, year, values } = options;
  const full = reportTitle(agency, year);
  const title = agency !== '' && full.length > TITLE_LINE_CHARS ? `${agency}\n${reportTitle('', year)}` : full;
  const parts: string[] = [paragraph(title, TITLE, TITLE_RUN), paragraph('', BODY, BODY_RUN)];
  for (const heading of template.headings) {
    parts.push(paragraph(`${heading.numeral}、${heading.title}`, HEADING, HEADING_RUN));
    for (const text of sectionText(heading.numeral, year)) parts.push(paragraph(text, BODY, BODY_RUN));
    const id = heading.table;
    if (id) {
      parts.push(standardTableXml(id, CURRENT_VARIANT, values ? { values: (row, column) => values(id, row, column) } : {}));
    }
  }
  return parts.join('');
}
