import type { Table, TableCell, TableRow } from '../docmodel';
import { template as templateData, type TemplateTable } from '../template';
import { labelKey, similarity } from './normalise';
import { isZeroWord } from './cell-value';
import { markedLabelKey } from './note-marks';

/** 'caption': a row naming the whole table (表三 收到和处理…), which some authors put inside it. */
export type RowKind = 'title' | 'header' | 'data' | 'caption' | 'empty';

export interface ClassifiedRow {
  table: Table;
  row: TableRow;
  kind: RowKind;
}

/** Label keys a template table uses, by role. */
export interface TemplateVocabulary {
  titles: string[];
  headers: Set<string>;
  rowLabels: Set<string>;
  /** The table's name and its section heading's wordings: a row holding one of them is a caption. */
  captions: string[];
}

/** Built once per template table (the template is constant), not for every Word table mapped onto it. */
const vocabularies = new WeakMap<TemplateTable, TemplateVocabulary>();

export function vocabulary(table: TemplateTable): TemplateVocabulary {
  let words = vocabularies.get(table);
  if (!words) {
    words = buildVocabulary(table);
    vocabularies.set(table, words);
  }
  return words;
}

function buildVocabulary(table: TemplateTable): TemplateVocabulary {
  const headers = new Set<string>();
  const rowLabels = new Set<string>();
  const titles: string[] = [];
  for (const block of table.blocks) {
    if (block.title) titles.push(labelKey(block.title));
    for (const row of block.header) for (const cell of row) headers.add(labelKey(cell.text));
    for (const row of block.rows) {
      if (row.label) rowLabels.add(labelKey(row.label));
      for (const group of row.groups) rowLabels.add(labelKey(group));
    }
  }
  const heading = templateData.headings.find((h) => h.table === table.id);
  const captions = [table.title, ...(heading ? [heading.title, ...heading.acceptedTitles] : [])].map(labelKey);
  return { titles, headers, rowLabels, captions };
}

const DIGITS = /^[-+]?[\d０-９.,，．]+$/;
/** A cell that holds a value, not a label: digits, or zero written informally. */
const looksNumeric = (key: string) => DIGITS.test(key) || isZeroWord(key);

export const ownCells = (row: TableRow): TableCell[] => row.cells.filter((c) => c.verticalMerge !== 'continue');

/** Decides for each row of a Word table whether it is a block title, a header, data, or empty. */
export function classifyRows(table: Table, template: TemplateTable, words: TemplateVocabulary): ClassifiedRow[] {
  let seenHeader = false;
  return table.rows.map((row) => {
    const texts = ownCells(row).map((c) => markedLabelKey(c.text)).filter((t) => t !== '');
    const numeric = texts.filter(looksNumeric).length;
    let kind: RowKind;
    if (texts.length === 0) kind = template.labelColumns === 0 && seenHeader ? 'data' : 'empty';
    else if (numeric === 0 && texts.length === 1 && words.captions.some((c) => texts[0].includes(c))) kind = 'caption';
    else if (numeric === 0 && texts.length === 1 && words.titles.some((t) => similarity(t, texts[0]) >= 0.75)) kind = 'title';
    else if (numeric === 0 && texts.some((t) => words.headers.has(t)) && !texts.some((t) => words.rowLabels.has(t))) kind = 'header';
    else kind = 'data';
    if (kind === 'header') seenHeader = true;
    return { table, row, kind };
  });
}
