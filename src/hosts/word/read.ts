import { parseWordprocessingML, type DocumentModel } from '../../docmodel';
import { descendants, hasAncestor, parseTree } from '../../ooxml/xml-tree';
import { assembleDocumentXml, type WordParagraphInfo } from './assemble';
import type { WordApiSupport } from './capabilities';
import { WordHostError, wordHostError } from './errors';
import { firstTableXml, raisedStylesIn, withBodyContent } from './flat-opc';
import { normaliseText } from './verify';

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
  /** Word's body.paragraphs (table cells included), as Word lists them. */
  paragraphs: Word.Paragraph[];
  /**
   * The Word paragraph standing for the model's paragraph `paragraphIndex`: the same index when the
   * model was assembled from Word's own list; on the body-OOXML fallback (where Word may list items
   * the parser does not count) the paragraph matched by its text, or null when that is ambiguous.
   */
  wordParagraph(paragraphIndex: number): Word.Paragraph | null;
  /** Rows Word counts in table `tableIndex` (rows deleted under tracking included). */
  wordRowCount(tableIndex: number): number;
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
  const tables = body.tables.load('items/nestingLevel,items/rowCount');
  if (support.api14) context.document.load('changeTrackingMode');
  return { paragraphs, tables, document: context.document, support };
}

/**
 * Reads the document: each top-level table's OOXML in one round trip, assembled with the
 * paragraphs' text into one document. When a table's getOoxml fails, or Word's paragraphs and the
 * tables' XML do not line up, the body's OOXML is read instead (one more round trip).
 */
export async function readSnapshot(context: Word.RequestContext, structure: Structure, cache?: TablePackageCache): Promise<Snapshot> {
  const paragraphs = structure.paragraphs.items;
  const tables = structure.tables.items.filter((t) => t.nestingLevel === 1);
  const trackingMode = structure.support.api14 ? structure.document.changeTrackingMode : null;
  const infos: WordParagraphInfo[] = paragraphs.map((p) => ({ text: p.text, tableNestingLevel: p.tableNestingLevel, isListItem: p.isListItem }));

  const signatures = tableSignatures(infos, tables);
  const packages = await tablePackages(context, tables, signatures && cache ? signatures.map((sig) => cache.get(sig)) : []);
  if (cache) {
    cache.clear();
    if (signatures && packages) signatures.forEach((sig, i) => cache.set(sig, packages[i]));
  }
  const tableXmls = packages?.map(firstTableXml);
  const assembled = tableXmls && tableXmls.every((x): x is string => x !== null) ? assembleDocumentXml(infos, tableXmls) : null;
  if (packages && assembled !== null) {
    // The assembled document has no styles part; the tables' packages carry the styles they use.
    const model = parseWordprocessingML(assembled, () => raisedStylesIn(packages));
    const tablePackage = (i: number) => packages[i];
    return { model, tables, paragraphs, trackingMode, tablePackage, wordParagraph: (i) => paragraphs[i] ?? null, wordRowCount: (i) => rowCount(tablePackage(i)) };
  }

  const bodyResult = context.document.body.getOoxml();
  try {
    await context.sync();
  } catch (error) {
    const typed = wordHostError(error, '读取文档');
    if (typed.code !== 'word-error') throw typed;
    throw new WordHostError('unreadable', `无法读取文档内容（Word 未能导出 OOXML：${(error as Error).message}）。请保存文档后重试。`);
  }
  const bodyPackage = bodyResult.value;
  const model = parseWordprocessingML(bodyPackage);
  const tablePackage = (i: number) => {
    const source = model.tables.find((t) => t.tableIndex === i)!.source;
    return withBodyContent(bodyPackage, bodyPackage.slice(source.start, source.end));
  };
  return { model, tables, paragraphs, trackingMode, tablePackage, wordParagraph: matchByText(model, infos, paragraphs), wordRowCount: (i) => rowCount(tablePackage(i)) };
}

/**
 * Body paragraphs matched by text: the model's k-th body paragraph with a given text is Word's
 * k-th body paragraph with that text, provided both have equally many; otherwise no match.
 */
function matchByText(model: DocumentModel, infos: readonly WordParagraphInfo[], paragraphs: readonly Word.Paragraph[]) {
  const wordByText = new Map<string, number[]>();
  infos.forEach((p, i) => {
    if (p.tableNestingLevel !== 0) return;
    const text = normaliseText(p.text);
    wordByText.set(text, [...(wordByText.get(text) ?? []), i]);
  });
  return (paragraphIndex: number): Word.Paragraph | null => {
    const target = model.paragraphs.find((p) => p.paragraphIndex === paragraphIndex);
    if (!target) return null;
    const text = normaliseText(target.text);
    const same = model.paragraphs.filter((p) => normaliseText(p.text) === text);
    const word = wordByText.get(text) ?? [];
    if (word.length !== same.length) return null;
    return paragraphs[word[same.indexOf(target)]] ?? null;
  };
}

/** Rows of the package's first table as Word counts them: every w:tr not inside a nested table. */
function rowCount(tablePackage: string): number {
  const xml = firstTableXml(tablePackage);
  if (xml === null) return -1;
  const table = parseTree(xml).children[0];
  return [...descendants(table)].filter((n) => n.name === 'w:tr' && !hasAncestor(n, new Set(['w:tbl']), table)).length;
}

/**
 * A table's package as last read, keyed by what Word's paragraph list shows of the table (its
 * paragraphs' texts and its row count): a re-check while the user types re-reads only the tables
 * whose text changed, not every table's whole package (tens of KB each).
 */
export type TablePackageCache = Map<string, string>;

/**
 * Each top-level table's signature, from the run of in-table paragraphs that stands for it; null
 * when the runs cannot be told apart (their number differs from the tables').
 */
function tableSignatures(infos: readonly WordParagraphInfo[], tables: readonly Word.Table[]): string[] | null {
  const runs: string[][] = [];
  let inTable = false;
  for (const p of infos) {
    if (p.tableNestingLevel === 0) inTable = false;
    else {
      if (!inTable) runs.push([]);
      inTable = true;
      runs[runs.length - 1].push(`${p.tableNestingLevel}:${p.text}`);
    }
  }
  if (runs.length !== tables.length) return null;
  return runs.map((run, i) => `${tables[i].rowCount}\u0001${run.join('\u0002')}`);
}

async function tablePackages(context: Word.RequestContext, tables: Word.Table[], known: readonly (string | undefined)[]): Promise<string[] | null> {
  if (tables.length === 0) return [];
  const results = tables.map((t, i) => (known[i] === undefined ? t.getRange('Whole').getOoxml() : null));
  try {
    if (results.some((r) => r !== null)) await context.sync();
    return results.map((r, i) => r?.value ?? known[i]!);
  } catch (error) {
    const typed = wordHostError(error, '读取表格');
    if (typed.code !== 'word-error') throw typed;
    return null; // e.g. grouped shapes in a cell (office-js #5394): try the body instead
  }
}
