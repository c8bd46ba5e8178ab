import type { DocumentModel } from '../docmodel';
import { findHeadings } from './find-headings';
import { locateTables } from './locate-tables';
import type { MappedReport } from './model';
import { findReportYear } from './report-year';

export * from './model';
export { parseCellValue, type CellValue } from './cell-value';
export { markedLabelKey, splitLabelMark, splitValueMark, type NoteMarked } from './note-marks';
export { labelKey, displayText, similarity } from './normalise';
export { numberedSections, splitRunOn, titleKey, type NumberedSection } from './find-headings';
export { isAcceptedSectionSeparator, isSubHeadingNumbering, itemNumeral, numeralAndSeparator, sectionNumeral, splitLabelNumbering, splitNumbering } from './numbering';

const MIN_HEADINGS_FOR_REPORT = 3;

/** Maps a document onto the template: its year, its standard tables and its section headings. */
export function mapDocument(document: DocumentModel, currentYear: number, reportYear: number | null = null): MappedReport {
  const tables = locateTables(document);
  const headings = findHeadings(document.paragraphs);
  return {
    year: reportYear !== null ? { year: reportYear, source: 'setting' } : findReportYear(document.paragraphs, currentYear),
    tables,
    headings,
    isReport: tables.length > 0 || headings.length >= MIN_HEADINGS_FOR_REPORT,
  };
}
