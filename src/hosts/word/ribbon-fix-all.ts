import { createWordHost, type OfficeGlobals } from './index';
import { loadIgnoredKeys } from './ignored';
import { loadPaneSettings } from './pane-settings';
import { fixAllSummary } from './summary';

/**
 * The ribbon's 全部修复 without the task pane: the pane's settings and ignored findings are stored
 * in the document, and read afresh (refreshAsync) so that what the pane saved a moment ago counts.
 * Returns the Chinese message to show; never throws.
 */
export async function ribbonFixAll(globals: OfficeGlobals, now = new Date()): Promise<string> {
  try {
    const stored = await loadPaneSettings(globals.Office);
    const ignoredKeys = await loadIgnoredKeys(globals.Office);
    const host = await createWordHost(globals);
    const outcome = await host.fixAll({
      currentYear: now.getFullYear(),
      reportYear: stored.reportYear ?? null,
      trackChanges: stored.trackChanges ?? false,
      comments: stored.comments ?? true,
      ignoredKeys,
    });
    return fixAllSummary(outcome);
  } catch (error) {
    return `全部修复未完成：${(error as Error).message}`;
  }
}
