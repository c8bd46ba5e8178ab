import type { ValueKind } from '../template';

/**
 * What a data cell says. A blank is not a zero (reviewers ask for an explicit 0); the informal ways
 * of writing a number (无, /, —, O, 零, full-width digits, 1,234) are understood so sums still
 * check, but remembered as irregular so they are reported.
 */
export type CellValue =
  | { kind: 'blank' }
  | { kind: 'number'; value: number; /** Plain digits as the format expects. */ regular: boolean; /** Plain form to write instead, when unambiguous. */ plain: string | null; note: string | null }
  | { kind: 'text'; text: string; note: string };

const SPACES = /[\s\u00a0\u3000]+/g;
const ZERO_WORDS = new Set(['无', '/', '／', '—', '——', '–', '-', '－', 'O', 'o', 'Ｏ', '〇', '零']);
const UNIT_SUFFIX = /^(-?\d+(?:\.\d+)?)(件|个|条|项|次|人|元|万元)$/;

export function parseCellValue(raw: string, kind: ValueKind): CellValue {
  const compact = raw.replace(SPACES, '');
  if (compact === '') return { kind: 'blank' };
  if (isPlainNumber(compact, kind)) return { kind: 'number', value: Number(compact), regular: true, plain: null, note: null };

  if (ZERO_WORDS.has(compact)) {
    return { kind: 'number', value: 0, regular: false, plain: '0', note: `“${compact}”应填写为 0` };
  }
  const halfWidth = compact.normalize('NFKC');
  if (halfWidth !== compact && isPlainNumber(halfWidth, kind)) {
    return { kind: 'number', value: Number(halfWidth), regular: false, plain: halfWidth, note: `全角数字“${compact}”应写为半角 ${halfWidth}` };
  }
  const withoutSeparators = halfWidth.replace(/,(?=\d{3}(\D|$))/g, '');
  if (withoutSeparators !== halfWidth && isPlainNumber(withoutSeparators, kind)) {
    return { kind: 'number', value: Number(withoutSeparators), regular: false, plain: withoutSeparators, note: `“${compact}”含千位分隔符，应写为 ${withoutSeparators}` };
  }
  const unit = UNIT_SUFFIX.exec(halfWidth);
  if (unit && isPlainNumber(unit[1], kind)) {
    // The unit may not be the column's (元 under 万元), so the number is understood but not rewritten.
    return { kind: 'number', value: Number(unit[1]), regular: false, plain: null, note: `“${compact}”带有单位“${unit[2]}”，表格中只填数字` };
  }
  return { kind: 'text', text: compact, note: describeInvalid(halfWidth, kind) };
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
