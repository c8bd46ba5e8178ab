import type { DocumentModel } from '../../docmodel';

const TITLE_WINDOW = 6;
/** A title is a line, not the opening paragraph that names the notice about this year's report. */
const TITLE_MAX_LENGTH = 60;
/** 某某镇人民政府2024年（度）政府信息公开工作年度报告: group 1 the agency, group 2 the year. */
const TITLE = /^(.*?)(20\d{2})\s*年\s*度?\s*(?:[^，。,；;\d]{0,24}?)政府信息公开/;
/** 本报告由某某镇人民政府编制 / 由某某局根据…编制. */
const COMPILED_BY = /由(.{2,30}?)(?:根据[^。]{0,40})?(?:编制|编写|制作)/;
/** A signature line: an agency name on its own before the closing date. */
const DATE_LINE = /^\s*20\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/;
const AGENCY_LINE = /^[\u4e00-\u9fa5（）()]{4,40}$/;

/** Spaces and a trailing 办公室 do not make another agency (镇人民政府 vs 镇人民政府办公室). */
export const agencyKey = (name: string): string => name.replace(/[\s\u3000]+/g, '').replace(/办公室$/, '');

/**
 * Who the report is from: the title (the words before its year, or the line above a title that
 * starts with the year), else the body named in the opening text, else the signature.
 */
export function reportAgency(document: DocumentModel): string | null {
  const body = document.blocks.flatMap((b) => (b.kind === 'paragraph' && b.text.trim() !== '' ? [b.text.trim()] : []));
  const leading = body.slice(0, TITLE_WINDOW);
  for (const [n, text] of leading.entries()) {
    const m = text.length <= TITLE_MAX_LENGTH && !text.includes('《') ? TITLE.exec(text.replace(/\s+/g, '')) : null;
    if (!m) continue;
    if (m[1] !== '') return agencyKey(m[1]);
    if (n > 0 && AGENCY_LINE.test(leading[n - 1].replace(/\s+/g, ''))) return agencyKey(leading[n - 1]);
    break;
  }
  const compiled = leading.map((t) => COMPILED_BY.exec(t)).find((m) => m !== null);
  if (compiled) return agencyKey(compiled[1]);
  const dateLine = body.map((t) => DATE_LINE.test(t)).lastIndexOf(true);
  if (dateLine > 0 && AGENCY_LINE.test(body[dateLine - 1].replace(/\s+/g, ''))) return agencyKey(body[dateLine - 1]);
  return null;
}
