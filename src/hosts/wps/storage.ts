import { items, type WpsDocument } from './wps-api';

/** Document variables (stored in the file, like Word's) holding JSON: the ignored findings and the pane's settings. */
export const IGNORED_VARIABLE = 'nianbao.ignored';
export const SETTINGS_VARIABLE = 'nianbao.settings';

export function readVariable(document: WpsDocument, name: string): unknown {
  const variable = items(document.Variables).find((v) => v.Name === name);
  if (!variable) return null;
  try {
    return JSON.parse(variable.Value);
  } catch {
    return null;
  }
}

export function writeVariable(document: WpsDocument, name: string, value: unknown): void {
  const text = JSON.stringify(value);
  const variable = items(document.Variables).find((v) => v.Name === name);
  if (variable) variable.Value = text;
  else document.Variables.Add(name, text);
}
