import { strict as assert } from 'node:assert';
import { readDocument } from '../../src/docmodel';
import { lintDocx } from '../../src/engine';
import { fixAllDocx } from '../../src/hosts/docx';
import { sectionHeading } from '../../src/rules/section-heading';
import { buildSeedDocx, insertParagraphAfter, paragraph, replaceParagraph, type ReportSpec } from '../support/fixtures';
import { ruleTester } from '../support/rule-tester';

const OPTIONS = { currentYear: 2026 };
const texts = (bytes: Uint8Array) => readDocument(bytes).paragraphs.map((p) => p.text);
const HEADING_1 = '一、总体情况';
const HEADING_2 = '二、主动公开政府信息情况';
const HEADING_5 = '五、存在的主要问题及改进情况';
const HEADING_6 = '六、其他需要报告的事项';

/** A report with an extra section 五、信息处理费收取情况, the later sections numbered on from it. */
const extraSection = (s: ReportSpec) => {
  const withExtra = insertParagraphAfter(replaceParagraph(s, HEADING_5, '五、信息处理费收取情况'), '五、信息处理费收取情况', paragraph('本年度未收取信息处理费。'));
  return replaceParagraph(insertParagraphAfter(withExtra, '本年度未收取信息处理费。', paragraph('六、存在的主要问题及改进情况', 'heading')), HEADING_6, '七、其他需要报告的事项');
};

ruleTester(sectionHeading, {
  valid: [
    { name: 'text after heading 六 on its line', mutate: (s) => replaceParagraph(s, HEADING_6, '六、其他需要报告的事项：无。') },
    { name: 'a sentence that reads like heading 六 under the heading', mutate: (s) => insertParagraphAfter(s, HEADING_6, paragraph('无其他需要报告的事项。')) },
    { name: 'a sub-heading （一） in section 一 worded like section 二', mutate: (s) => insertParagraphAfter(s, HEADING_1, paragraph('（一）主动公开政府信息情况', 'heading')) },
    { name: 'a sub-heading without its real section numbered like it', mutate: (s) => insertParagraphAfter(s, HEADING_2, paragraph('（二）主动公开政府信息情况', 'heading')) },
  ],
  invalid: [
    {
      name: 'heading 六 without its number, text after it kept',
      mutate: (s) => replaceParagraph(s, HEADING_6, '其他需要报告的事项：无。'),
      errors: [{ row: HEADING_6, severity: 'error', fixable: true, messageIncludes: ['缺少序号'] }],
    },
    {
      name: 'a number without its 、 (一总体情况)',
      mutate: (s) => replaceParagraph(s, HEADING_1, '一总体情况'),
      errors: [{ row: HEADING_1, severity: 'error', fixable: true, messageIncludes: ['缺少“、”'] }],
    },
    {
      name: 'the heading replaced by a sentence: the heading is missing, the sentence is not a heading',
      mutate: (s) => replaceParagraph(s, HEADING_6, '无其他需要报告的事项。'),
      errors: [{ row: HEADING_6, fixable: false, messageIncludes: ['缺少章节标题'] }],
    },
    {
      name: 'an extra section: renumbering would give two sections one number, so it is only suggested',
      mutate: extraSection,
      errors: [
        { row: HEADING_5, severity: 'error', fixable: false, messageIncludes: ['五、信息处理费收取情况', '序号相同'] },
        { row: HEADING_6, severity: 'error', fixable: false, messageIncludes: ['六、存在的主要问题及改进情况'] },
      ],
    },
  ],
});

describe('section-heading fixes', () => {
  const fixedParagraphs = async (mutate: (s: ReportSpec) => ReportSpec) => {
    const result = fixAllDocx(await buildSeedDocx('002', mutate), OPTIONS);
    return { result, paragraphs: texts(result.bytes) };
  };

  it('rewrite the heading only: the text after it on the same line stays', async () => {
    const { result, paragraphs } = await fixedParagraphs((s) => replaceParagraph(s, HEADING_6, '其他需要报告的事项：无。'));
    assert.ok(paragraphs.includes('六、其他需要报告的事项：无。'), paragraphs.filter((p) => p.includes('其他需要')).join(' | '));
    assert.deepEqual(result.remaining.diagnostics.filter((d) => d.rule === 'section-heading'), []);
  });

  it('name the place, not the new text', async () => {
    const bytes = await buildSeedDocx('002', (s) => replaceParagraph(s, '四、政府信息公开行政复议、行政诉讼情况', '4、政府信息公开行政复议、行政诉讼情况：见下表。'));
    const [finding] = lintDocx(bytes, OPTIONS).diagnostics.filter((d) => d.rule === 'section-heading');
    assert.equal(finding.fix!.description, '改正章节标题“4、政府信息公开行政复议、行政诉讼情况”的序号');
    const after = texts(fixAllDocx(bytes, OPTIONS).bytes);
    assert.ok(after.includes('四、政府信息公开行政复议、行政诉讼情况：见下表。'));
  });

  it('add the missing 、', async () => {
    const { paragraphs } = await fixedParagraphs((s) => replaceParagraph(s, HEADING_1, '一总体情况'));
    assert.ok(paragraphs.includes(HEADING_1));
    assert.ok(!paragraphs.includes('一总体情况'));
  });

  it('never turn a sentence into a heading', async () => {
    const { paragraphs } = await fixedParagraphs((s) => replaceParagraph(s, HEADING_6, '无其他需要报告的事项。'));
    assert.ok(paragraphs.includes('无其他需要报告的事项。'));
    assert.ok(!paragraphs.includes(HEADING_6));
  });

  it('never give two sections one number: a report with an extra section keeps its numbering', async () => {
    const { result, paragraphs } = await fixedParagraphs(extraSection);
    assert.deepEqual(result.applied.filter((a) => a.fix.edits.some((e) => e.kind === 'set-paragraph-text')), []);
    const numbered = paragraphs.filter((p) => /^[一二三四五六七八九十]、/.test(p)).map((p) => p[0]);
    assert.equal(new Set(numbered).size, numbered.length, numbered.join(''));
    // The suggestion is there for the user who decides the extra section is a mistake.
    const found = lintDocx(await buildSeedDocx('002', extraSection), OPTIONS).diagnostics.filter((d) => d.rule === 'section-heading');
    assert.deepEqual(found.map((d) => d.suggestions.length), [1, 1]);
  });
});
