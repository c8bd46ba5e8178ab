export { lintDocument, lintDocx, type LintOptions, type LintResult, type TemplateVersion } from './lint';
export { readPreviousYear } from './previous-year';
