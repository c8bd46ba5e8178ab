import { createWordHost } from './index';
import { loadIgnoredKeys, saveSettings } from './ignored';
import { loadPaneSettings } from './pane-settings';
import { fixAllSummary, LAST_FIX_ALL_KEY } from './summary';

/*
 * The ribbon's function commands (FunctionFile commands.html). "全部修复" runs fix-all without the
 * task pane. Word has no notification API for function commands (Office.NotificationMessages is
 * Outlook's), so the result is (1) stored in the document settings under LAST_FIX_ALL_KEY, where
 * the task pane shows it, and (2) shown in a small dialog — this same page opened with
 * ?message=… — which the user closes with 确定. Without DialogApi the settings entry is all.
 */

/** A function command must call completed(); Office gives up on it after about five minutes. */
const DIALOG_TIMEOUT_MS = 60_000;

async function fixAll(event: Office.AddinCommands.Event): Promise<void> {
  let message: string;
  try {
    // The pane's settings and ignored findings are stored in the document: the ribbon honours them too.
    const stored = loadPaneSettings(Office);
    const host = await createWordHost({ Word, Office });
    const outcome = await host.fixAll({
      currentYear: new Date().getFullYear(),
      reportYear: stored.reportYear ?? null,
      trackChanges: stored.trackChanges ?? false,
      comments: stored.comments ?? true,
      ignoredKeys: loadIgnoredKeys(Office),
    });
    message = fixAllSummary(outcome);
  } catch (error) {
    message = `全部修复未完成：${(error as Error).message}`;
  }
  try {
    Office.context.document.settings.set(LAST_FIX_ALL_KEY, { message, at: new Date().toISOString() });
    await saveSettings(Office.context.document.settings);
  } catch {
    // the dialog still tells the user
  }
  await showMessage(message);
  event.completed();
}

function showMessage(message: string): Promise<void> {
  if (!Office.context.requirements.isSetSupported('DialogApi', '1.1')) return Promise.resolve();
  const url = `${location.origin}${location.pathname}?message=${encodeURIComponent(message)}`;
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url, { height: 25, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) return resolve();
      const dialog = result.value;
      const done = () => {
        clearTimeout(timer);
        try {
          dialog.close();
        } catch {
          // already closed by the user
        }
        resolve();
      };
      const timer = setTimeout(done, DIALOG_TIMEOUT_MS);
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
    });
  });
}

/** This page opened as the result dialog: show the message; 确定 closes it. */
function renderMessage(message: string): void {
  const box = document.getElementById('message');
  const ok = document.getElementById('ok');
  if (!box || !ok) return;
  box.textContent = message;
  document.body.classList.add('dialog');
  ok.addEventListener('click', () => Office.context.ui.messageParent('close'));
  ok.focus();
}

/**
 * The ribbon's FunctionFile page: registers "全部修复", or, opened as the result dialog, shows the
 * message it was given.
 */
export function startRibbonCommands(): void {
  Office.onReady(() => {
    const message = new URLSearchParams(location.search).get('message');
    if (message !== null) {
      renderMessage(message);
      return;
    }
    Office.actions.associate('fixAll', fixAll);
  });
  // Older clients look the function up by its manifest name on the global object.
  (globalThis as Record<string, unknown>).fixAll = fixAll;
}
