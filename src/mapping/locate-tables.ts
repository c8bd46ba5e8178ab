import type { BodyBlock, DocumentModel, Table } from '../docmodel';
import { FORMATS_NEWEST_FIRST, template, TABLE_IDS, templateTable, type TableId } from '../template';
import { ownCells, vocabulary } from './classify-rows';
import { mapTable } from './map-table';
import type { MappedTable } from './model';
import { labelKey } from './normalise';
import { startsLikeSection } from './numbering';

/** Label keys of each standard table, both variants together: enough to recognise a table by content. */
const VOCABULARY = new Map<TableId, Set<string>>(
  TABLE_IDS.map((id) => {
    const keys = new Set<string>();
    for (const t of template.tables.filter((t) => t.id === id)) {
      const words = vocabulary(t);
      for (const k of [...words.titles, ...words.headers, ...words.rowLabels]) keys.add(k);
    }
    return [id, keys];
  }),
);
/**
 * Distinct standard labels a table needs to count as a standard table: the smallest piece of a
 * real one (a 表二 block: title, 信息内容, its column, its row) has four; a table in another
 * document that merely mentions 行政复议 and 行政诉讼 has fewer. A continuation of a table just
 * found needs only one.
 */
const MIN_LABELS = 4;
const MIN_CONTINUATION_LABELS = 1;
/** Text allowed between two pieces of one table: 续表, 表三（续）… */
const MAX_BETWEEN_TEXT = 20;

/** Which standard table a Word table belongs to, by the labels it contains (not by position). */
function recognise(table: Table): { id: TableId; labels: number } | null {
  const keys = table.rows.flatMap((r) => ownCells(r).map((c) => labelKey(c.text)));
  let best: { id: TableId; labels: number } | null = null;
  for (const [id, words] of VOCABULARY) {
    const labels = new Set(keys.filter((k) => words.has(k))).size;
    if (labels >= MIN_CONTINUATION_LABELS && (!best || labels > best.labels)) best = { id, labels };
  }
  return best;
}

/**
 * Finds 表二, 表三 and 表四 wherever they are, joining pieces of one table (表二 as four small
 * tables, 表三 broken at a page), and decides per table which format it follows.
 */
export function locateTables(document: DocumentModel): MappedTable[] {
  const groups: { id: TableId; parts: Table[] }[] = [];
  let previous: { id: TableId; parts: Table[]; lastBlock: number } | null = null;
  document.blocks.forEach((block, position) => {
    if (block.kind !== 'table') return;
    const found = recognise(block);
    if (!found) return;
    if (previous && previous.id === found.id && onlyFillerBetween(document.blocks, previous.lastBlock, position)) {
      previous.parts.push(block);
      previous.lastBlock = position;
      return;
    }
    if (found.labels < MIN_LABELS) return;
    previous = { id: found.id, parts: [block], lastBlock: position };
    groups.push(previous);
  });

  const result: MappedTable[] = [];
  for (const id of TABLE_IDS) {
    const candidates = groups.filter((g) => g.id === id).map((g) => chooseVariant(g.parts, id));
    const best = candidates.sort((a, b) => b.score - a.score)[0];
    if (best) result.push(best);
  }
  return result.sort((a, b) => a.parts[0].tableIndex - b.parts[0].tableIndex);
}

function onlyFillerBetween(blocks: BodyBlock[], from: number, to: number): boolean {
  return blocks.slice(from + 1, to).every((b) => b.kind === 'paragraph' && b.text.trim().length <= MAX_BETWEEN_TEXT && !startsLikeSection(b.text));
}

/**
 * Maps onto every format and keeps the one with the most exact label matches (the current one on a
 * tie, undecided then: a table that fits several formats says nothing about which one the report uses).
 */
function chooseVariant(parts: Table[], id: TableId): MappedTable {
  const candidates = FORMATS_NEWEST_FIRST.map((format) => mapTable(parts, templateTable(id, format.id)));
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  return candidates.filter((m) => m.score === best.score).length > 1 ? { ...best, variantDecided: false } : best;
}
