import type { ReportHost } from '../../taskpane/report-host';
import { capabilitiesOf, detectSupport } from './capabilities';
import { applyFixInWord, checkInWord, fixAllInWord } from './fixes';
import { loadIgnoredKeys, saveIgnoredKeys } from './ignored';
import { loadPaneSettings, loadPreviousYear, savePaneSettings, savePreviousYear } from './pane-settings';
import { revealInWord } from './navigate';
import { insertTemplateInWord } from './templates';
import { watchWord } from './watch';

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
  return {
    capabilities: capabilitiesOf(support),
    async check(options) {
      const { result, snapshot } = await checkInWord(run, support, options);
      return { lint: { template: result.template, year: result.year, isReport: result.isReport, diagnostics: result.diagnostics }, document: snapshot.model, documentName: null };
    },
    applyFix: (fix, options) => applyFixInWord(run, support, fix, options),
    async fixAll(options) {
      const { applied, skipped, remaining } = await fixAllInWord(run, support, options);
      return { applied, skipped, remaining };
    },
    reveal: (location) => revealInWord(run, location),
    insertTemplate: (what, options) => insertTemplateInWord(run, what, options),
    loadIgnored: async () => loadIgnoredKeys(office),
    saveIgnored: (keys) => saveIgnoredKeys(office, keys),
    loadSettings: async () => loadPaneSettings(office),
    saveSettings: (settings) => savePaneSettings(office, settings),
    loadPreviousYear: async () => loadPreviousYear(office),
    savePreviousYear: (numbers) => savePreviousYear(office, numbers),
    watchChanges: (onChange) => watchWord(run, support, onChange),
  };
}
export { fixAllSummary, LAST_FIX_ALL_KEY } from './summary';
