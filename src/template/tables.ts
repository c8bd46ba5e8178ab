import type { Block, Column, DataRow, HeaderCell, Relation } from './schema';

/*
 * The standard tables, verbatim from 国办公开办函〔2021〕30号 and its 2019 trial predecessor
 * (国办公开办函〔2019〕60号). See ../shared/spec/report-format.md. Validated by schema.ts at load.
 */

const cell = (text: string, colSpan = 1, rowSpan = 1): HeaderCell => ({ text, colSpan, rowSpan });
const count = (key: string, label: string, span = 1, group: string | null = null): Column =>
  ({ key, label, group, value: 'count', span, unit: null });
const row = (key: string, label: string, ...groups: string[]): DataRow => ({ key, label, groups });

// ── 表二 主动公开政府信息情况 ────────────────────────────────────────────────

const activeRegulations2021: Block = {
  title: '第二十条第（一）项',
  header: [[cell('信息内容'), cell('本年制发件数'), cell('本年废止件数'), cell('现行有效件数')]],
  columns: [count('issued', '本年制发件数'), count('repealed', '本年废止件数'), count('inForce', '现行有效件数')],
  rows: [row('regulations', '规章'), row('normativeDocuments', '行政规范性文件')],
};

const decisionsBlock = (title: string, rows: DataRow[]): Block => ({
  title,
  header: [[cell('信息内容'), cell('本年处理决定数量', 3)]],
  columns: [count('decisions', '本年处理决定数量', 3)],
  rows,
});

export const active2021 = {
  id: 'active', variant: '2021', numeral: '二', title: '主动公开政府信息情况',
  gridColumns: 4, labelColumns: 1,
  blocks: [
    activeRegulations2021,
    decisionsBlock('第二十条第（五）项', [row('licensing', '行政许可')]),
    decisionsBlock('第二十条第（六）项', [row('penalty', '行政处罚'), row('coercion', '行政强制')]),
    {
      title: '第二十条第（八）项',
      header: [[cell('信息内容'), cell('本年收费金额（单位：万元）', 3)]],
      columns: [{ key: 'feeAmount', label: '本年收费金额（单位：万元）', group: null, value: 'amount', span: 3, unit: '万元' }],
      rows: [row('fees', '行政事业性收费')],
    },
  ],
  relations: [],
} as const;

const itemsBlock2019 = (title: string, rows: DataRow[]): Block => ({
  title,
  header: [[cell('信息内容'), cell('上一年项目数量'), cell('本年增/减'), cell('处理决定数量')]],
  columns: [
    count('previousItems', '上一年项目数量'),
    { key: 'itemChange', label: '本年增/减', group: null, value: 'signed-count', span: 1, unit: null },
    count('decisions', '处理决定数量'),
  ],
  rows,
});

export const active2019 = {
  id: 'active', variant: '2019', numeral: '二', title: '主动公开政府信息情况',
  gridColumns: 4, labelColumns: 1,
  blocks: [
    {
      title: '第二十条第（一）项',
      header: [[cell('信息内容'), cell('本年新制作数量'), cell('本年新公开数量'), cell('对外公开总数量')]],
      columns: [count('made', '本年新制作数量'), count('published', '本年新公开数量'), count('publicTotal', '对外公开总数量')],
      rows: [row('regulations', '规章'), row('normativeDocuments', '规范性文件')],
    },
    itemsBlock2019('第二十条第（五）项', [row('licensing', '行政许可'), row('otherServices', '其他对外管理服务事项')]),
    itemsBlock2019('第二十条第（六）项', [row('penalty', '行政处罚'), row('coercion', '行政强制')]),
    {
      title: '第二十条第（八）项',
      header: [[cell('信息内容'), cell('上一年项目数量'), cell('本年增/减', 2)]],
      columns: [
        count('previousItems', '上一年项目数量'),
        { key: 'itemChange', label: '本年增/减', group: null, value: 'signed-count', span: 2, unit: null },
      ],
      rows: [row('fees', '行政事业性收费')],
    },
    {
      title: '第二十条第（九）项',
      header: [[cell('信息内容'), cell('采购项目数量'), cell('采购总金额', 2)]],
      columns: [
        count('purchaseItems', '采购项目数量'),
        { key: 'purchaseAmount', label: '采购总金额', group: null, value: 'amount', span: 2, unit: null },
      ],
      rows: [row('procurement', '政府集中采购')],
    },
  ],
  relations: [],
} as const;

// ── 表三 收到和处理政府信息公开申请情况 ─────────────────────────────────────

const ORG = '法人或其他组织';
const applicantColumns: Column[] = [
  count('natural', '自然人'),
  count('commercial', '商业企业', 1, ORG),
  count('research', '科研机构', 1, ORG),
  count('publicInterest', '社会公益组织', 1, ORG),
  count('legal', '法律服务机构', 1, ORG),
  count('otherOrganisation', '其他', 1, ORG),
  count('total', '总计'),
];

const applicationsHeader: HeaderCell[][] = [
  [cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), cell('申请人情况', 7)],
  [cell('自然人', 1, 2), cell(ORG, 5), cell('总计', 1, 2)],
  [cell('商业企业'), cell('科研机构'), cell('社会公益组织'), cell('法律服务机构'), cell('其他')],
];

const RESULTS = '三、本年度办理结果';
const WITHHELD = '（三）不予公开';
const UNAVAILABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHER_HANDLING = '（六）其他处理';

const applicationRowsBefore: DataRow[] = [
  row('received', '一、本年新收政府信息公开申请数量'),
  row('carriedOver', '二、上年结转政府信息公开申请数量'),
  row('disclosed', '（一）予以公开', RESULTS),
  row('partlyDisclosed', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', RESULTS),
  row('stateSecret', '1.属于国家秘密', RESULTS, WITHHELD),
  row('prohibitedByLaw', '2.其他法律行政法规禁止公开', RESULTS, WITHHELD),
  row('threeSecurities', '3.危及“三安全一稳定”', RESULTS, WITHHELD),
  row('thirdParty', '4.保护第三方合法权益', RESULTS, WITHHELD),
  row('internalAffairs', '5.属于三类内部事务信息', RESULTS, WITHHELD),
  row('processInformation', '6.属于四类过程性信息', RESULTS, WITHHELD),
  row('enforcementFiles', '7.属于行政执法案卷', RESULTS, WITHHELD),
  row('queryMatters', '8.属于行政查询事项', RESULTS, WITHHELD),
  row('notHeld', '1.本机关不掌握相关政府信息', RESULTS, UNAVAILABLE),
  row('needsCreation', '2.没有现成信息需要另行制作', RESULTS, UNAVAILABLE),
  row('stillUnclear', '3.补正后申请内容仍不明确', RESULTS, UNAVAILABLE),
  row('petitions', '1.信访举报投诉类申请', RESULTS, NOT_PROCESSED),
  row('repeated', '2.重复申请', RESULTS, NOT_PROCESSED),
  row('publications', '3.要求提供公开出版物', RESULTS, NOT_PROCESSED),
  row('massRepeated', '4.无正当理由大量反复申请', RESULTS, NOT_PROCESSED),
  row('confirmation', '5.要求行政机关确认或重新出具已获取信息', RESULTS, NOT_PROCESSED),
];
const applicationRowsAfter: DataRow[] = [
  row('handledTotal', '（七）总计', RESULTS),
  row('carryForward', '四、结转下年度继续办理'),
];
const otherHandlingRows2021: DataRow[] = [
  row('noSupplement', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', RESULTS, OTHER_HANDLING),
  row('feeUnpaid', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', RESULTS, OTHER_HANDLING),
  row('otherHandled', '3.其他', RESULTS, OTHER_HANDLING),
];
const otherHandlingRows2019: DataRow[] = [row('otherHandling', OTHER_HANDLING, RESULTS)];

const columnKeys = (columns: Column[]) => columns.map((c) => c.key);
const resultKeys = (rows: DataRow[]) => rows.slice(2).map((r) => r.key);

const applicationRelations = (otherHandling: DataRow[]): Relation[] => [
  {
    id: 'R1', rule: 'balance', forEach: 'column',
    left: ['received', 'carriedOver'], right: ['handledTotal', 'carryForward'], leftIsTotal: false,
    description: '第一项加第二项之和，等于第三项加第四项之和',
  },
  {
    id: 'R2', rule: 'sum-mismatch', forEach: 'row',
    left: ['total'], right: columnKeys(applicantColumns).filter((k) => k !== 'total'), leftIsTotal: true,
    description: '总计等于自然人与法人或其他组织各列之和',
  },
  {
    id: 'R3', rule: 'sum-mismatch', forEach: 'column',
    left: ['handledTotal'], right: resultKeys([...applicationRowsBefore, ...otherHandling]), leftIsTotal: true,
    description: '（七）总计等于（一）至（六）各项办理结果之和',
  },
];

const applicationsTable = (variant: '2021' | '2019', otherHandling: DataRow[]) => ({
  id: 'applications', variant, numeral: '三', title: '收到和处理政府信息公开申请情况',
  gridColumns: 10, labelColumns: 3,
  blocks: [{
    title: null,
    header: applicationsHeader,
    columns: applicantColumns,
    rows: [...applicationRowsBefore, ...otherHandling, ...applicationRowsAfter],
  }],
  relations: applicationRelations(otherHandling),
}) as const;

export const applications2021 = applicationsTable('2021', otherHandlingRows2021);
export const applications2019 = applicationsTable('2019', otherHandlingRows2019);

// ── 表四 政府信息公开行政复议、行政诉讼情况 ───────────────────────────────

const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
const OUTCOME_KEYS = ['Upheld', 'Corrected', 'Other', 'Pending', 'Total'] as const;
const REVIEW_GROUPS = [
  { prefix: 'review', label: '行政复议' },
  { prefix: 'directSuit', label: '未经复议直接起诉' },
  { prefix: 'suitAfterReview', label: '复议后起诉' },
] as const;

const reviewColumns: Column[] = REVIEW_GROUPS.flatMap((group) =>
  OUTCOMES.map((label, i) => count(group.prefix + OUTCOME_KEYS[i], label, 1, group.label)));

const reviewRelations: Relation[] = REVIEW_GROUPS.map((group) => ({
  id: 'R4', rule: 'sum-mismatch', forEach: 'row',
  left: [group.prefix + 'Total'],
  leftIsTotal: true,
  right: OUTCOME_KEYS.slice(0, 4).map((k) => group.prefix + k),
  description: `${group.label}：结果维持、结果纠正、其他结果、尚未审结之和等于总计`,
}));

const reviewTable = (variant: '2021' | '2019') => ({
  id: 'review', variant, numeral: '四', title: '政府信息公开行政复议、行政诉讼情况',
  gridColumns: 15, labelColumns: 0,
  blocks: [{
    title: null,
    header: [
      [cell('行政复议', 5), cell('行政诉讼', 10)],
      [...OUTCOMES.map((o) => cell(o, 1, 2)), cell('未经复议直接起诉', 5), cell('复议后起诉', 5)],
      [...OUTCOMES, ...OUTCOMES].map((o) => cell(o)),
    ],
    columns: reviewColumns,
    rows: [row('cases', '')],
  }],
  relations: reviewRelations,
}) as const;

export const review2021 = reviewTable('2021');
export const review2019 = reviewTable('2019');
