import { DocumentReadError, type PackageLimits, type ReadErrorCode } from '../docmodel';
import { lintDocx, type LintResult } from '../engine';
import type { PreviousYearNumbers } from '../rules';
import type { CliIo } from './io';
import { inputProblem } from './limit-options';
import { describeFsError } from './read-problem';

/** One input file linted, or why it could not be (Chinese): the same for `lint` and `report`. */
export function lintPath(path: string, io: CliIo, limits: PackageLimits, previousYear: PreviousYearNumbers | null = null): { lint: LintResult } | { error: string; code?: ReadErrorCode } {
  const problem = inputProblem(path, limits);
  if (problem) return { error: problem };
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (error) {
    return { error: describeFsError(error) };
  }
  try {
    return { lint: lintDocx(bytes, { currentYear: io.currentYear, limits, previousYear }) };
  } catch (error) {
    if (error instanceof DocumentReadError) return { error: error.message, code: error.code };
    return { error: `检查时发生内部错误：${(error as Error).message}` };
  }
}
