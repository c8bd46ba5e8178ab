import { labelKey, memoised } from './normalise';

/**
 * Note marks written after a number or a label: they point to a note under the table and are not
 * part of what they follow. NFKC would turn ¹ and ① into digits ("570¹" into 5701), so they are
 * taken off before anything is normalised.
 */
const VALUE_MARK = /(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[①-⑳]|[［[【]\s*\d{1,2}\s*[］\]】]|[（(]\s*注\s*[:：]?\s*\d{0,2}\s*[)）]|[*＊※]+)$/;
/** Labels also carry notes in words: （含外籍）, （不含…）, （包括…）. */
const LABEL_NOTE = /[（(]\s*(?:含|不含|包括|包含|注)[^（）()]{0,12}[)）]$/;

export interface NoteMarked {
  /** The text without its note marks, trailing space trimmed. */
  body: string;
  /** The marks as written (with the space before them), '' when none. */
  mark: string;
}

function split(text: string, mark: RegExp[]): NoteMarked {
  const trimmed = text.replace(/\s+$/, '');
  let body = trimmed;
  for (let found = true; found;) {
    found = false;
    for (const m of mark) {
      const hit = m.exec(body);
      if (hit && hit.index > 0) {
        body = body.slice(0, hit.index).replace(/\s+$/, '');
        found = true;
      }
    }
  }
  return { body, mark: trimmed.slice(body.length) };
}

/** A cell value's trailing note marks: 570¹, 570[1], 570（注1）, 570*. */
export const splitValueMark = (text: string): NoteMarked => split(text, [VALUE_MARK]);

/** A label's trailing note marks: 自然人（含外籍）, 1.属于国家秘密*. */
export const splitLabelMark = (text: string): NoteMarked => split(text, [VALUE_MARK, LABEL_NOTE]);

/** The comparison key of a document label, its note marks left out: 自然人（含外籍） is the 自然人 column. */
export const markedLabelKey: (text: string) => string = memoised((text) => labelKey(splitLabelMark(text).body));
