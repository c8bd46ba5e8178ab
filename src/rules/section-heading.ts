import type { DocumentModel } from '../docmodel';
import { tableText } from '../edits/types';
import { isAcceptedSectionSeparator, isSubHeadingNumbering, labelKey, numberedSections, numeralAndSeparator, sectionNumeral, titleKey, type HeadingMatch, type NumberedSection } from '../mapping';
import { paragraphLikeXml } from '../ooxml/cell-xml';
import { template, type Heading } from '../template';
import { docsPath, type Diagnostic, type Fix, type Rule } from './types';

/** The six section headings: present, numbered 一、 … 六、, and worded as the notice words them. */
export const sectionHeading: Rule = {
  meta: { id: 'section-heading', severity: 'error', fixes: 'fix', name: '章节标题不规范', description: '章节标题缺失、序号错误或措辞不规范', docs: docsPath('section-heading') },
  check({ report, document }) {
    if (!report.isReport) return [];
    const renumberingCollisions = collisions(report.headings, numberedSections(document.paragraphs));
    return template.headings.flatMap((heading, index): Diagnostic[] => {
      const canonical = `${heading.numeral}、${heading.title}`;
      const match = report.headings.find((h) => h.headingIndex === index);
      if (!match) {
        const next = report.headings.find((h) => h.headingIndex > index);
        return [{
          rule: 'section-heading', severity: 'error', table: 'text', row: canonical, column: null,
          message: `缺少章节标题“${canonical}”。年度报告应包含全部六个部分${next ? `，应在“${headOf(next)}”之前` : ''}。`,
          location: next ? { paragraphIndex: next.paragraphIndex } : null,
          fix: null,
          suggestions: next ? insertHeadingBefore(document, next, canonical) : [],
        }];
      }
      const numberingProblem = numberingIssue(match, heading);
      const wordingOk = [heading.title, ...heading.acceptedTitles].some((t) => labelKey(t) === titleKey(match.title));
      if (!numberingProblem && wordingOk) return [];
      const keptTitle = wordingOk ? match.title.trim() : heading.title;
      // Word draws an automatic number itself: writing one into the text would show it twice.
      const written = match.autoNumbered && match.numbering === '' ? keptTitle : `${heading.numeral}、${keptTitle}`;
      const problems = [numberingProblem, wordingOk ? null : `措辞应为“${heading.title}”`].filter(Boolean);
      const clash = renumberingCollisions.get(match.paragraphIndex);
      const fix: Fix = {
        description: `改正章节标题“${headOf(match)}”的${[numberingProblem && '序号', !wordingOk && '措辞'].filter(Boolean).join('和')}`,
        // The heading only: what follows it on the same line ("：无。") stays as written.
        edits: [{ kind: 'set-paragraph-text', paragraphIndex: match.paragraphIndex, expected: match.text, text: written + match.tail }],
      };
      return [{
        rule: 'section-heading',
        severity: numberingProblem ? 'error' : 'warning',
        table: 'text', row: canonical, column: null,
        message: `章节标题“${headOf(match)}”${problems.join('，')}。${clash ? `但文中已有“${clash.head}”，改号会使两个章节序号相同：请先核对章节结构（多出的章节内容通常应并入“六、其他需要报告的事项”）。` : ''}`,
        location: { paragraphIndex: match.paragraphIndex },
        fix: clash ? null : fix,
        suggestions: clash ? [fix] : [],
      }];
    });
  },
};

/** The heading as written, without what follows it on the same line. */
const headOf = (match: HeadingMatch) => match.text.trim().slice(0, match.text.trim().length - match.tail.length).trim();

function numberingIssue(match: HeadingMatch, heading: Heading): string | null {
  if (match.numbering === '') return match.autoNumbered ? null : `缺少序号“${heading.numeral}、”`;
  const { numeral, separator } = numeralAndSeparator(match.numbering);
  if (numeral === heading.numeral && separator === '') return `序号“${numeral}”后缺少“、”`;
  if (numeral === heading.numeral && isAcceptedSectionSeparator(separator) && !isSubHeadingNumbering(match.numbering)) return null;
  return `序号“${match.numbering}”应为“${heading.numeral}、”`;
}

/**
 * Renumbering must never give two sections one number: a report with an extra section (五、信息处理费
 * 收取情况 before 六、存在的主要问题…) is shifted on purpose or by mistake, and only the user can say
 * which. Starting from every heading renumbered, a renumbering whose number another numbered line
 * would still carry is withdrawn, until none collides. Returns, per withdrawn heading, the line it collides with.
 */
function collisions(headings: readonly HeadingMatch[], sections: readonly NumberedSection[]): Map<number, NumberedSection> {
  const target = new Map<number, string>();
  for (const h of headings) {
    const numeral = template.headings[h.headingIndex].numeral;
    if (!(h.autoNumbered && h.numbering === '') && sectionNumeral(h.numbering) !== numeral) target.set(h.paragraphIndex, numeral);
  }
  const lines = new Map(sections.map((s) => [s.paragraphIndex, s]));
  for (const h of headings) {
    if (!lines.has(h.paragraphIndex) && target.has(h.paragraphIndex)) {
      lines.set(h.paragraphIndex, { paragraphIndex: h.paragraphIndex, numeral: sectionNumeral(h.numbering) ?? '', head: headOf(h) });
    }
  }
  const withdrawn = new Map<number, NumberedSection>();
  const numeralAfter = (s: NumberedSection) => (withdrawn.has(s.paragraphIndex) ? s.numeral : target.get(s.paragraphIndex) ?? s.numeral);
  for (let changed = true; changed;) {
    changed = false;
    for (const [paragraphIndex, numeral] of target) {
      if (withdrawn.has(paragraphIndex)) continue;
      const other = [...lines.values()].find((s) => s.paragraphIndex !== paragraphIndex && numeralAfter(s) === numeral);
      if (other) {
        withdrawn.set(paragraphIndex, other);
        changed = true;
      }
    }
  }
  return withdrawn;
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
    description: `在“${headOf(next)}”之前插入“${text}”`,
    edits: [{ kind: 'insert-after', after, expected: previous.kind === 'paragraph' ? previous.text : tableText(previous.rows), xml }],
  }];
}
