import { strict as assert } from 'node:assert';
import { lintDocx } from '../src/engine';
import { parseCellValue } from '../src/mapping/cell-value';
import { itemNumeral, numeralAndSeparator, sectionNumeral, splitLabelNumbering, splitNumbering } from '../src/mapping/numbering';
import { buildSeedDocx, setReviewValue } from './support/fixtures';

describe('numbering (one module for headings, row labels and messages)', () => {
  it('splits every way authors number a heading line', () => {
    for (const [line, numbering, title] of [
      ['一、概述', '一、', '概述'], ['（二） 主动公开', '（二）', '主动公开'], ['3. 收到', '3.', '收到'],
      ['４、结果', '４、', '结果'], ['第一部分：总体情况', '第一部分：', '总体情况'], ['总体情况', '', '总体情况'],
    ]) assert.deepEqual(splitNumbering(line), { numbering, title }, line);
  });

  it('reads a section numbering as its numeral, never a sub-heading’s', () => {
    assert.equal(sectionNumeral('四、'), '四');
    assert.equal(sectionNumeral('4.'), '四');
    assert.equal(sectionNumeral('６、'), '六');
    assert.equal(sectionNumeral('（四）'), null);
    assert.equal(sectionNumeral('11、'), null);
    assert.deepEqual(numeralAndSeparator('五.'), { numeral: '五', separator: '.' });
  });

  it('splits a row label’s numbering from its words, and names 一、… rows by their numeral', () => {
    assert.deepEqual(splitLabelNumbering('（一）主动公开'), { numbering: '（一）', words: '主动公开' });
    assert.deepEqual(splitLabelNumbering('1. 属于国家秘密'), { numbering: '1.', words: '属于国家秘密' });
    assert.equal(splitLabelNumbering('其他处理'), null);
    assert.equal(itemNumeral('三、本年度办理结果'), '三');
    assert.equal(itemNumeral('（三）本年度办理结果'), null);
  });
});

describe('informal zeros (one list for reading values and telling data rows from labels)', () => {
  for (const zero of ['无', '/', '——', '〇', '零', 'O', 'o']) {
    it(`a 表四 written all in “${zero}” is read as zeros, each reported once`, async () => {
      const bytes = await buildSeedDocx('003', (spec) => {
        for (const group of ['行政复议', '未经复议直接起诉', '复议后起诉']) {
          for (const outcome of ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']) spec = setReviewValue(spec, group, outcome, zero);
        }
        return spec;
      });
      assert.equal(parseCellValue(zero, 'count').kind, 'number');
      const review = lintDocx(bytes, { currentYear: 2026 }).diagnostics.filter((d) => d.table === 'review');
      assert.deepEqual(review.filter((d) => d.rule !== 'not-a-number').map((d) => d.message), []);
      assert.equal(review.length, 15, 'each informal zero is reported once, to be written as 0');
    });
  }
});
