import type { Paragraph } from '../docmodel';
import { template } from '../template';
import type { HeadingMatch } from './model';
import { couldBeSimilar, labelKey, similarity } from './normalise';
import { endsLikeSection, isSubHeadingNumbering, sectionNumeral, splitNumbering } from './numbering';

/** A trailing note such as （有关情况附表） or （附表） does not change which heading it is. */
const TRAILING_NOTE = /[（(][^（）()]{1,12}[)）]\s*[:：]?\s*$/;
/** Where text run on after a heading on the same line ("六、其他需要报告的事项：无。"): the first colon or full stop outside brackets. */
const RUN_ON = /[:：。]/;
const MIN_SIMILARITY = 0.72;
const MAX_EXTRA_LENGTH = 8;
const MAX_HEADING_LENGTH = 40;

export function titleKey(title: string): string {
  return labelKey(title.replace(TRAILING_NOTE, '')).replace(/[。:：]$/, '');
}

/**
 * A heading line split into the heading and what follows it on the same line: the tail starts at
 * the first colon or full stop outside brackets, when something other than punctuation follows.
 */
export function splitRunOn(title: string): { head: string; tail: string } {
  let depth = 0;
  for (let i = 0; i < title.length; i++) {
    const ch = title[i];
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && RUN_ON.test(ch)) {
      const tail = title.slice(i);
      return /[^\s:：。，,；;]/.test(tail) ? { head: title.slice(0, i), tail } : { head: title, tail: '' };
    }
  }
  return { head: title, tail: '' };
}

/**
 * Finds the six section headings among body paragraphs: a short line whose text, without its
 * numbering and without what runs on after a colon, is (nearly) one of the headings or an accepted
 * wording. Each heading is taken once: a section numbering beats a sub-heading's （一）, the closest
 * wording wins, then the right numeral, then the first in the document. A line without any number
 * must be the heading word for word: "无其他需要报告的事项。" is a sentence, not heading 六.
 */
export function findHeadings(paragraphs: readonly Paragraph[]): HeadingMatch[] {
  const candidates: (HeadingMatch & { similarity: number; subHeading: boolean })[] = [];
  const wordingsOf = template.headings.map((heading) => [heading.title, ...heading.acceptedTitles].map(labelKey));
  for (const p of paragraphs) {
    const text = p.text.trim();
    if (text === '') continue;
    const { numbering, title: fullTitle } = splitNumbering(text);
    const { head, tail } = splitRunOn(fullTitle);
    if (head.length > MAX_HEADING_LENGTH) continue;
    const key = titleKey(head);
    const numbered = numbering !== '' || p.autoNumbered;
    wordingsOf.forEach((wordings, headingIndex) => {
      // The edit distance only where lengths and shared characters leave MIN_SIMILARITY possible: most paragraphs are no heading.
      const best = Math.max(...wordings.map((w) => (key.length > w.length + MAX_EXTRA_LENGTH || !couldBeSimilar(key, w, MIN_SIMILARITY) ? 0 : similarity(key, w))));
      if (best < MIN_SIMILARITY || (!numbered && best < 1)) return;
      candidates.push({
        headingIndex, paragraphIndex: p.paragraphIndex, text: p.text, numbering, title: head, tail, autoNumbered: p.autoNumbered,
        similarity: best, subHeading: isSubHeadingNumbering(numbering),
      });
    });
  }
  const rightNumeral = (c: HeadingMatch) => Number(sectionNumeral(c.numbering) === template.headings[c.headingIndex].numeral);
  candidates.sort((a, b) => Number(a.subHeading) - Number(b.subHeading) || b.similarity - a.similarity
    || rightNumeral(b) - rightNumeral(a) || a.paragraphIndex - b.paragraphIndex);
  const headingTaken = new Set<number>();
  const paragraphTaken = new Set<number>();
  const result: HeadingMatch[] = [];
  for (const c of candidates) {
    if (headingTaken.has(c.headingIndex) || paragraphTaken.has(c.paragraphIndex)) continue;
    headingTaken.add(c.headingIndex);
    paragraphTaken.add(c.paragraphIndex);
    const { similarity: _similarity, subHeading: _subHeading, ...match } = c;
    result.push(match);
  }
  return result.sort((a, b) => a.headingIndex - b.headingIndex);
}

/** A body line numbered like a section (一、…), heading or not: what a renumbering must not collide with. */
export interface NumberedSection {
  paragraphIndex: number;
  numeral: string;
  head: string;
}

/** Short lines with a section numbering (sentences and sub-headings left out). */
export function numberedSections(paragraphs: readonly Paragraph[]): NumberedSection[] {
  return paragraphs.flatMap((p) => {
    const { numbering, title } = splitNumbering(p.text.trim());
    const numeral = sectionNumeral(numbering);
    const { head } = splitRunOn(title);
    if (numeral === null || !endsLikeSection(numbering) || head.length > MAX_HEADING_LENGTH || /[。；;，,]/.test(head)) return [];
    return [{ paragraphIndex: p.paragraphIndex, numeral, head: `${numbering}${head}` }];
  });
}
