import type { MappedReport } from '../mapping';
import { textPhrases, type CellRef } from '../template';
import { excerpt, sectionParagraphs } from './text/sections';
import { sentences } from './text/sentences';
import { describeValue, tableValues, type TableValue } from './text/table-values';
import { docsPath, type Diagnostic, type Location, type Rule } from './types';

/** Sections 一–四 (and the opening text before 一) state the counts the tables hold. */
const LAST_SECTION_WITH_COUNTS = 3;

const compiled = {
  counts: textPhrases.counts.map((p) => ({ ...p, regex: new RegExp(p.pattern, 'gu') })),
  nones: textPhrases.nones.map((p) => ({ ...p, regex: new RegExp(p.pattern, 'gu') })),
  total: new RegExp(textPhrases.breakdown.total, 'gu'),
  part: new RegExp(textPhrases.breakdown.part, 'gu'),
};

/**
 * Numbers stated in the text against the tables: a count the text gives that no reading of its
 * phrase finds in the table, a "none" the table contradicts, a breakdown whose parts do not add up.
 */
export const textTableMismatch: Rule = {
  meta: {
    id: 'text-table-mismatch', severity: 'error', fixes: 'none', name: '正文数字与表格不符',
    description: '正文中的数字与表格不一致', docs: docsPath('text-table-mismatch'),
  },
  check({ document, report }) {
    const findings: Diagnostic[] = [];
    for (const { paragraph, section } of sectionParagraphs(document, report)) {
      if (section > LAST_SECTION_WITH_COUNTS) continue;
      const location: Location = { paragraphIndex: paragraph.paragraphIndex };
      for (const sentence of sentences(paragraph.text)) {
        findings.push(
          ...statedCounts(report, sentence.text, location),
          ...statedNones(report, sentence.text, location),
          ...breakdowns(sentence.text, location),
        );
      }
    }
    return findings;
  },
};

const sum = (values: readonly TableValue[]) => values.reduce((n, v) => n + v.value, 0);

function describeReading(values: readonly TableValue[]): string {
  const cells = values.map(describeValue).join('，');
  return values.length > 1 ? `${cells}，合计 ${sum(values)}` : cells;
}

function tableFinding(
  values: readonly TableValue[], related: readonly TableValue[], severity: Diagnostic['severity'], message: string, location: Location,
): Diagnostic {
  const [named] = values;
  return {
    rule: 'text-table-mismatch', severity, table: named.ref.table, row: named.row, column: named.column,
    message, location, fix: null, suggestions: [],
    related: [...new Map(related.map((v) => [JSON.stringify(v.location), v.location])).values()],
  };
}

function statedCounts(report: MappedReport, sentence: string, location: Location): Diagnostic[] {
  return compiled.counts.flatMap((phrase) => [...sentence.matchAll(phrase.regex)].flatMap((m): Diagnostic[] => {
    const stated = Number(m[1]);
    const readings = phrase.readings.map((cells) => tableValues(report, cells)).filter((r): r is TableValue[] => r !== null);
    if (readings.length === 0 || readings.some((r) => sum(r) === stated)) return [];
    const quote = excerpt(sentence, m.index, m.index + m[0].length);
    const tables = readings.map(describeReading).join('；或按另一种理解，');
    return [tableFinding(
      readings[0], readings.flat(), phrase.readings.length > 1 ? 'warning' : 'error',
      `正文写${phrase.subject}为 ${stated}（“${quote}”），与表格不符：${tables}。`,
      location,
    )];
  }));
}

function statedNones(report: MappedReport, sentence: string, location: Location): Diagnostic[] {
  return compiled.nones.flatMap((phrase) => [...sentence.matchAll(phrase.regex)].flatMap((m): Diagnostic[] => {
    const values = phrase.zeroCells.map((ref: CellRef) => tableValues(report, [ref])?.[0] ?? null).filter((v): v is TableValue => v !== null);
    const nonZero = values.filter((v) => v.value !== 0);
    if (nonZero.length === 0) return [];
    const quote = excerpt(sentence, m.index, m.index + m[0].length);
    return [tableFinding(
      nonZero, nonZero, 'error',
      `正文说${phrase.subject}为 0（“${quote}”），但${nonZero.map(describeValue).join('，')}。`,
      location,
    )];
  }));
}

/** 共 37 条，其中 a 条、b 条…: some leading run of the parts must add up to the total. */
function breakdowns(sentence: string, location: Location): Diagnostic[] {
  return [...sentence.matchAll(compiled.total)].flatMap((m): Diagnostic[] => {
    const total = Number(m[1]);
    const unit = m[2];
    const rest = sentence.slice(m.index + m[0].length);
    const parts = [...rest.matchAll(compiled.part)].filter((p) => p[2] === unit).map((p) => Number(p[1]));
    if (parts.length < 2) return [];
    let running = 0;
    for (const part of parts) {
      running += part;
      if (running === total) return [];
    }
    const quote = excerpt(sentence, m.index, Math.min(sentence.length, m.index + m[0].length + 24));
    return [{
      rule: 'text-table-mismatch', severity: 'warning', table: 'text', row: null, column: null,
      message: `正文列出的分项相加为 ${parts.join('＋')}＝${parts.reduce((a, b) => a + b, 0)}${unit}，与所写总数 ${total}${unit} 不符（“${quote}”）。`,
      location, fix: null, suggestions: [],
    }];
  });
}
