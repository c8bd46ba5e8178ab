/**
 * Small WordprocessingML writers shared by the table and report generators: escaping, runs,
 * paragraphs, and the customary 公文 typography. Everything here is pure string building (no DOM,
 * no Node APIs) so it runs unchanged in the browser and in the Word add-in.
 *
 * All formatting is written as direct formatting on the paragraphs and runs (not through styles),
 * so generated XML keeps its look when the fix engine inserts it into a user's document whose
 * styles.xml we do not control.
 */

/** Namespace of the main WordprocessingML vocabulary (prefix `w:`). */
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Latin text (digits) is set in Times New Roman, as is customary next to 仿宋_GB2312. */
export const LATIN_FONT = 'Times New Roman';

/** Customary 公文 fonts (GB/T 9704): the east-Asian face and its common substitute. */
export const FONTS = {
  title: { eastAsia: '方正小标宋简体', fallback: '宋体' },
  heading: { eastAsia: '黑体', fallback: '黑体' },
  body: { eastAsia: '仿宋_GB2312', fallback: '仿宋' },
} as const;
export type FontRole = keyof typeof FONTS;

/** Sizes in half-points (w:sz): 二号 22pt, 三号 16pt, 五号 10.5pt. */
export const SIZES = { title: 44, body: 32, table: 21 } as const;

export interface RunStyle {
  font: FontRole;
  /** Half-points. */
  size: number;
  bold?: boolean;
}

export type Alignment = 'left' | 'center' | 'right' | 'both';

export interface ParagraphStyle {
  align?: Alignment;
  /** First-line indent in hundredths of a character (200 = two characters). */
  firstLineChars?: number;
  /** Line spacing: exact twips, or omitted for single spacing. */
  exactLine?: number;
  /** Keep with the next paragraph (headings). */
  keepNext?: boolean;
  /** Outline level (0 = level 1) so headings show in Word's navigation pane. */
  outlineLevel?: number;
  /** Do not snap lines to the document grid (table cells). */
  noSnapToGrid?: boolean;
}

// Characters XML 1.0 forbids even when escaped (C0 controls other than tab, LF, CR; U+FFFE/U+FFFF).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for element content and attribute values; drops characters XML cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function runProperties(style: RunStyle): string {
  const east = escapeXml(FONTS[style.font].eastAsia);
  const latin = style.font === 'body' ? LATIN_FONT : FONTS[style.font].eastAsia;
  return '<w:rPr>'
    + `<w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:eastAsia="${east}" w:cs="${LATIN_FONT}"/>`
    + (style.bold ? '<w:b/><w:bCs/>' : '')
    + `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>`
    + '</w:rPr>';
}

/** One run per line of text: tabs become w:tab, line breaks w:br. Empty text gives no run. */
export function runs(text: string, style: RunStyle): string {
  if (text === '') return '';
  const rPr = runProperties(style);
  const parts: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (i > 0) parts.push('<w:br/>');
    line.split('\t').forEach((piece, j) => {
      if (j > 0) parts.push('<w:tab/>');
      if (piece !== '') parts.push(`<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`);
    });
  });
  return `<w:r>${rPr}${parts.join('')}</w:r>`;
}

export function paragraphProperties(p: ParagraphStyle, run: RunStyle): string {
  return '<w:pPr>'
    + (p.keepNext ? '<w:keepNext/>' : '')
    + (p.noSnapToGrid ? '<w:snapToGrid w:val="0"/>' : '')
    + (p.exactLine
      ? `<w:spacing w:before="0" w:after="0" w:line="${p.exactLine}" w:lineRule="exact"/>`
      : '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>')
    + (p.firstLineChars ? `<w:ind w:firstLineChars="${p.firstLineChars}" w:firstLine="${Math.round((p.firstLineChars * run.size) / 10)}"/>` : '')
    + (p.align ? `<w:jc w:val="${p.align}"/>` : '')
    + (p.outlineLevel !== undefined ? `<w:outlineLvl w:val="${p.outlineLevel}"/>` : '')
    // The paragraph mark's size, so an empty paragraph (a merged cell's continuation) is as tall as text.
    + runProperties(run)
    + '</w:pPr>';
}

/** A paragraph with the given text (possibly empty: Word still needs the w:p). */
export function paragraph(text: string, p: ParagraphStyle, run: RunStyle): string {
  return `<w:p>${paragraphProperties(p, run)}${runs(text, run)}</w:p>`;
}
