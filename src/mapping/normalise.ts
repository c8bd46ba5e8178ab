/**
 * Comparison keys for labels. Real documents differ from the canonical strings in ways that are not
 * errors (report-format.md, "Matching labels"): bracket and digit width, 1. / 1． / 1、, quote
 * styles, spaces and line breaks anywhere. Two labels are the same label when their keys are equal.
 */
const WHITESPACE = /[\s\u00a0\u2000-\u200b\u3000\ufeff]+/g;
const QUOTES = /[“”„‟″"'‘’‚‛「」『』]/g;
const NUMBER_SEPARATOR = /^(\d+)[、.．,，]/;

/**
 * A string function with its results remembered: mapping asks for the same labels many times
 * (column scores pairwise, row recognition, every table against every format). Bounded, and
 * holding copies, not the document's strings (slices that would keep a whole document.xml alive).
 */
export function memoised(compute: (text: string) => string, limit = 50_000): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    const cached = known.get(text);
    if (cached !== undefined) return cached;
    if (known.size >= limit) known.clear();
    const result = compute(text);
    known.set(detached(text), detached(result));
    return result;
  };
}

/** A copy of a string that shares no memory with the string it came from. */
const detached = (s: string): string => (' ' + s).slice(1);

export const labelKey: (text: string) => string = memoised(computeLabelKey);

function computeLabelKey(text: string): string {
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

/**
 * Whether `similarity(a, b)` can reach `minimum`, from lengths and shared characters alone: an edit
 * script keeps at most the characters the two have in common, so the distance is at least the
 * longer length minus that count. Much cheaper than the edit distance; false rules it out.
 */
export function couldBeSimilar(a: string, b: string, minimum: number): boolean {
  const longer = Math.max(a.length, b.length);
  if (longer === 0 || a === b) return true;
  // A hair of slack: the bound must never be stricter than similarity's own floating-point test.
  const allowed = (1 - minimum) * longer + 1e-9;
  if (Math.abs(a.length - b.length) > allowed) return false;
  // By UTF-16 code unit, as the edit distance counts.
  const counts = new Map<number, number>();
  for (let i = 0; i < a.length; i++) counts.set(a.charCodeAt(i), (counts.get(a.charCodeAt(i)) ?? 0) + 1);
  let common = 0;
  for (let i = 0; i < b.length; i++) {
    const n = counts.get(b.charCodeAt(i));
    if (n) {
      common++;
      counts.set(b.charCodeAt(i), n - 1);
    }
  }
  return longer - common <= allowed;
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
