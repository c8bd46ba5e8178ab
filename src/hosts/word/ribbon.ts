import { ribbonFixAll } from './ribbon-fix-all';

/*
 * The ribbon's function commands (FunctionFile commands.html). "全部修复" runs fix-all without the
 * task pane. Word has no notification API for function commands (Office.NotificationMessages is
 * Outlook's), so the result is shown in a small dialog — this same page opened with ?message=… —
 * which the user closes with 确定. The task pane does not repeat it: it re-checks the document.
 */

/** A function command must call completed(); Office gives up on it after about five minutes. */
const DIALOG_TIMEOUT_MS = 60_000;

async function fixAll(event: Office.AddinCommands.Event): Promise<void> {
  const message = await ribbonFixAll({ Word, Office });
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
