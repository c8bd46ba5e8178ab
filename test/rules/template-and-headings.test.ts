import { strict as assert } from 'node:assert';
import { parseWordprocessingML } from '../../src/docmodel';
import { lintDocument } from '../../src/engine';
import { outdatedTemplate } from '../../src/rules/outdated-template';
import { sectionHeading } from '../../src/rules/section-heading';
import { removeParagraph, replaceParagraph, type ReportSpec } from '../support/fixtures';
import { ruleTester } from '../support/rule-tester';

/** Puts the seed's report year in its title (seed 000 is a 2024 report of 西郭城镇). */
const asYear = (year: number) => (s: ReportSpec): ReportSpec => ({
  blocks: s.blocks.map((b) => (b.kind === 'paragraph' ? { ...b, text: b.text.replace(/2024/g, String(year)), runs: undefined } : b)),
});

ruleTester(outdatedTemplate, {
  valid: [
    { name: 'a 2021-format report' },
    { name: 'a 2019 report on the 2019 format is right for its year', seed: '000', mutate: asYear(2019) },
    { name: 'a 2020 report on the 2019 format', seed: '000', mutate: asYear(2020) },
  ],
  invalid: [
    {
      name: 'seed 000: a 2024 report on the 2019 format',
      seed: '000',
      errors: [
        { table: 'active', row: null, messageIncludes: ['本年新制作数量', '第二十条第（九）项'] },
        { table: 'applications', row: '（六）其他处理', messageIncludes: ['3.其他'] },
      ],
    },
  ],
});

const HEADING_4 = '四、政府信息公开行政复议、行政诉讼情况';
ruleTester(sectionHeading, {
  valid: [
    { name: 'all six headings' },
    { name: 'accepted wording of 四', mutate: (s) => replaceParagraph(s, HEADING_4, '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况') },
    { name: 'accepted wording of 五', mutate: (s) => replaceParagraph(s, '五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况') },
  ],
  invalid: [
    { name: 'arabic numbering', mutate: (s) => replaceParagraph(s, HEADING_4, '4、政府信息公开行政复议、行政诉讼情况'), errors: [{ row: HEADING_4, severity: 'error', fixable: true, messageIncludes: ['4、'] }] },
    { name: 'no number', mutate: (s) => replaceParagraph(s, '六、其他需要报告的事项', '其他需要报告的事项'), errors: [{ row: '六、其他需要报告的事项', severity: 'error' }] },
    { name: 'misspelt', mutate: (s) => replaceParagraph(s, HEADING_4, '四、政府信息公开行政法复议、行政诉讼情况'), errors: [{ row: HEADING_4, severity: 'warning' }] },
    { name: 'missing section', mutate: (s) => removeParagraph(s, '五、存在的主要问题及改进情况'), errors: [{ row: '五、存在的主要问题及改进情况', messageIncludes: ['缺少'] }] },
  ],
});

describe('automatically numbered headings', () => {
  const numbered = (text: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${
    ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进措施', '其他需要报告的事项'].map(numbered).join('')
  }</w:body></w:document>`;
  const headingFindings = () => lintDocument(parseWordprocessingML(xml), { currentYear: 2026 }).diagnostics.filter((d) => d.rule === 'section-heading');

  it('are not reported as unnumbered', () => {
    assert.deepEqual(headingFindings().map((d) => d.row), ['五、存在的主要问题及改进情况']);
  });

  it('a rewording fix writes the title only, so Word does not show the number twice', () => {
    const [finding] = headingFindings();
    assert.deepEqual(finding.fix!.edits.map((e) => (e as { text: string }).text), ['存在的主要问题及改进情况']);
  });
});
