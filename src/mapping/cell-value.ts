import type { ValueKind } from '../template';
import { splitValueMark } from './note-marks';

/**
 * What a data cell says. A blank is not a zero (reviewers ask for an explicit 0); the informal ways
 * of writing a number (无, /, —, O, 零, full-width digits, 1,234) are understood so sums still
 * check, but remembered as irregular so they are reported. A note mark after the number (570¹,
 * 570[1], 570（注1）, 570*) points to a note: it is not part of the number.
 */
export type CellValue =
  | {
    kind: 'number'; value: number; /** Plain digits as the format expects. */ regular: boolean; /** Plain form to write instead, when unambiguous. */ plain: string | null; note: string | null;
    /** Note marks written as text after the number, which a rewrite of the cell must keep ('' when none). */ noteMark: string;
  }
  | { kind: 'blank' }
  | { kind: 'text'; text: string; note: string };

const SPACES = /[\s\u00a0\u3000]+/g;
/** The informal ways clerks write zero in a count cell: the one list, for reading values and telling data rows from labels. */
const ZERO_WORDS: ReadonlySet<string> = new Set(['无', '/', '／', '—', '——', '–', '-', '－', 'O', 'o', 'Ｏ', '〇', '零']);

/** `text` (spaces removed) is one of the informal ways of writing zero. */
export const isZeroWord = (text: string): boolean => ZERO_WORDS.has(text);
const UNIT_SUFFIX = /^(-?\d+(?:\.\d+)?)(件|个|条|项|次|人|元|万元)$/;
/** Digits apart ("1 2", "5¶70"): one number with a stray space, or two numbers? Nobody can tell. */
const DIGITS_APART = /[\d０-９][\s\u00a0\u3000]+[\d０-９]/;

/** `superscripts`: character ranges of `raw` written as superscript (note marks, whatever their characters). */
export function parseCellValue(raw: string, kind: ValueKind, superscripts: readonly { start: number; end: number }[] = []): CellValue {
  const unraised = withoutRanges(raw, superscripts);
  // A cell written all in superscript is a formatting slip, not a note.
  const { body, mark: noteMark } = splitValueMark((unraised.trim() === '' ? raw : unraised).trim());
  const compact = body.replace(SPACES, '');
  if (compact === '') return noteMark === '' ? { kind: 'blank' } : { kind: 'text', text: noteMark, note: `单元格只有注释标记“${noteMark}”，没有数值` };
  const number = (value: number, regular: boolean, plain: string | null, note: string | null): CellValue => ({ kind: 'number', value, regular, plain, note, noteMark });
  if (DIGITS_APART.test(body.trim())) {
    const shown = body.trim().replace(/\s*\n\s*/g, '⏎').replace(/[ \t\u00a0\u3000]+/g, ' ');
    return { kind: 'text', text: compact, note: `“${shown}”中的数字被空格或换行隔开，无法确定是一个数还是几个数` };
  }
  if (isPlainNumber(compact, kind)) return number(Number(compact), true, null, null);
  if (isZeroWord(compact)) return number(0, false, '0', `“${compact}”应填写为 0`);
  const halfWidth = compact.normalize('NFKC');
  if (halfWidth !== compact && isPlainNumber(halfWidth, kind)) {
    return number(Number(halfWidth), false, halfWidth, `全角数字“${compact}”应写为半角 ${halfWidth}`);
  }
  const withoutSeparators = halfWidth.replace(/,(?=\d{3}(\D|$))/g, '');
  if (withoutSeparators !== halfWidth && isPlainNumber(withoutSeparators, kind)) {
    return number(Number(withoutSeparators), false, withoutSeparators, `“${compact}”含千位分隔符，应写为 ${withoutSeparators}`);
  }
  const unit = UNIT_SUFFIX.exec(halfWidth);
  if (unit && isPlainNumber(unit[1], kind)) {
    // The unit may not be the column's (元 under 万元), so the number is understood but not rewritten.
    return number(Number(unit[1]), false, null, `“${compact}”带有单位“${unit[2]}”，表格中只填数字`);
  }
  return { kind: 'text', text: compact, note: describeInvalid(halfWidth, kind) };
}

function withoutRanges(text: string, ranges: readonly { start: number; end: number }[]): string {
  if (ranges.length === 0) return text;
  let kept = '';
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    kept += text.slice(at, Math.max(at, r.start));
    at = Math.max(at, r.end);
  }
  return kept + text.slice(at);
}

function isPlainNumber(text: string, kind: ValueKind): boolean {
  switch (kind) {
    case 'count':
      return /^\d+$/.test(text);
    case 'signed-count':
      return /^[-+]?\d+$/.test(text);
    case 'amount':
      return /^\d+(\.\d+)?$/.test(text);
  }
}

function describeInvalid(text: string, kind: ValueKind): string {
  if (kind === 'count' && /^\d+\.\d+$/.test(text)) return `“${text}”是小数，件数应为整数`;
  if (kind !== 'signed-count' && /^-\d+(\.\d+)?$/.test(text)) return `“${text}”是负数，此处应为非负数`;
  return `“${text}”不是数字`;
}
