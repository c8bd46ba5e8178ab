/** Settings key of the ignored findings' keys (stored in the document, so they survive saving). */
export const IGNORED_KEY = 'nianbao.ignored';

export function loadIgnoredKeys(office: typeof Office): string[] {
  const value: unknown = office.context.document.settings.get(IGNORED_KEY);
  return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
}

export function saveIgnoredKeys(office: typeof Office, keys: string[]): Promise<void> {
  const settings = office.context.document.settings;
  settings.set(IGNORED_KEY, [...new Set(keys)]);
  return saveSettings(settings);
}

export function saveSettings(settings: Office.Settings): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (String(result.status) === 'succeeded') resolve(); // Office.AsyncResultStatus.Succeeded, without needing the global
      else reject(new Error(`无法保存到文档设置：${result.error?.message ?? ''}`));
    });
  });
}
