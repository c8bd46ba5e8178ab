import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { couldBeSimilar, labelKey, similarity } from '../src/mapping/normalise';

/** The cheap prefilter in front of the edit distance (issue 15) must never rule out a real match. */
describe('label similarity prefilter', () => {
  const label = fc.string({ unit: fc.constantFrom(...'一二三四五六七八九十政府信息公开申请办理数量1.、（）'.split('')), maxLength: 24 });

  it('rules a pair out only when its similarity is below the minimum', () => {
    fc.assert(fc.property(label, label, fc.constantFrom(0.3, 0.5, 0.6, 0.72, 0.75, 0.9), (a, b, minimum) => {
      if (!couldBeSimilar(a, b, minimum)) assert.ok(similarity(a, b) < minimum, `${a} / ${b}: ${similarity(a, b)} ≥ ${minimum}`);
    }), { numRuns: 3000 });
  });

  it('rules out what shares too few characters, keeps near matches', () => {
    assert.equal(couldBeSimilar('政府信息公开行政复议、行政诉讼情况', '本机关全年共收到申请三件', 0.72), false);
    assert.equal(couldBeSimilar('收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请的情况', 0.72), true);
  });

  it('gives the same key for a label however often it is asked', () => {
    const text = ' 1、属于国家秘密 ';
    assert.equal(labelKey(text), '1.属于国家秘密');
    assert.equal(labelKey(text), labelKey(` ${text.trim()} `));
  });
});
