import type { Paragraph } from '../docmodel';

export interface ReportYear {
  year: number;
  /** Where the year came from: the title, the 统计期限 sentence, the user's setting, or assumed. */
  source: 'title' | 'period' | 'setting' | 'assumed';
}

const TITLE_YEAR = /(20\d{2})\s*年\s*度?\s*(?:[^，。,；;\d]{0,24}?)政府信息公开/;
const PERIOD_YEAR = /(20\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?(?:至|到|—|-|－)/;
const TITLE_WINDOW = 6;

/**
 * The report year decides which format is right: a 2019 or 2020 report on the trial format is
 * correct for its year. Title first (the first few paragraphs), then the 统计期限 sentence.
 */
export function findReportYear(paragraphs: readonly Paragraph[], currentYear: number): ReportYear {
  const plausible = (y: number) => y >= 2008 && y <= currentYear + 1;
  const leading = paragraphs.filter((p) => p.text.trim() !== '').slice(0, TITLE_WINDOW);
  for (const p of leading) {
    const m = TITLE_YEAR.exec(p.text.replace(/\s+/g, ''));
    if (m && plausible(Number(m[1]))) return { year: Number(m[1]), source: 'title' };
  }
  for (const p of paragraphs) {
    const m = PERIOD_YEAR.exec(p.text);
    if (m && plausible(Number(m[1]))) return { year: Number(m[1]), source: 'period' };
  }
  return { year: currentYear, source: 'assumed' };
}
