import type { Paragraph } from '../docmodel';
import { template } from '../template';
import type { HeadingMatch } from './model';
import { labelKey, similarity } from './normalise';

const NUMBERING = /^\s*([（(]?\s*(?:[一二三四五六七八九十]+|\d+|[０-９]+)\s*[)）]?\s*[、.．,，:：]?|第[一二三四五六七八九十]+部分[、:：,，]?)\s*/;
/** A trailing note such as （有关情况附表） or （附表） does not change which heading it is. */
const TRAILING_NOTE = /[（(][^（）()]{1,12}[)）]\s*[:：]?\s*$/;
const MIN_SIMILARITY = 0.72;
const MAX_EXTRA_LENGTH = 8;

export function splitNumbering(text: string): { numbering: string; title: string } {
  const m = NUMBERING.exec(text);
  const numbering = m ? m[1].replace(/\s+/g, '') : '';
  return { numbering, title: (m ? text.slice(m[0].length) : text).trim() };
}

export function titleKey(title: string): string {
  return labelKey(title.replace(TRAILING_NOTE, '')).replace(/[。:：]$/, '');
}

/**
 * Finds the six section headings among body paragraphs: a short paragraph whose text, without its
 * numbering, is (nearly) one of the headings or an accepted wording. Each heading is taken once,
 * the closest match winning.
 */
export function findHeadings(paragraphs: readonly Paragraph[]): HeadingMatch[] {
  const candidates: (HeadingMatch & { similarity: number })[] = [];
  for (const p of paragraphs) {
    const text = p.text.trim();
    if (text === '' || text.length > 40) continue;
    const { numbering, title } = splitNumbering(text);
    const key = titleKey(title);
    template.headings.forEach((heading, headingIndex) => {
      const wordings = [heading.title, ...heading.acceptedTitles].map(labelKey);
      const best = Math.max(...wordings.map((w) => (key.length > w.length + MAX_EXTRA_LENGTH ? 0 : similarity(key, w))));
      if (best >= MIN_SIMILARITY) {
        candidates.push({ headingIndex, paragraphIndex: p.paragraphIndex, text: p.text, numbering, title, autoNumbered: p.autoNumbered, similarity: best });
      }
    });
  }
  candidates.sort((a, b) => b.similarity - a.similarity || a.paragraphIndex - b.paragraphIndex);
  const headingTaken = new Set<number>();
  const paragraphTaken = new Set<number>();
  const result: HeadingMatch[] = [];
  for (const c of candidates) {
    if (headingTaken.has(c.headingIndex) || paragraphTaken.has(c.paragraphIndex)) continue;
    headingTaken.add(c.headingIndex);
    paragraphTaken.add(c.paragraphIndex);
    const { similarity: _ignored, ...match } = c;
    result.push(match);
  }
  return result.sort((a, b) => a.headingIndex - b.headingIndex);
}
