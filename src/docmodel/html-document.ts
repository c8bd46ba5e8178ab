import { Parser } from 'htmlparser2';
import { escapeXml } from '../ooxml/xml-tree';
import { DocumentReadError } from './read-error';

/**
 * Reports as government websites publish them: a saved page or the fragment a CMS shows (GBK or
 * UTF-8, tables with rowspan/colspan, `&nbsp;`-padded cells, labels split over several `<p>`).
 * The page is written as WordprocessingML — paragraphs for text blocks, `w:tbl` with gridSpan and
 * vMerge for tables — and read by the one parser, so every rule sees the same model as for a
 * .docx. Nothing here can be fixed: the hosts say so.
 */

/** Elements that start and end a block of text (a paragraph of the model). */
const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'header', 'footer',
  'main', 'aside', 'nav', 'center', 'blockquote', 'pre', 'address', 'figure', 'figcaption', 'caption', 'form', 'hr', 'br',
]);
/** Content the reader never sees as text. */
const HIDDEN = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'iframe', 'object', 'svg', 'select', 'textarea']);

interface CellOut {
  paragraphs: string[];
  colSpan: number;
  rowSpan: number;
}
interface TableOut {
  rows: CellOut[][];
  current: CellOut[] | null;
  cell: CellOut | null;
}

/** Whether bytes look like an HTML page rather than a Word package or XML. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 1024)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(?:!--[\s\S]*?-->\s*)*<(html|head|body|meta|table|div|p)\b/.test(head);
}

/** The page's text in the charset it declares (a BOM, `<meta charset>`, or http-equiv), UTF-8 otherwise; GB2312 is read as GBK. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = String.fromCharCode(...bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
  const label = declared === 'gb2312' || declared === 'gb_2312-80' ? 'gbk' : declared;
  if (label && label !== 'utf-8' && label !== 'utf8') {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // an unknown label: fall through to UTF-8
    }
  }
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  // Undeclared and not UTF-8 (U+FFFD where bytes did not decode): Chinese pages without a declaration are GBK.
  if (!declared && utf8.includes('\uFFFD')) return new TextDecoder('gbk').decode(bytes);
  return utf8;
}

/** The mark the reviewer's report carries, so a report written into a folder is not read back as a year report. */
export const OWN_REPORT_GENERATOR = 'nianbao-lint review';

/** An HTML page as a WordprocessingML document.xml, for the one parser. */
export function htmlToWordprocessingML(html: string): string {
  if (html.slice(0, 2000).includes(`content="${OWN_REPORT_GENERATOR}"`)) throw new DocumentReadError('own-report', '这是本工具生成的审核报告，不是年报。');
  const body: string[] = [];
  const tables: TableOut[] = [];
  let text = '';
  let hidden = 0;

  const flush = () => {
    const line = text.replace(/[\s\u00a0\u3000]+/g, (ws) => (ws.includes('\u3000') ? '\u3000' : ' ')).trim();
    text = '';
    if (line === '') return;
    const cell = tables.at(-1)?.cell;
    if (tables.length > 0 && !cell) return; // text between cells: not shown by browsers either
    if (cell) cell.paragraphs.push(line);
    else body.push(paragraphXml(line));
  };

  const parser = new Parser({
    onopentag(name, attributes) {
      if (HIDDEN.has(name)) hidden++;
      if (hidden > 0) return;
      if (BLOCKS.has(name)) flush();
      const table = tables.at(-1);
      switch (name) {
        case 'table':
          flush();
          tables.push({ rows: [], current: null, cell: null });
          break;
        case 'tr':
          if (table) {
            closeRow(table);
            table.current = [];
          }
          break;
        case 'td':
        case 'th':
          if (table) {
            flush();
            closeCell(table);
            if (!table.current) table.current = [];
            table.cell = { paragraphs: [], colSpan: span(attributes.colspan), rowSpan: span(attributes.rowspan) };
          }
          break;
      }
    },
    ontext(data) {
      if (hidden === 0) text += data;
    },
    onclosetag(name) {
      if (HIDDEN.has(name)) {
        hidden = Math.max(0, hidden - 1);
        return;
      }
      if (hidden > 0) return;
      if (BLOCKS.has(name)) flush();
      const table = tables.at(-1);
      if (!table) return;
      if (name === 'td' || name === 'th') {
        flush();
        closeCell(table);
      } else if (name === 'tr') {
        flush();
        closeCell(table);
        closeRow(table);
      } else if (name === 'table') {
        flush();
        closeCell(table);
        closeRow(table);
        tables.pop();
        const xml = tableXml(table.rows);
        const outer = tables.at(-1);
        if (outer?.cell) outer.cell.paragraphs.push(xml);
        else if (!outer) body.push(xml);
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true });
  parser.write(html);
  parser.end();
  flush();
  if (body.length === 0) throw new DocumentReadError('not-word', '网页中没有可读的正文。');
  return `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}</w:body></w:document>`;
}

/** Reads a page's bytes as WordprocessingML (see htmlToWordprocessingML). */
export function htmlDocumentXml(bytes: Uint8Array): string {
  return htmlToWordprocessingML(decodeHtml(bytes));
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 1000) : 1;
}

function closeCell(table: TableOut): void {
  if (table.cell && table.current) table.current.push(table.cell);
  table.cell = null;
}

function closeRow(table: TableOut): void {
  closeCell(table);
  if (table.current && table.current.length > 0) table.rows.push(table.current);
  table.current = null;
}

/** A marker the table builder puts in a paragraph list to say "this is a nested table's XML". */
const isTableXml = (p: string) => p.startsWith('<w:tbl>');

function paragraphXml(line: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`;
}

/**
 * The HTML table model (cells listed in the row where they start, spans) laid out on a grid: a
 * cell covered by a rowspan from above becomes a vMerge continuation, as Word writes it.
 */
function tableXml(rows: CellOut[][]): string {
  const covered: number[][] = rows.map(() => []);
  const out: string[] = [];
  let columns = 0;
  rows.forEach((row, r) => {
    const cells: string[] = [];
    let col = 0;
    const continuationsUpTo = (limit: number) => {
      while (col < limit && covered[r][col] !== undefined) {
        const spanHere = covered[r][col];
        cells.push(cellXml([], spanHere, 'continue'));
        col += spanHere;
      }
    };
    for (const cell of row) {
      continuationsUpTo(Number.POSITIVE_INFINITY);
      const rowSpan = Math.min(cell.rowSpan, rows.length - r);
      for (let dr = 1; dr < rowSpan; dr++) covered[r + dr][col] = cell.colSpan;
      cells.push(cellXml(cell.paragraphs, cell.colSpan, rowSpan > 1 ? 'restart' : null));
      col += cell.colSpan;
    }
    continuationsUpTo(Number.POSITIVE_INFINITY);
    columns = Math.max(columns, col);
    out.push(`<w:tr>${cells.join('')}</w:tr>`);
  });
  const grid = `<w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(columns)}</w:tblGrid>`;
  return `<w:tbl>${grid}${out.join('')}</w:tbl>`;
}

function cellXml(paragraphs: string[], colSpan: number, merge: 'restart' | 'continue' | null): string {
  const properties = (colSpan > 1 ? `<w:gridSpan w:val="${colSpan}"/>` : '') + (merge === 'restart' ? '<w:vMerge w:val="restart"/>' : merge === 'continue' ? '<w:vMerge/>' : '');
  const content = paragraphs.map((p) => (isTableXml(p) ? p + '<w:p/>' : paragraphXml(p))).join('') || '<w:p/>';
  return `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ''}${content}</w:tc>`;
}
