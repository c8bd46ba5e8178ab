import { template, textPhrases } from '../template';
import { sectionParagraphs } from './text/sections';
import { docsPath, type Rule } from './types';

const MENTIONS_FEE = new RegExp(textPhrases.feeStatement.mentions, 'u');
const SECTION_SIX = template.headings.findIndex((h) => h.numeral === '六');

/** Section 六 has to say whether 信息处理费 was collected (国办函〔2020〕109号), even when none was. */
export const feeStatement: Rule = {
  meta: { id: 'fee-statement', severity: 'warning', fixes: 'none', name: '未说明信息处理费', description: '第六部分未说明信息处理费收取情况', docs: docsPath('fee-statement') },
  check({ document, report }) {
    const heading = report.headings.find((h) => h.headingIndex === SECTION_SIX);
    if (!heading || report.year.year < textPhrases.feeStatement.fromYear) return [];
    const text = sectionParagraphs(document, report).filter((p) => p.section === SECTION_SIX);
    if (text.some((p) => MENTIONS_FEE.test(p.paragraph.text))) return [];
    return [{
      rule: 'fee-statement', severity: 'warning', table: 'text', row: null, column: null,
      message: `“${heading.text.trim()}”中没有说明信息处理费的收取情况（国办函〔2020〕109号）：未收取也应写明，如“本年度未收取信息处理费”。`,
      location: { paragraphIndex: heading.paragraphIndex }, fix: null, suggestions: [],
    }];
  },
};
