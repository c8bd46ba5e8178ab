import type { WordApiSupport } from './capabilities';

/**
 * Calls back on paragraph changes (WordApi 1.6 events; Word may coalesce or miss some, so the
 * caller debounces and also offers a manual re-check). Without 1.6 this does nothing.
 */
export function watchWord(run: typeof Word.run, support: WordApiSupport, onChange: () => void): () => void {
  if (!support.api16) return () => {};
  let stopped = false;
  let handlers: OfficeExtension.EventHandlerResult<unknown>[] = [];
  const handler = async () => {
    if (!stopped) onChange();
  };
  // Handlers must be removed through the context they were added in.
  const remove = () => {
    if (handlers.length === 0) return;
    const context = handlers[0].context;
    handlers.forEach((h) => h.remove());
    handlers = [];
    context.sync().catch(() => {});
  };
  run(async (context) => {
    const document = context.document;
    handlers = [document.onParagraphChanged.add(handler), document.onParagraphAdded.add(handler), document.onParagraphDeleted.add(handler)] as OfficeExtension.EventHandlerResult<unknown>[];
    await context.sync();
    if (stopped) remove();
  }).catch(() => {
    handlers = []; // registration failed: stay a no-op, the manual re-check still works
  });
  return () => {
    stopped = true;
    remove();
  };
}
