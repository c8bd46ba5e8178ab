import { parseWordprocessingML, type DocumentModel } from '../../docmodel';
import { assembleDocumentXml, type WordParagraphInfo } from './assemble';
import type { WordApiSupport } from './capabilities';
import { firstTableXml, withBodyContent } from './flat-opc';

/** Word's collections, loaded (one sync) before the tables' OOXML can be asked for. */
export interface Structure {
  paragraphs: Word.ParagraphCollection;
  tables: Word.TableCollection;
  document: Word.Document;
  support: WordApiSupport;
}

/** What one read gives: the model the engine lints and the Word objects its indices address. */
export interface Snapshot {
  model: DocumentModel;
  /** Top-level tables, by the model's tableIndex. */
  tables: Word.Table[];
  /** Word's body.paragraphs (table cells included), by the model's paragraphIndex. */
  paragraphs: Word.Paragraph[];
  /** A flat OPC package whose body is the table `tableIndex` (for OOXML replacement). */
  tablePackage(tableIndex: number): string;
  /** The user's change tracking mode (WordApi 1.4), to restore after fixing; null when unknown. */
  trackingMode: Word.ChangeTrackingMode | `${Word.ChangeTrackingMode}` | null;
}

/**
 * Queues the loads of the paragraphs, tables and tracking mode. It is queued after the writes of
 * a fix pass, in the same batch, so a pass costs two round trips: tables' OOXML, then writes.
 */
export function queueStructure(context: Word.RequestContext, support: WordApiSupport): Structure {
  const body = context.document.body;
  const paragraphs = body.paragraphs.load('items/text,items/tableNestingLevel,items/isListItem');
  const tables = body.tables.load('items/nestingLevel');
  if (support.api14) context.document.load('changeTrackingMode');
  return { paragraphs, tables, document: context.document, support };
}

/**
 * Reads the document: each top-level table's OOXML in one round trip, assembled with the
 * paragraphs' text into one document. When a table's getOoxml fails, or Word's paragraphs and the
 * tables' XML do not line up, the body's OOXML is read instead (one more round trip).
 */
export async function readSnapshot(context: Word.RequestContext, structure: Structure): Promise<Snapshot> {
  const paragraphs = structure.paragraphs.items;
  const tables = structure.tables.items.filter((t) => t.nestingLevel === 1);
  const trackingMode = structure.support.api14 ? structure.document.changeTrackingMode : null;
  const infos: WordParagraphInfo[] = paragraphs.map((p) => ({ text: p.text, tableNestingLevel: p.tableNestingLevel, isListItem: p.isListItem }));

  const packages = await tablePackages(context, tables);
  const tableXmls = packages?.map(firstTableXml);
  const assembled = tableXmls && tableXmls.every((x): x is string => x !== null) ? assembleDocumentXml(infos, tableXmls) : null;
  if (packages && assembled !== null) {
    const model = parseWordprocessingML(assembled);
    return { model, tables, paragraphs, trackingMode, tablePackage: (i) => packages[i] };
  }

  const bodyResult = context.document.body.getOoxml();
  try {
    await context.sync();
  } catch (error) {
    throw new Error(`无法读取文档内容（Word 未能导出 OOXML：${(error as Error).message}）。请保存文档后重试。`);
  }
  const bodyPackage = bodyResult.value;
  const model = parseWordprocessingML(bodyPackage);
  const tablePackage = (i: number) => {
    const source = model.tables[i].source;
    return withBodyContent(bodyPackage, bodyPackage.slice(source.start, source.end));
  };
  return { model, tables, paragraphs, trackingMode, tablePackage };
}

async function tablePackages(context: Word.RequestContext, tables: Word.Table[]): Promise<string[] | null> {
  if (tables.length === 0) return [];
  const results = tables.map((t) => t.getRange('Whole').getOoxml());
  try {
    await context.sync();
    return results.map((r) => r.value);
  } catch {
    return null; // e.g. grouped shapes in a cell (office-js #5394): try the body instead
  }
}
