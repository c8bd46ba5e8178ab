import { parseWordprocessingML, type DocumentModel } from '../../docmodel';
import { assembleDocumentXml, type WordParagraphInfo } from '../word/assemble';
import { firstTableXml, raisedStylesIn } from '../word/flat-opc';
import { reconstructTableXml } from './reconstruct';
import { items, type WpsDocument, type WpsParagraph, type WpsTable } from './wps-api';

/** What one read gives: the model the engine lints and the WPS objects its indices address. */
export interface WpsSnapshot {
  model: DocumentModel;
  /** Top-level tables (Document.Tables), by the model's tableIndex. */
  tables: WpsTable[];
  /**
   * WPS's paragraph for each of the model's paragraphIndex; null inside tables, where WPS's count
   * of paragraphs need not match the XML's (merged cells), so no paragraph fix is written there.
   */
  paragraphs: (WpsParagraph | null)[];
  /** The flat OPC package WPS gave for table i (Range.WordOpenXML), or null when it was rebuilt from cell texts. */
  tablePackages: (string | null)[];
}

/** A table's WordprocessingML as WPS exports it, or null when WPS offers none (or fails). */
function tablePackage(table: WpsTable): string | null {
  try {
    const xml = table.Range.WordOpenXML;
    return typeof xml === 'string' && firstTableXml(xml) !== null ? xml : null;
  } catch {
    return null;
  }
}

/**
 * Reads the document: each paragraph's text (WPS's Document.Paragraphs, table cells included,
 * in order) and each top-level table, preferably as the WordprocessingML WPS exports for its range
 * (merges exactly as in the .docx), otherwise rebuilt from its cells' texts. Body paragraphs keep
 * their text only; the tables stand in for the runs of in-table paragraphs.
 */
export function readWpsSnapshot(document: WpsDocument): WpsSnapshot {
  const wpsParagraphs = items(document.Paragraphs);
  const tables = items(document.Tables);
  const tablePackages = tables.map(tablePackage);
  const tableXmls = tables.map((t, i) => (tablePackages[i] ? firstTableXml(tablePackages[i]!)! : reconstructTableXml(t)));

  // One info per w:p of the assembled document: WPS's body paragraphs as they are, and for each
  // run of in-table paragraphs exactly as many in-table entries as the table's XML has w:p.
  const infos: WordParagraphInfo[] = [];
  const paragraphs: (WpsParagraph | null)[] = [];
  let next = 0;
  for (let i = 0; i < wpsParagraphs.length;) {
    const range = wpsParagraphs[i].Range;
    if (range.Tables.Count === 0) {
      infos.push({ text: range.Text.replace(/\r?\u0007?$/, '').replace(/\r$/, ''), tableNestingLevel: 0, isListItem: listed(range) });
      paragraphs.push(wpsParagraphs[i]);
      i++;
      continue;
    }
    while (i < wpsParagraphs.length && wpsParagraphs[i].Range.Tables.Count > 0) i++;
    const xml = tableXmls[next++];
    if (xml === undefined) throw new Error(TABLES_DISAGREE);
    const count = xml.match(/<w:p[\s>/]/g)?.length ?? 0;
    for (let k = 0; k < count; k++) {
      infos.push({ text: '', tableNestingLevel: 1, isListItem: false });
      paragraphs.push(null);
    }
  }
  if (next !== tables.length) throw new Error(TABLES_DISAGREE);
  const assembled = assembleDocumentXml(infos, tableXmls);
  if (assembled === null) throw new Error(TABLES_DISAGREE);
  return { model: parseWordprocessingML(assembled, () => raisedStylesIn(tablePackages)), tables, paragraphs, tablePackages };
}

const TABLES_DISAGREE = '无法读取文档结构：WPS 报告的表格与段落不一致。请保存文档后点“重新检查”，或在浏览器版中打开该文件。';

/** Automatic numbering, which WPS (like Word) leaves out of the paragraph's text. */
function listed(range: WpsParagraph['Range']): boolean {
  try {
    return !!range.ListFormat?.ListString;
  } catch {
    return false;
  }
}
