import { balance } from '../../src/rules/balance';
import { sumMismatch } from '../../src/rules/sum-mismatch';
import { setApplicationsValue, setReviewValue, type ReportSpec } from '../support/fixtures';
import { strict as assert } from 'node:assert';
import { lintCase, ruleTester } from '../support/rule-tester';

/** A consistent non-zero 表三: 3 new applications from 自然人, 2 disclosed, 1 carried forward. */
const balanced = (s: ReportSpec): ReportSpec => {
  let spec = s;
  for (const [row, value] of [['一、本年新收政府信息公开申请数量', '3'], ['（一）予以公开', '2'], ['（七）总计', '2'], ['四、结转下年度继续办理', '1']] as const) {
    spec = setApplicationsValue(setApplicationsValue(spec, row, '自然人', value), row, '总计', value);
  }
  return spec;
};

ruleTester(sumMismatch, {
  valid: [
    { name: 'all zero' },
    { name: 'consistent non-zero figures', mutate: balanced },
    { name: '表四 group that adds up', mutate: (s) => setReviewValue(setReviewValue(s, '行政复议', '结果维持', '2'), '行政复议', '总计', '2') },
  ],
  invalid: [
    {
      name: 'one wrong row total is named as the cause and fixable',
      mutate: (s) => setApplicationsValue(balanced(s), '（一）予以公开', '总计', '5'),
      errors: [{ row: '（一）予以公开', column: '总计', fixable: true, messageIncludes: ['“总计”应为 2（现为 5）'] }],
    },
    {
      name: 'a wrong part breaks R2 and R3 and is named, as a suggestion',
      mutate: (s) => setApplicationsValue(balanced(s), '2.重复申请', '自然人', '4'),
      errors: [{ row: '2.重复申请', column: '自然人', fixable: false, messageIncludes: ['“自然人”应为 0（现为 4）'] }],
    },
    {
      name: '表四 total that does not add up: the total first, the part as the other choice, neither applied unasked',
      mutate: (s) => setReviewValue(s, '未经复议直接起诉', '结果维持', '1'),
      errors: [{ table: 'review', row: '未经复议直接起诉', column: '总计', fixable: false, messageIncludes: ['“总计”应为 1（现为 0）'] }],
    },
  ],
});

ruleTester(balance, {
  valid: [{ name: 'all zero' }, { name: 'consistent', mutate: balanced }],
  invalid: [
    {
      name: 'carry-forward wrong in one row: R1 broken in two columns, one finding, three equal repairs offered',
      mutate: (s) => setApplicationsValue(setApplicationsValue(balanced(s), '四、结转下年度继续办理', '自然人', '2'), '四、结转下年度继续办理', '总计', '2'),
      errors: [{ row: null, column: null, fixable: false, messageIncludes: ['有 3 种同样少的改法', '表三的合计有 2 处不一致'] }],
    },
  ],
});

describe('a count is never overwritten by a fix', () => {
  it('一 自然人 = 3 with its row total 0: the likely cause is named, but only offered as a choice', async () => {
    const found = await lintCase({ name: 'count vs total', mutate: (s) => setApplicationsValue(s, '一、本年新收政府信息公开申请数量', '自然人', '3') });
    const sums = found.filter((d) => d.rule === 'sum-mismatch' || d.rule === 'balance');
    assert.equal(sums.length, 1);
    assert.equal(sums[0].row, '一、本年新收政府信息公开申请数量');
    assert.equal(sums[0].column, '自然人');
    assert.equal(sums[0].fix, null);
    assert.deepEqual(sums[0].suggestions.map((f) => f.description), ['将“一、本年新收政府信息公开申请数量”行“自然人”改为 0']);
  });
});

describe('a table too broken for a small repair', () => {
  it('is one finding that says so, and offers recomputing the totals, saying what would still not hold', async () => {
    const rows = ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（一）予以公开', '1.属于国家秘密', '2.重复申请', '3.其他'];
    const found = await lintCase({
      name: 'twelve wrong cells',
      mutate: (s) => rows.reduce((spec, row, i) => setApplicationsValue(setApplicationsValue(spec, row, '自然人', String(i + 2)), row, '科研机构', String(i + 1)), s),
    });
    const sums = found.filter((d) => d.rule === 'sum-mismatch' || d.rule === 'balance');
    assert.equal(sums.length, 1);
    assert.match(sums[0].message, /表三的合计有 \d+ 处不一致，改动 6 个以内的单元格无法全部成立/);
    assert.equal(sums[0].fix, null);
    assert.equal(sums[0].suggestions.length, 1);
    assert.match(sums[0].suggestions[0].description, /^按各项重新计算总计（\d+ 个单元格.*（改后仍有 \d+ 处不一致）$/);
    assert.ok(sums[0].sums!.relations.length > 6);
  });
});
