export { lintDocument, lintDocx, type LintOptions, type LintResult, type TemplateVersion } from './lint';
export { readPreviousYear } from './previous-year';
export { findingKey } from './finding-key';
export { FixAllRun, MAX_FIX_PASSES, type SkippedFix } from './fix-all-run';
