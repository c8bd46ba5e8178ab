import type { DocumentModel, Paragraph } from '../../docmodel';
import type { MappedReport } from '../../mapping';

export interface SectionParagraph {
  paragraph: Paragraph;
  /** Index into template.headings of the section the paragraph is in; -1 before the first heading. */
  section: number;
}

/**
 * The report's body text by section: top-level paragraphs (not table cells, not the headings
 * themselves), each with the section it falls under by the headings found.
 */
export function sectionParagraphs(document: DocumentModel, report: MappedReport): SectionParagraph[] {
  const headingAt = new Map(report.headings.map((h) => [h.paragraphIndex, h.headingIndex]));
  const result: SectionParagraph[] = [];
  let section = -1;
  for (const block of document.blocks) {
    if (block.kind !== 'paragraph') continue;
    const heading = headingAt.get(block.paragraphIndex);
    if (heading !== undefined) {
      section = heading;
      continue;
    }
    if (block.text.trim() !== '') result.push({ paragraph: block, section });
  }
  return result;
}

/** A short quotation of `text` around [start, end), for evidence in messages. */
export function excerpt(text: string, start: number, end: number, context = 12): string {
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + 2);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}
