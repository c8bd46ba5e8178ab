import type { DocumentModel } from '../../docmodel';
import type { TableId } from '../../template';

/** A figure the report's text states for a table cell (template keys). */
export interface StatedValue {
  table: TableId;
  row: string;
  column: string;
  value: number;
}

/**
 * Sentences that state a table figure, as data: the first number after the phrase is the cell's
 * value. Only phrases whose meaning is unambiguous are listed (新收 applications, 行政复议 cases).
 */
const STATEMENTS: { table: TableId; row: string; column: string; pattern: RegExp }[] = [
  { table: 'applications', row: 'received', column: 'total', pattern: /(?:新收|收到)[^。；，,]{0,12}?申请\s*(\d+)\s*[件份条个]/ },
  { table: 'review', row: 'cases', column: 'reviewTotal', pattern: /行政复议\s*(\d+)\s*[件起]/ },
];

/** Figures stated in the body text; a cell stated twice with different values counts as unstated. */
export function statedValues(document: DocumentModel): StatedValue[] {
  const text = document.paragraphs.map((p) => p.text).join('\n');
  return STATEMENTS.flatMap(({ pattern, ...place }) => {
    const values = [...text.matchAll(new RegExp(pattern, 'g'))].map((m) => Number(m[1]));
    return values.length > 0 && values.every((v) => v === values[0]) ? [{ ...place, value: values[0] }] : [];
  });
}
