import { textPhrases } from '../template';
import { excerpt, sectionParagraphs } from './text/sections';
import { sentences } from './text/sentences';
import { docsPath, type Diagnostic, type Rule } from './types';

const phrases = textPhrases.reportYear;
const YEAR_OF_WORK = new RegExp(phrases.yearOfWork, 'gu');
const REFERENCE_BEFORE = new RegExp(phrases.referenceBefore, 'u');
const REFERENCE_AFTER = new RegExp(phrases.referenceAfter, 'u');
const PERIOD = new RegExp(phrases.period, 'u');
/** Section 五 is where last year's problems and their follow-up are told: years there are history. */
const PROBLEMS_SECTION = 4;
const CONTEXT_BEFORE = 12;

/**
 * This year's work told under another year — usually text copied from last year's report. Only a
 * year standing as the time of a sentence's work counts, a year or two back; references (上年,
 * 与2023年相比, 2023年以来, 〔2020〕109号, titles, dates) and section 五 are left alone.
 */
export const reportYearText: Rule = {
  meta: { id: 'report-year-text', severity: 'warning', fixes: 'none', name: '正文年份与报告年度不符', description: '正文所写年份与报告年度不符', docs: docsPath('report-year-text') },
  check({ document, report }) {
    const { year, source } = report.year;
    if (source === 'assumed') return [];
    const findings: Diagnostic[] = [];
    const finding = (paragraphIndex: number, message: string): Diagnostic => ({
      rule: 'report-year-text', severity: 'warning', table: 'text', row: null, column: null,
      message, location: { paragraphIndex }, fix: null, suggestions: [],
    });
    for (const { paragraph, section } of sectionParagraphs(document, report)) {
      if (section === PROBLEMS_SECTION) continue;
      const period = PERIOD.exec(paragraph.text);
      if (period && source === 'title' && Number(period[1]) !== year) {
        findings.push(finding(paragraph.paragraphIndex, `统计期限写的是 ${period[1]} 年（“${excerpt(paragraph.text, period.index, period.index + period[0].length)}”），而本报告为 ${year} 年度。`));
        continue;
      }
      for (const sentence of sentences(paragraph.text)) {
        for (const m of sentence.text.matchAll(YEAR_OF_WORK)) {
          const stated = Number(m[1]);
          if (stated >= year || stated < year - phrases.yearsBack) continue;
          const before = sentence.text.slice(Math.max(0, m.index - CONTEXT_BEFORE), m.index);
          const after = sentence.text.slice(m.index + m[0].length);
          if (REFERENCE_BEFORE.test(before) || REFERENCE_AFTER.test(after)) continue;
          findings.push(finding(paragraph.paragraphIndex,
            `正文以 ${stated} 年叙述工作（“${excerpt(sentence.text, m.index, m.index + m[0].length)}”），而本报告为 ${year} 年度：是否沿用了往年报告的文字？`));
        }
      }
    }
    return findings;
  },
};
