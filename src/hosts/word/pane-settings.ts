import { isPreviousYearNumbers, type PreviousYearNumbers } from '../../rules';
import type { PaneSettings } from '../report-host';
import { refreshSettings, saveSettings } from './ignored';

/** Settings key of the pane's settings, read by the task pane and by the ribbon's 全部修复. */
export const PANE_SETTINGS_KEY = 'nianbao.settings';

export async function loadPaneSettings(office: typeof Office): Promise<Partial<PaneSettings>> {
  await refreshSettings(office.context.document.settings);
  const value: unknown = office.context.document.settings.get(PANE_SETTINGS_KEY);
  if (!value || typeof value !== 'object') return {};
  const stored = value as Record<string, unknown>;
  const result: Partial<PaneSettings> = {};
  if (stored.reportYear === null || (typeof stored.reportYear === 'number' && Number.isInteger(stored.reportYear))) result.reportYear = stored.reportYear as number | null;
  if (typeof stored.trackChanges === 'boolean') result.trackChanges = stored.trackChanges;
  if (typeof stored.comments === 'boolean') result.comments = stored.comments;
  return result;
}

export async function savePaneSettings(office: typeof Office, settings: PaneSettings): Promise<void> {
  await refreshSettings(office.context.document.settings);
  office.context.document.settings.set(PANE_SETTINGS_KEY, { ...settings });
  return saveSettings(office.context.document.settings);
}

/** Settings key of last year's numbers (对比上一年报告): the numbers, never the file. */
export const PREVIOUS_YEAR_KEY = 'nianbao.previousYear';

export function loadPreviousYear(office: typeof Office): PreviousYearNumbers | null {
  const value: unknown = office.context.document.settings.get(PREVIOUS_YEAR_KEY);
  return isPreviousYearNumbers(value) ? value : null;
}

export function savePreviousYear(office: typeof Office, numbers: PreviousYearNumbers | null): Promise<void> {
  if (numbers) office.context.document.settings.set(PREVIOUS_YEAR_KEY, numbers);
  else office.context.document.settings.remove(PREVIOUS_YEAR_KEY);
  return saveSettings(office.context.document.settings);
}
