import type { Diagnostic } from '../rules';
import type { LintResult, TemplateVersion } from '../engine';
import type { PreviousPairing } from './previous-year';

/** The outcome for one input file, as both output formats report it. */
export interface FileResult {
  file: string;
  template: TemplateVersion;
  /** Why the file could not be read, or null. */
  error: string | null;
  diagnostics: Diagnostic[];
  year: LintResult['year'] | null;
  isReport: boolean;
  /** Last year's report this one was compared with (--prev or paired automatically), or null. */
  previous: PreviousPairing | null;
}
