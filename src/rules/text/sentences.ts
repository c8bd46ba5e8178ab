import { textPhrases } from '../../template';

export interface Sentence {
  text: string;
  /** Offset of the sentence in its paragraph. */
  start: number;
}

const SENTENCE_END = new RegExp(textPhrases.sentenceEnd, 'gu');

/** A paragraph cut into sentences (the end mark stays with its sentence). */
export function sentences(text: string): Sentence[] {
  const result: Sentence[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim() !== '') result.push({ text: text.slice(start, end), start });
    start = end;
  }
  if (text.slice(start).trim() !== '') result.push({ text: text.slice(start), start });
  return result;
}
