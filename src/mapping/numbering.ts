/**
 * Numbering written by hand in front of section headings and row labels (一、 （一） 1. １、 第一部分):
 * the one place that knows its shapes, so headings, row labels, table joining and messages read
 * numbering alike.
 */
const NUMERAL = '[一二三四五六七八九十]+';
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Whatever numbering a line starts with, as loosely as authors write it: 一、 （一） 1. １、 4： 第一部分. */
const LINE_NUMBERING = new RegExp(`^\\s*([（(]?\\s*(?:${NUMERAL}|\\d+|[０-９]+)\\s*[)）]?\\s*[、.．,，:：]?|第${NUMERAL}部分[、:：,，]?)\\s*`);
/** The numbering shapes the template's row labels use: （一） / (一), 一、, 1. / 1． / 1、. */
const LABEL_NUMBERING = new RegExp(`^\\s*([（(]\\s*${NUMERAL}\\s*[)）]|${NUMERAL}\\s*、|\\d+\\s*[.．、])\\s*`);
/** A line that starts like a section heading (一、 二. 三．). */
const SECTION_START = new RegExp(`^${NUMERAL}[、.．]`);
/** A label that starts with a Chinese numeral and 、 (一、本年新收政府信息公开申请数量). */
const NUMERAL_ITEM = new RegExp(`^(${NUMERAL})、`);
const NUMBERING_PUNCTUATION = /[、.．,，:：()（）\s]/g;
/** The separators after a section's numeral that the format accepts as its 、. */
const SECTION_SEPARATOR = /^[、.．]$/;

/** A heading line split into its numbering (spaces removed) and the rest. */
export function splitNumbering(text: string): { numbering: string; title: string } {
  const m = LINE_NUMBERING.exec(text);
  const numbering = m ? m[1].replace(/\s+/g, '') : '';
  return { numbering, title: (m ? text.slice(m[0].length) : text).trim() };
}

/** A row label's numbering (as written) and the words after it; null when the label has none. */
export function splitLabelNumbering(label: string): { numbering: string; words: string } | null {
  const m = LABEL_NUMBERING.exec(label);
  return m ? { numbering: m[1], words: label.slice(m[0].length) } : null;
}

/** A sub-heading's （一） rather than a section's 一、. */
export const isSubHeadingNumbering = (numbering: string): boolean => /^[（(]/.test(numbering);

/** A section numbering (一、, 4、, 一) — not a sub-heading's （一） — as the numeral it stands for, else null. */
export function sectionNumeral(numbering: string): string | null {
  if (numbering === '' || isSubHeadingNumbering(numbering)) return null;
  const digits = numbering.replace(/[、.．,，:：)）\s]/g, '').normalize('NFKC');
  if (/^\d+$/.test(digits)) return CHINESE_NUMERALS[Number(digits) - 1] ?? null;
  return CHINESE_NUMERALS.includes(digits) ? digits : null;
}

/** A numbering that ends the way a section's does (一、 一. 一．), not with a comma or colon. */
export const endsLikeSection = (numbering: string): boolean => /[、.．]$/.test(numbering);

/** The numeral as written (brackets and punctuation removed) and what follows it. */
export function numeralAndSeparator(numbering: string): { numeral: string; separator: string } {
  const numeral = numbering.replace(NUMBERING_PUNCTUATION, '');
  return { numeral, separator: numbering.slice(numeral.length) };
}

/** 、 or a full stop after a section numeral: the spec treats 一. and 一． as 一、. */
export const isAcceptedSectionSeparator = (separator: string): boolean => SECTION_SEPARATOR.test(separator);

/** A line that starts like a section heading. */
export const startsLikeSection = (text: string): boolean => SECTION_START.test(text.trim());

/** The numeral of a label numbered 一、…, else null (the short name of a row in messages). */
export function itemNumeral(label: string): string | null {
  return NUMERAL_ITEM.exec(label)?.[1] ?? null;
}
