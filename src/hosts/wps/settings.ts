import type { PaneSettings } from '../report-host';

/** The pane's settings as stored (JSON in a document variable), keeping only well-formed values. */
export function parsePaneSettings(value: unknown): Partial<PaneSettings> {
  if (!value || typeof value !== 'object') return {};
  const stored = value as Record<string, unknown>;
  const result: Partial<PaneSettings> = {};
  if (stored.reportYear === null || (typeof stored.reportYear === 'number' && Number.isInteger(stored.reportYear))) result.reportYear = stored.reportYear as number | null;
  if (typeof stored.trackChanges === 'boolean') result.trackChanges = stored.trackChanges;
  if (typeof stored.comments === 'boolean') result.comments = stored.comments;
  return result;
}
