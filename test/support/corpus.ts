import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The real published reports, in shared/ beside the repository (/work/shared/corpus/real). */
export const CORPUS = resolve(__dirname, '../../../shared/corpus/real');

/**
 * The corpus directory, or a failure that says what is missing: a missing corpus must not turn the
 * false-alarm checks on real reports into silently skipped tests.
 */
export function corpusDir(): string {
  if (!existsSync(CORPUS)) throw new Error(`The real corpus is missing: no ${CORPUS}. The repository must sit beside shared/ (shared/corpus/real/*.docx); these tests do not skip.`);
  return CORPUS;
}
