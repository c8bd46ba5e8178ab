import { emptyCell } from '../../src/rules/empty-cell';
import { notANumber } from '../../src/rules/not-a-number';
import { setActiveValue, setApplicationsValue, setReviewValue } from '../support/fixtures';
import { ruleTester } from '../support/rule-tester';

ruleTester(emptyCell, {
  valid: [
    { name: 'a clean 2021 report' },
    { name: '0 written explicitly', mutate: (s) => setReviewValue(s, '行政复议', '总计', '0') },
  ],
  invalid: [
    { name: 'blank 表三 cell', mutate: (s) => setApplicationsValue(s, '1.属于国家秘密', '自然人', ''), errors: [{ table: 'applications', row: '1.属于国家秘密', column: '自然人', fixable: true }] },
    { name: 'blank of spaces only', mutate: (s) => setActiveValue(s, '行政处罚', 0, ' \u3000 '), errors: [{ table: 'active', row: '行政处罚', column: '本年处理决定数量' }] },
    { name: 'blank 表四 cell named by its group', mutate: (s) => setReviewValue(s, '复议后起诉', '尚未审结', ''), errors: [{ table: 'review', row: '复议后起诉', column: '尚未审结' }] },
    {
      name: 'a blank the sums say is 1: no fix to 0, the value offered instead',
      mutate: (s) => [['一、本年新收政府信息公开申请数量', '1'], ['（七）总计', '1'], ['4.保护第三方合法权益', '']].reduce(
        (spec, [row, value]) => setApplicationsValue(setApplicationsValue(spec, row, '自然人', value), row, '总计', '1'), s),
      errors: [{ row: '4.保护第三方合法权益', column: '自然人', fixable: false, messageIncludes: ['应为 1'] }],
    },
    { name: 'seed 004: five blank 行政复议 cells', seed: '004', errors: ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((column) => ({ row: '行政复议', column })) },
  ],
});

ruleTester(notANumber, {
  valid: [
    { name: 'plain digits' },
    { name: 'decimal 万元 amount', mutate: (s) => setActiveValue(s, '行政事业性收费', 0, '12.5') },
  ],
  invalid: [
    { name: '无 understood as 0 but reported', mutate: (s) => setApplicationsValue(s, '2.重复申请', '科研机构', '无'), errors: [{ row: '2.重复申请', column: '科研机构', severity: 'warning', fixable: true, messageIncludes: ['无'] }] },
    { name: 'full-width digit', mutate: (s) => setReviewValue(s, '行政复议', '结果维持', '０'), errors: [{ severity: 'warning', fixable: true, messageIncludes: ['半角'] }] },
    { name: 'letter O and 零', mutate: (s) => setActiveValue(setActiveValue(s, '规章', 0, 'O'), '规章', 1, '零'), errors: [{ column: '本年制发件数' }, { column: '本年废止件数' }] },
    { name: 'free text is an error without fix', mutate: (s) => setActiveValue(s, '行政许可', 0, '见附件'), errors: [{ row: '行政许可', severity: 'error', fixable: false }] },
    { name: 'decimal count', mutate: (s) => setActiveValue(s, '行政处罚', 0, '1.5'), errors: [{ severity: 'error', messageIncludes: ['小数'] }] },
  ],
});
