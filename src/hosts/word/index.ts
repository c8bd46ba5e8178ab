import type { ReportHost } from '../report-host';
import { capabilitiesOf, detectSupport, documentReadOnly } from './capabilities';
import { applyFixInWord, checkInWord, fixAllInWord } from './fixes';
import { loadIgnoredKeys, saveIgnoredKeys } from './ignored';
import { loadPaneSettings, loadPreviousYear, savePaneSettings, savePreviousYear } from './pane-settings';
import { revealInWord } from './navigate';
import { insertTemplateInWord } from './templates';
import { watchWord } from './watch';
import { wordDiagnostics } from './diagnostics';
import type { TablePackageCache } from './read';
import { undoByInverse, undoStepFor } from '../undo-by-inverse';

export { capabilitiesOf, detectSupport, type WordApiSupport } from './capabilities';
export { fixAllInWord, type WordFixAllOutcome } from './fixes';
export { IGNORED_KEY, loadIgnoredKeys, saveSettings } from './ignored';
export { loadPaneSettings, PANE_SETTINGS_KEY } from './pane-settings';
export { templateXml } from './templates';
export { flatOpcPackage } from './flat-opc';

/** The Office globals, passed in so tests can hand over a fake. */
export interface OfficeGlobals {
  Word: typeof Word;
  Office: typeof Office;
}

/**
 * The task pane's ReportHost on Word (Office.js). This folder is the only code that calls the
 * Office and Word APIs. Call after Office.onReady. Requirement sets are detected once: WordApi 1.3
 * is needed for everything, 1.4 for comments and tracked changes, 1.6 for change events.
 */
export async function createWordHost({ Word: word, Office: office }: OfficeGlobals): Promise<ReportHost> {
  const support = detectSupport(office);
  const run = word.run.bind(word) as typeof Word.run;
  const tableCache: TablePackageCache = new Map();
  return {
    capabilities: { ...capabilitiesOf(support), readOnly: documentReadOnly(office) },
    async check(options) {
      const { result, snapshot } = await checkInWord(run, support, options, tableCache);
      return { lint: { template: result.template, year: result.year, isReport: result.isReport, diagnostics: result.diagnostics }, document: snapshot.model, documentName: null };
    },
    applyFix: async (fix, options) => undoStepFor(fix, await applyFixInWord(run, support, fix, options)),
    undo: (step, options) => undoByInverse((fix, o) => applyFixInWord(run, support, fix, o), step, options, 'Word'),
    async fixAll(options) {
      const { applied, skipped, remaining, notes } = await fixAllInWord(run, support, options);
      return { applied, skipped, remaining, ...(notes ? { notes } : {}) };
    },
    reveal: (location) => revealInWord(run, location),
    insertTemplate: (what, options) => insertTemplateInWord(run, what, options),
    loadIgnored: () => loadIgnoredKeys(office),
    saveIgnored: (keys) => saveIgnoredKeys(office, keys),
    loadSettings: () => loadPaneSettings(office),
    saveSettings: (settings) => savePaneSettings(office, settings),
    loadPreviousYear: async () => loadPreviousYear(office),
    savePreviousYear: (numbers) => savePreviousYear(office, numbers),
    watchChanges: (onChange) => watchWord(run, support, onChange),
    diagnostics: () => wordDiagnostics(run, office),
  };
}
export { fixAllSummary } from './summary';
export { ribbonFixAll } from './ribbon-fix-all';
