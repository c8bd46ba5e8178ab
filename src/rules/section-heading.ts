import type { DocumentModel } from '../docmodel';
import { tableText, type Fix } from '../edits/types';
import { labelKey, titleKey, type HeadingMatch } from '../mapping';
import { paragraphLikeXml } from '../ooxml/cell-xml';
import { template, type Heading } from '../template';
import { docsPath, type Diagnostic, type Rule } from './types';

const ACCEPTED_SEPARATORS = /^[、.．]?$/;

/** The six section headings: present, numbered 一、 … 六、, and worded as the notice words them. */
export const sectionHeading: Rule = {
  meta: { id: 'section-heading', severity: 'error', fixes: 'fix', description: '章节标题缺失、序号错误或措辞不规范', docs: docsPath('section-heading') },
  check({ report, document }) {
    if (!report.isReport) return [];
    return template.headings.flatMap((heading, index): Diagnostic[] => {
      const canonical = `${heading.numeral}、${heading.title}`;
      const match = report.headings.find((h) => h.headingIndex === index);
      if (!match) {
        const next = report.headings.find((h) => h.headingIndex > index);
        return [{
          rule: 'section-heading', severity: 'error', table: 'text', row: canonical, column: null,
          message: `缺少章节标题“${canonical}”。年度报告应包含全部六个部分${next ? `，应在“${next.text.trim()}”之前` : ''}。`,
          location: next ? { paragraphIndex: next.paragraphIndex } : null,
          fix: null,
          suggestions: next ? insertHeadingBefore(document, next, canonical) : [],
        }];
      }
      const numberingProblem = numberingIssue(match, heading);
      const wordingOk = [heading.title, ...heading.acceptedTitles].some((t) => labelKey(t) === titleKey(match.title));
      if (!numberingProblem && wordingOk) return [];
      const keptTitle = wordingOk ? match.title.trim() : heading.title;
      const corrected = `${heading.numeral}、${keptTitle}`;
      // Word draws an automatic number itself: writing one into the text would show it twice.
      const written = match.autoNumbered && match.numbering === '' ? keptTitle : corrected;
      const problems = [numberingProblem, wordingOk ? null : `措辞应为“${heading.title}”`].filter(Boolean);
      return [{
        rule: 'section-heading',
        severity: numberingProblem ? 'error' : 'warning',
        table: 'text', row: canonical, column: null,
        message: `章节标题“${match.text.trim()}”${problems.join('，')}。`,
        location: { paragraphIndex: match.paragraphIndex },
        fix: { description: `改为“${written}”`, edits: [{ kind: 'set-paragraph-text', paragraphIndex: match.paragraphIndex, expected: match.text, text: written }] },
        suggestions: [],
      }];
    });
  },
};

function numberingIssue(match: HeadingMatch, heading: Heading): string | null {
  if (match.numbering === '') return match.autoNumbered ? null : `缺少序号“${heading.numeral}、”`;
  const numeral = match.numbering.replace(/[、.．,，:：()（）\s]/g, '');
  const separator = match.numbering.slice(numeral.length);
  if (numeral === heading.numeral && ACCEPTED_SEPARATORS.test(separator) && !/^[（(]/.test(match.numbering)) return null;
  return `序号“${match.numbering}”应为“${heading.numeral}、”`;
}

/** Inserting the missing heading just before the next one, formatted like that heading. */
function insertHeadingBefore(document: DocumentModel, next: HeadingMatch, text: string): Fix[] {
  const position = document.blocks.findIndex((b) => b.kind === 'paragraph' && b.paragraphIndex === next.paragraphIndex);
  const previous = document.blocks[position - 1];
  const model = document.paragraphs.find((p) => p.paragraphIndex === next.paragraphIndex);
  if (!previous || !model) return [];
  const xml = paragraphLikeXml(document.xml.slice(model.source.start, model.source.end), text);
  const after = previous.kind === 'paragraph' ? { paragraphIndex: previous.paragraphIndex } : { tableIndex: previous.tableIndex };
  return [{
    description: `在“${next.text.trim()}”之前插入“${text}”`,
    edits: [{ kind: 'insert-after', after, expected: previous.kind === 'paragraph' ? previous.text : tableText(previous.rows), xml }],
  }];
}
