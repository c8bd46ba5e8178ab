import type { Diagnostic } from '../rules';
import type { LintResult, TemplateVersion } from '../engine';

/** The outcome for one input file, as both output formats report it. */
export interface FileResult {
  file: string;
  template: TemplateVersion;
  /** Why the file could not be read, or null. */
  error: string | null;
  diagnostics: Diagnostic[];
  year: LintResult['year'] | null;
  isReport: boolean;
}
