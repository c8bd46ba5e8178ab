import type { CellRef, TextPhrases } from './text-phrases-schema';

export type { CellRef, CountPhrase, NonePhrase, TextPhrases } from './text-phrases-schema';

/*
 * What the text rules look for, as data (the shape: ./text-phrases-schema.ts). Patterns are
 * regular-expression sources; the schema compiles every one, so a typo fails the build and the tests.
 */

const cell = (table: CellRef['table'], row: string, column: string): CellRef => ({ table, row, column });
const applications = (row: string) => cell('applications', row, 'total');
const review = (column: string) => cell('review', 'cases', column);

/** Between a keyword and its number: a few characters, no clause break, no other number. */
const GAP = "[^，。；;,！？\\d]{0,20}?";
const NUMBER = '\\s*(\\d+)\\s*';
const UNIT = '(?:件|条|个|项|起|宗)';
/** Not preceded by 上年/上一年 (上年结转 is another row than 结转下年度). */
const NOT_LAST_YEAR = '(?<!上年|上一年|上年度)';

const LITIGATION = [review('directSuitTotal'), review('suitAfterReviewTotal')];
const REVIEW_TOTALS = [review('reviewTotal'), ...LITIGATION];

/** Typed here, validated against TextPhrasesSchema in the build and the tests (test/template/data-valid.test.ts). */
export const textPhrases: TextPhrases = {
  sentenceEnd: '[。！？!?\\n]',
  counts: [
    {
      id: 'received', subject: '收到的政府信息公开申请数',
      pattern: `(?:收到|新收|接收|接到)${GAP}(?:申请|依申请公开)${GAP}${NUMBER}${UNIT}`,
      readings: [[applications('received')]],
    },
    {
      // 受理 counts either the new applications or all of them (new + carried over).
      id: 'accepted', subject: '受理的政府信息公开申请数',
      pattern: `受理${GAP}(?:申请|依申请公开)${GAP}${NUMBER}${UNIT}`,
      readings: [[applications('received')], [applications('received'), applications('carriedOver')]],
    },
    {
      id: 'carriedOver', subject: '上年结转的申请数',
      pattern: `上一?年度?结转${GAP}${NUMBER}${UNIT}`,
      readings: [[applications('carriedOver')]],
    },
    {
      id: 'handled', subject: '办结的申请数',
      pattern: `办结${GAP}${NUMBER}${UNIT}`,
      readings: [[applications('handledTotal')]],
    },
    {
      id: 'carryForward', subject: '结转下年度继续办理的申请数',
      pattern: `${NOT_LAST_YEAR}结转(?:至|到)?(?:下一?年度?|\\d{4}年度?)?(?:继续办理)?${GAP}${NUMBER}${UNIT}`,
      readings: [[applications('carryForward')]],
    },
    {
      id: 'disclosed', subject: '予以公开的申请数',
      pattern: `(?<!部分|不)予以公开${NUMBER}${UNIT}`,
      readings: [[applications('disclosed')]],
    },
    {
      // "予以公开及部分公开 42 件" is the two rows together: not this phrase.
      id: 'partlyDisclosed', subject: '部分公开的申请数',
      pattern: `(?<![及和与、])部分公开${NUMBER}${UNIT}`,
      readings: [[applications('partlyDisclosed')]],
    },
    {
      id: 'administrativeReview', subject: '行政复议案件数',
      pattern: `行政复议(?:案件|申请)?${NUMBER}${UNIT}`,
      readings: [[review('reviewTotal')]],
    },
    {
      id: 'litigation', subject: '行政诉讼案件数',
      pattern: `行政诉讼(?:案件)?${NUMBER}${UNIT}`,
      readings: [LITIGATION],
    },
    {
      id: 'licensing', subject: '行政许可处理决定数',
      pattern: `行政许可(?:决定|处理决定)?${NUMBER}${UNIT}`,
      readings: [[cell('active', 'licensing', 'decisions')]],
    },
    {
      id: 'penalty', subject: '行政处罚处理决定数',
      pattern: `行政处罚(?:决定|处理决定)?${NUMBER}${UNIT}`,
      readings: [[cell('active', 'penalty', 'decisions')]],
    },
    {
      id: 'normativeIssued', subject: '本年制发的行政规范性文件数',
      pattern: `制发${GAP}规范性文件${NUMBER}${UNIT}`,
      readings: [[cell('active', 'normativeDocuments', 'issued')]],
    },
    {
      id: 'normativeRepealed', subject: '本年废止的行政规范性文件数',
      pattern: `废止${GAP}规范性文件${NUMBER}${UNIT}`,
      readings: [[cell('active', 'normativeDocuments', 'repealed')]],
    },
  ],
  nones: [
    {
      id: 'noApplications', subject: '本年新收的申请数',
      pattern: '(?:未|没有)(?:收到|接到|受理)[^，。；]{0,20}?申请',
      zeroCells: [applications('received')],
    },
    {
      id: 'noReviewOrLitigation', subject: '行政复议、行政诉讼案件数',
      pattern: '(?:未发生|未出现|没有发生|未有|无)[^，。；]{0,24}?行政复议[^，。；]{0,10}?行政诉讼',
      zeroCells: REVIEW_TOTALS,
    },
    {
      id: 'allUpheld', subject: '行政复议、行政诉讼中结果不是维持的案件数',
      pattern: '(?:行政复议|行政诉讼)[^。；]{0,30}?(?:均|全部|都)(?:被|予以)?(?:维持|胜诉)',
      zeroCells: ['review', 'directSuit', 'suitAfterReview'].flatMap((g) => ['Corrected', 'Other', 'Pending'].map((o) => review(`${g}${o}`))),
    },
  ],
  breakdown: {
    total: `(?:共|累计|合计|总计)?${NUMBER}(${UNIT})[，,:：]?\\s*(?:其中|分别是|分别为|包括)[:：]?`,
    part: `(?<![\\d.])(\\d+)\\s*(${UNIT})`,
  },
  placeholders: [
    { pattern: '某某', description: '“某某”' },
    { pattern: '(?<![A-Za-z])[XxＸｘ]{2,}(?![A-Za-z])', description: '“XX”' },
    { pattern: '[×＊*]{2,}', description: '“×××”' },
    // A bracketed prompt: it opens with the instruction, or states it after a short lead-in (（如有…，请在此处说明。）).
    { pattern: '[（(【\\[]\\s*(?:[^（(【\\[）)】\\]]{0,30}?(?:请在此处|请在此|此处填写|请填写|在此填写)|填写|文字描述)[^）)】\\]]*[）)】\\]]?', description: '模板中的填写提示' },
  ],
  reportYear: {
    yearOfWork: '(?<!\\d)(20\\d{2})\\s*年度?(?=\\s*[，,]|\\s*(?:我|全|本|共|累计|该|镇|局|区|县|市|委|办|主动|收到|新收|受理|办结|发布|公开|制发|开展|完成))',
    referenceBefore: '(?:上年度?|去年|上一年度?|截至|截止|自|从|于|在|与|较|比|同比|至|到|[-—–~～]|《[^》]*|〔|\\[|【)\\s*[（(]?\\s*$',
    referenceAfter: '^\\s*度?\\s*(?:以来|至今|起|之前|以前|前|底|末|报告|年报|版|[-—–~～至到])',
    period: '统计期限[^。]{0,12}?(20\\d{2})\\s*年\\s*1\\s*月\\s*1\\s*日',
    yearsBack: 2,
  },
  feeStatement: { mentions: '处理费|收费|收取[^。；]{0,10}费|费用', fromYear: 2021 },
};
