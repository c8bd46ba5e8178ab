import { strict as assert } from 'node:assert';
import { lintDocx } from '../../src/engine';
import { rules } from '../../src/rules';
import { feeStatement } from '../../src/rules/fee-statement';
import { placeholder } from '../../src/rules/placeholder';
import { reportYearText } from '../../src/rules/report-year-text';
import { textTableMismatch } from '../../src/rules/text-table-mismatch';
import { textPhrases } from '../../src/template';
import { TextPhrasesSchema } from '../../src/template/text-phrases-schema';
import {
  buildSeedDocx, FEE_SENTENCE, insertParagraphAfter, paragraph, replaceParagraph, setApplicationsValue, setReviewValue, type ReportSpec,
} from '../support/fixtures';
import { ruleTester } from '../support/rule-tester';

/*
 * Cases on seed 002 (巨鹿县官亭镇, 2024, 2021 format, tables all 0): the defect is a sentence added to
 * the text, or a table value the text then contradicts.
 */
const HEADING_1 = '一、总体情况';
const HEADING_5 = '五、存在的主要问题及改进情况';
const PREFACE = '按照巨鹿县政务公开工作通知要求，我镇扎实开展2024年政务公开工作，现将落实2024年度政务公开工作目标完成情况报告如下。报告中所列数据统计期限为2024年1月1日至12月31日。';
const RECEIVED = '一、本年新收政府信息公开申请数量';

const say = (text: string, after = HEADING_1) => (s: ReportSpec) => insertParagraphAfter(s, after, paragraph(text));
const withTable = (...changes: ((s: ReportSpec) => ReportSpec)[]) => (s: ReportSpec) => changes.reduce((x, f) => f(x), s);
/** 表三: 8 new applications and 2 carried over (自然人 and 总计). */
const applications = (received: number, carried: number) => withTable(
  (s) => setApplicationsValue(s, 'received', 'natural', String(received)),
  (s) => setApplicationsValue(s, 'received', 'total', String(received)),
  (s) => setApplicationsValue(s, 'carriedOver', 'natural', String(carried)),
  (s) => setApplicationsValue(s, 'carriedOver', 'total', String(carried)),
);

ruleTester(textTableMismatch, {
  valid: [
    { name: 'seed 002 as published (its 247 条 is no table count)' },
    { name: '收到 N 件 matching 表三 新收', mutate: withTable(applications(8, 2), say('2024年共收到政府信息公开申请8件，办结0件。')) },
    { name: 'trap: 受理 = 新收 + 上年结转', mutate: withTable(applications(8, 2), say('2024年共受理政府信息公开申请10件。')) },
    { name: 'trap: 受理 = 新收 only', mutate: withTable(applications(8, 2), say('2024年共受理政府信息公开申请8件。')) },
    { name: 'trap: 上年结转 N 件 is 表三 二, not 结转下年度', mutate: withTable(applications(8, 2), say('上年结转政府信息公开申请2件。')) },
    {
      name: 'trap: 予以公开及部分公开 N 件 is two rows together (3 + 2), not 部分公开 5',
      mutate: withTable((s) => setApplicationsValue(s, 'disclosed', 'total', '3'), (s) => setApplicationsValue(s, 'partlyDisclosed', 'total', '2'), say('其中：予以公开及部分公开5件。')),
    },
    { name: '行政诉讼 = 直接起诉 + 复议后起诉', mutate: withTable((s) => setReviewValue(s, '未经复议直接起诉', '结果维持', '2'), (s) => setReviewValue(s, '未经复议直接起诉', '总计', '2'), (s) => setReviewValue(s, '复议后起诉', '结果维持', '1'), (s) => setReviewValue(s, '复议后起诉', '总计', '1'), say('因政府信息公开引起的行政复议案件0件、行政诉讼案件3件。')) },
    { name: '未收到申请 with 0 in 表三', mutate: say('2024年未收到政府信息公开申请。') },
    { name: 'a breakdown that adds up, the sentence going on after it', mutate: say('主动公开政府信息36条，分别是镇概况1条、村概况19条、预算公开16条；另发布动态8条。') },
    { name: 'trap: 〔2020〕 numbers are no counts', mutate: say('依据国办函〔2020〕109号，收到申请后按件收费0件。') },
  ],
  invalid: [
    {
      name: '收到 12 件, 表三 新收 10: error on the contradicted cell',
      mutate: withTable(applications(10, 2), say('2024年共收到政府信息公开申请12件。')),
      errors: [{ severity: 'error', table: 'applications', row: RECEIVED, column: '总计', messageIncludes: ['12', '10', '共收到政府信息公开申请12件'] }],
    },
    {
      name: '受理 15 件 contradicts both readings (8, 8 + 2): warning',
      mutate: withTable(applications(8, 2), say('2024年共受理政府信息公开申请15件。')),
      errors: [{ severity: 'warning', table: 'applications', row: RECEIVED, column: '总计', messageIncludes: ['15', '合计 10'] }],
    },
    {
      name: '未收到申请 while 表三 has 3',
      mutate: withTable(applications(3, 0), say('2024年未收到政府信息公开申请。')),
      errors: [{ severity: 'error', row: RECEIVED, column: '总计', messageIncludes: ['为 3'] }],
    },
    {
      name: 'all upheld while 表四 has a case 尚未审结',
      mutate: withTable((s) => setReviewValue(s, '未经复议直接起诉', '尚未审结', '1'), (s) => setReviewValue(s, '未经复议直接起诉', '总计', '1'), say('全年发生的行政诉讼案件均被维持。')),
      errors: [{ severity: 'error', table: 'review', row: '未经复议直接起诉', column: '尚未审结' }],
    },
    {
      name: 'parts that do not add up to the stated total',
      mutate: say('主动公开政府信息36条，分别是镇概况1条、村概况19条，预算公开1条，行政执法公示4条。'),
      errors: [{ severity: 'warning', table: 'text', messageIncludes: ['25', '36'] }],
    },
    {
      name: '行政复议 2 件 while 表四 has none',
      mutate: say('因政府信息公开引起的行政复议案件2件。'),
      errors: [{ severity: 'error', table: 'review', row: '行政复议', column: '总计' }],
    },
  ],
});

describe('text-table-mismatch: related cells', () => {
  it('lists every cell of the readings the text contradicts, and the paragraph as location', async () => {
    const bytes = await buildSeedDocx('002', withTable(applications(8, 2), say('2024年共受理政府信息公开申请15件。')));
    const [finding] = lintDocx(bytes, { currentYear: 2026 }).diagnostics.filter((d) => d.rule === 'text-table-mismatch');
    assert.ok(finding.location && 'paragraphIndex' in finding.location);
    assert.equal(finding.related?.length, 2, 'new and carried-over totals');
    for (const cell of finding.related ?? []) assert.ok('tableIndex' in cell);
  });
});

describe('findings at one place', () => {
  it('come errors first, whatever order the rules run in', async () => {
    const ids = rules.map((r) => r.meta.id);
    assert.ok(ids.indexOf('report-year-text') < ids.indexOf('placeholder'), 'the warning’s rule runs first: only sorting puts the error first');
    const bytes = await buildSeedDocx('002', say('2023年，某某局共发布政府信息247条。'));
    const found = lintDocx(bytes, { currentYear: 2026 }).diagnostics;
    const at = found.find((d) => d.rule === 'placeholder')!.location;
    assert.deepEqual(found.filter((d) => JSON.stringify(d.location) === JSON.stringify(at)).map((d) => `${d.severity} ${d.rule}`), ['error placeholder', 'warning report-year-text']);
  });
});

ruleTester(reportYearText, {
  valid: [
    { name: 'seed 002: 2024 throughout' },
    { name: 'trap: comparisons with last year', mutate: say('与2023年相比，申请数量有所增加；较2023年多发布信息12条。') },
    { name: 'trap: 上年（2023年） references', mutate: say('上年（2023年）结转的申请已全部办结。') },
    { name: 'trap: 〔2020〕 document numbers and notice titles', mutate: say('根据《关于做好2023年政府信息公开工作年度报告的通知》和国办函〔2020〕109号，我镇编制本报告。') },
    { name: 'next year’s plans', mutate: say('2025年，我镇将继续深化政务公开。') },
    { name: 'trap: last year’s problems in section 五', mutate: say('2023年，我镇存在的问题已全部整改。', HEADING_5) },
    { name: 'history long ago', mutate: say('2019年，我镇成立了政务公开领导小组。') },
  ],
  invalid: [
    { name: 'this year’s work under last year’s date', mutate: say('2023年，我镇共发布政府信息247条。'), errors: [{ severity: 'warning', table: 'text', messageIncludes: ['2023', '2024'] }] },
    { name: '2023年度 as the time of the work', mutate: say('2023年度共收到政府信息公开申请0件。'), errors: [{ messageIncludes: ['2023年度'] }] },
    {
      name: 'a 统计期限 of another year than the title',
      mutate: (s) => replaceParagraph(s, PREFACE, PREFACE.replace('统计期限为2024年', '统计期限为2023年')),
      errors: [{ messageIncludes: ['统计期限', '2023'] }],
    },
  ],
});

const SIX_TEXT = `无。${FEE_SENTENCE}`;
ruleTester(feeStatement, {
  valid: [
    { name: 'seed 002 with its fee sentence' },
    { name: 'a fee collected', mutate: (s) => replaceParagraph(s, SIX_TEXT, '本年度共收取信息处理费200元。') },
    { name: 'seed 001 as published (按件、按量收费标准…没有产生信息公开处理费)', seed: '001' },
  ],
  invalid: [
    { name: 'seed 002 as published: 六 says only 无', mutate: (s) => replaceParagraph(s, SIX_TEXT, '无'), errors: [{ severity: 'warning', table: 'text', messageIncludes: ['信息处理费'] }] },
  ],
});

ruleTester(placeholder, {
  valid: [
    { name: 'seed 002' },
    { name: 'a single 某 and latin words are no placeholders', mutate: say('某村申请公开XML格式文件，已办结。') },
    { name: 'a bracket asking the public to write in is no prompt', mutate: say('群众可通过政府网站留言（请在留言时注明联系方式，我们将及时答复）反映问题。') },
  ],
  invalid: [
    { name: '某某 in the title', mutate: (s) => replaceParagraph(s, '巨鹿县官亭镇人民政府', '某某镇人民政府'), errors: [{ severity: 'error', table: 'text', messageIncludes: ['某某'] }] },
    { name: 'XX and ×××', mutate: say('2024年，XX镇主动公开政府信息×××条。'), errors: [{ messageIncludes: ['“XX”', '“×××”'] }] },
    { name: 'a template prompt', mutate: say('（请在此处概述本年度工作情况。）'), errors: [{ messageIncludes: ['填写提示'] }] },
    { name: 'a prompt with a lead-in', mutate: say('（如有其他需要报告的事项，请在此处说明。）'), errors: [{ messageIncludes: ['填写提示'] }] },
    { name: 'a 文字描述 prompt', mutate: say('（文字描述本年度工作情况）'), errors: [{ messageIncludes: ['填写提示'] }] },
  ],
});

describe('text phrases data', () => {
  it('is validated: a pattern that does not compile is refused at load', () => {
    const broken = { ...textPhrases, placeholders: [{ pattern: '([', description: 'x' }] };
    assert.throws(() => TextPhrasesSchema.parse(broken));
    assert.doesNotThrow(() => TextPhrasesSchema.parse(textPhrases));
  });
});
