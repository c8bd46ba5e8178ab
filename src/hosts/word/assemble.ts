import { documentXml, escapeXml } from '../../generate';

/** What the host loads of each of Word's body.paragraphs (all of them, table cells included). */
export interface WordParagraphInfo {
  text: string;
  /** 0 outside tables; 1 in a top-level table; more in nested tables. */
  tableNestingLevel: number;
  /** Automatic list numbering, which Word leaves out of `text`. */
  isListItem: boolean;
}

const PARAGRAPH_OPEN = /<w:p[\s>/]/g;

/**
 * One w:document from Word's paragraphs (text only) and each top-level table's w:tbl, in body
 * order, such that paragraph indices (every w:p, table cells included) and table indices match
 * Word's body.paragraphs and top-level tables. A table's paragraphs are taken from its XML, so
 * the run of in-table paragraphs it stands for must be exactly as long; null when Word's
 * collection and the tables' XML disagree (the caller then reads the body's OOXML instead).
 */
export function assembleDocumentXml(paragraphs: readonly WordParagraphInfo[], tables: readonly string[]): string | null {
  const parts: string[] = [];
  let next = 0;
  for (let i = 0; i < paragraphs.length;) {
    const p = paragraphs[i];
    if (p.tableNestingLevel === 0) {
      parts.push(paragraphXml(p));
      i++;
      continue;
    }
    const table = tables[next++];
    if (table === undefined) return null;
    const count = table.match(PARAGRAPH_OPEN)?.length ?? 0;
    const run = paragraphs.slice(i, i + count);
    if (count === 0 || run.length < count || run.some((q) => q.tableNestingLevel === 0)) return null;
    parts.push(table);
    i += count;
    // Word joins tables that touch, so a table's run ends at a body paragraph: anything else means
    // Word lists items the XML has no w:p for (row marks…), and indices would not line up.
    if (i < paragraphs.length && paragraphs[i].tableNestingLevel !== 0) return null;
  }
  if (next !== tables.length) return null;
  return documentXml(parts.join(''), { pageNumbers: false });
}

/** Word's text as WordprocessingML: tabs and line breaks (Word reports a manual break as \v) become elements. */
function paragraphXml(p: WordParagraphInfo): string {
  const content = p.text.split(/\r\n|[\r\n\v]/).map((line) =>
    line.split('\t').map((piece) => (piece === '' ? '' : `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`)).join('<w:tab/>')).join('<w:br/>');
  const numbering = p.isListItem ? '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' : '';
  return `<w:p>${numbering}${content === '' ? '' : `<w:r>${content}</w:r>`}</w:p>`;
}

