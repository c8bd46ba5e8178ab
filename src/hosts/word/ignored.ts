/** Settings key of the ignored findings' keys (stored in the document, so they survive saving). */
export const IGNORED_KEY = 'nianbao.ignored';

export async function loadIgnoredKeys(office: typeof Office): Promise<string[]> {
  await refreshSettings(office.context.document.settings);
  const value: unknown = office.context.document.settings.get(IGNORED_KEY);
  return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
}

export async function saveIgnoredKeys(office: typeof Office, keys: string[]): Promise<void> {
  const settings = office.context.document.settings;
  await refreshSettings(settings);
  settings.set(IGNORED_KEY, [...new Set(keys)]);
  return saveSettings(settings);
}

/**
 * The task pane and the ribbon's function file each hold their own in-memory copy of the settings,
 * and saveAsync writes a whole copy back: reload before every read and every read-modify-write so
 * that neither overwrites what the other saved. Without refreshAsync (older clients) the copy is used.
 */
export function refreshSettings(settings: Office.Settings): Promise<void> {
  if (typeof settings.refreshAsync !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    settings.refreshAsync(() => resolve()); // a failed refresh leaves the copy as it was
  });
}

export function saveSettings(settings: Office.Settings): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (String(result.status) === 'succeeded') resolve(); // Office.AsyncResultStatus.Succeeded, without needing the global
      else reject(new Error(`无法保存到文档设置：${result.error?.message ?? ''}`));
    });
  });
}
