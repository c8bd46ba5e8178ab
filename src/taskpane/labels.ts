import { FORMAT_NAMES } from '../template';
import type { TemplateVersion } from '../engine';
import type { ReportYear } from '../mapping/report-year';
import { ruleMeta, type RuleId, type Severity } from '../rules';
import type { TableId } from '../template';
import type { TemplateChoice } from '../hosts/report-host';

/** The groups findings are shown in: the three tables, the section headings, then the body text (正文). */
export type FindingArea = TableId | 'text' | 'body';
export const FINDING_AREAS: readonly FindingArea[] = ['active', 'applications', 'review', 'text', 'body'];

/** Rules about what the text says: shown under 正文, whichever table a number contradicts. */
const BODY_TEXT_RULES: ReadonlySet<RuleId> = new Set(['text-table-mismatch', 'report-year-text', 'fee-statement', 'placeholder']);

export const findingArea = (d: { rule: RuleId; table: TableId | 'text' }): FindingArea => (BODY_TEXT_RULES.has(d.rule) ? 'body' : d.table);

export const AREA_NAMES: Record<FindingArea, string> = {
  active: '表二',
  applications: '表三',
  review: '表四',
  text: '章节标题',
  body: '正文',
};

/** What each table is about, for people who do not know the numbers by heart. */
export const AREA_SUBTITLES: Record<FindingArea, string> = {
  active: '主动公开政府信息情况',
  applications: '收到和处理政府信息公开申请情况',
  review: '行政复议、行政诉讼情况',
  text: '六个部分的标题',
  body: '正文中的数字、年份、收费说明和占位文字',
};

/** A rule's short Chinese name, as its group of findings is headed (from the rule's metadata). */
export const ruleName = (id: RuleId): string => ruleMeta(id).name;

export const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '警告' };

export function templateVersionName(template: TemplateVersion): string {
  return template ? FORMAT_NAMES[template] : '未找到年报表格';
}

const YEAR_SOURCES: Record<ReportYear['source'], string> = {
  title: '取自标题',
  period: '取自统计期限',
  setting: '按设置',
  assumed: '文档未写明，按今年推定',
};

export const reportYearText = (year: ReportYear): string => `${year.year} 年度（${YEAR_SOURCES[year.source]}）`;

export const TEMPLATE_CHOICES: readonly { choice: TemplateChoice; label: string }[] = [
  { choice: 'report', label: '整份报告框架（六个部分和三张表）' },
  { choice: 'tables', label: '三张标准表格' },
  { choice: 'active', label: '表二 主动公开政府信息情况' },
  { choice: 'applications', label: '表三 收到和处理政府信息公开申请情况' },
  { choice: 'review', label: '表四 行政复议、行政诉讼情况' },
];
