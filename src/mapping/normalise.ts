/**
 * Comparison keys for labels. Real documents differ from the canonical strings in ways that are not
 * errors (report-format.md, "Matching labels"): bracket and digit width, 1. / 1． / 1、, quote
 * styles, spaces and line breaks anywhere. Two labels are the same label when their keys are equal.
 */
const WHITESPACE = /[\s\u00a0\u2000-\u200b\u3000\ufeff]+/g;
const QUOTES = /[“”„‟″"'‘’‚‛「」『』]/g;
const NUMBER_SEPARATOR = /^(\d+)[、.．,，]/;

export function labelKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(WHITESPACE, '')
    .replace(QUOTES, '"')
    .replace(NUMBER_SEPARATOR, '$1.')
    .replace(/[：]/g, ':');
}

/** Display form of a document's text in messages: line breaks and runs of spaces collapsed. */
export function displayText(text: string): string {
  return text.replace(/\s*\n\s*/g, '').replace(/[ \t\u3000]+/g, ' ').trim();
}

/** Similarity in [0, 1] of two keys: 1 − Levenshtein distance / longer length. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  return 1 - levenshtein(a, b) / Math.max(a.length, b.length);
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
