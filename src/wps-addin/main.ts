import { activeDocument, fixAllInWps, parsePaneSettings, readVariable, IGNORED_VARIABLE, SETTINGS_VARIABLE, wpsApplication } from '../hosts/wps';
import { fixAllSummary } from '../hosts/word/summary';

/*
 * main.js of the WPS 加载项: the ribbon's callbacks (ribbon.xml), as globals WPS calls by name.
 * 检查年报 opens (or shows again) the task pane; 全部修复 fixes the active document with the
 * pane's stored settings and ignored findings, and says what it did in a message box.
 */

interface WpsTaskPane {
  readonly ID: string | number;
  Visible: boolean;
}
/** The add-in-level API (wps.CreateTaskPane, wps.GetTaskPane, wps.PluginStorage), as WPS's samples use it. */
interface WpsAddinApi {
  CreateTaskPane(url: string): WpsTaskPane;
  GetTaskPane(id: string | number): WpsTaskPane | null;
  PluginStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}
interface RibbonControl {
  readonly Id: string;
}

const PANE_ID_KEY = 'nianbao_taskpane_id';
const IMAGES: Record<string, string> = { openPane: 'images/check.svg', fixAll: 'images/fix-all.svg' };

const addin = () => (globalThis as unknown as { wps: WpsAddinApi }).wps;
/** The folder this page (and so the add-in) was loaded from, ending in '/'. */
const baseUrl = () => location.href.replace(/[?#].*$/, '').replace(/[^/]*$/, '');

function openPane(): void {
  const wps = addin();
  const id = wps.PluginStorage.getItem(PANE_ID_KEY);
  const existing = id ? wps.GetTaskPane(id) : null;
  if (existing) {
    existing.Visible = true;
    return;
  }
  const pane = wps.CreateTaskPane(`${baseUrl()}taskpane.html`);
  wps.PluginStorage.setItem(PANE_ID_KEY, String(pane.ID));
  pane.Visible = true;
}

function fixAll(): void {
  let message: string;
  try {
    const application = wpsApplication();
    if (!application) throw new Error('未找到 WPS 文字。');
    const document = activeDocument(application);
    const settings = parsePaneSettings(readVariable(document, SETTINGS_VARIABLE));
    const ignored = readVariable(document, IGNORED_VARIABLE);
    const outcome = fixAllInWps(document, {
      currentYear: new Date().getFullYear(),
      reportYear: settings.reportYear ?? null,
      trackChanges: settings.trackChanges ?? false,
      comments: settings.comments ?? true,
      ignoredKeys: Array.isArray(ignored) ? ignored.filter((k): k is string => typeof k === 'string') : [],
    });
    message = fixAllSummary(outcome);
    const needsXml = outcome.skipped.find((s) => s.reason.includes('XML'));
    if (needsXml) message += `\n\n${needsXml.reason}`;
  } catch (error) {
    message = `全部修复未完成：${(error as Error).message}`;
  }
  alert(message);
}

Object.assign(globalThis, {
  OnAddinLoad: () => true,
  OnAction(control: RibbonControl): void {
    if (control.Id === 'openPane') openPane();
    else if (control.Id === 'fixAll') fixAll();
  },
  GetImage: (control: RibbonControl): string => IMAGES[control.Id] ?? '',
});
