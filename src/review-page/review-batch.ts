import { DocumentReadError } from '../docmodel';
import { lintDocx } from '../engine';
import { summariseLint, unreadableSummary, type ReportSummary } from '../review';

/** Files the page checks: what `nianbao report` reads from a folder. */
export const REVIEWED_FILE = /\.(docx|docm|html?|doc|pdf)$/i;
/** Past this a file is refused before reading (a tab must not run out of memory). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface PickedFile {
  /** The path inside a dropped or picked folder, or the file name. */
  name: string;
  size: number;
  blob: Blob;
}

/**
 * Checks the files one by one, yielding to the page between files so progress shows and the tab
 * stays responsive; `onProgress` gets the count done. The review page's engine work, kept apart
 * from its components.
 */
export async function summariseFiles(
  files: readonly PickedFile[],
  readFile: (blob: Blob) => Promise<Uint8Array>,
  currentYear: number,
  onProgress: (done: number, current: string) => void,
): Promise<ReportSummary[]> {
  const summaries: ReportSummary[] = [];
  for (const [i, file] of files.entries()) {
    onProgress(i, file.name);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const summary = await summariseOne(file, readFile, currentYear);
    if (summary) summaries.push(summary);
  }
  onProgress(files.length, '');
  return summaries;
}

/** The file's summary; null for a review report this tool wrote earlier (picked up with a folder). */
async function summariseOne(file: PickedFile, readFile: (blob: Blob) => Promise<Uint8Array>, currentYear: number): Promise<ReportSummary | null> {
  if (file.size > MAX_FILE_BYTES) return unreadableSummary(file.name, `文件过大（${Math.round(file.size / 1048576)} MB），未检查。`);
  try {
    return summariseLint(file.name, lintDocx(await readFile(file.blob), { currentYear }));
  } catch (error) {
    if (error instanceof DocumentReadError) return error.code === 'own-report' ? null : unreadableSummary(file.name, error.message);
    return unreadableSummary(file.name, `检查时出错：${(error as Error).message}`);
  }
}
