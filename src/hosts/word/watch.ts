import type { WordApiSupport } from './capabilities';

/**
 * Calls back on paragraph changes (WordApi 1.6 events; Word may coalesce or miss some, so the
 * caller debounces and also offers a manual re-check). Without 1.6 this does nothing. Handlers are
 * added in a batch and removed in a batch on the same request context (Word.run(context, …)),
 * as Word requires.
 */
export function watchWord(run: typeof Word.run, support: WordApiSupport, onChange: () => void): () => void {
  if (!support.api16) return () => {};
  let stopped = false;
  let handlers: OfficeExtension.EventHandlerResult<Word.ParagraphChangedEventArgs>[] = [];
  const handler = async () => {
    if (!stopped) onChange();
  };
  const remove = () => {
    if (handlers.length === 0) return;
    const registered = handlers;
    handlers = [];
    // Word.run(context, batch) is documented for event handlers; the type definitions lack that overload.
    const runIn = run as unknown as (context: OfficeExtension.ClientRequestContext, batch: (context: Word.RequestContext) => Promise<void>) => Promise<void>;
    runIn(registered[0].context, async (context) => {
      registered.forEach((h) => h.remove());
      await context.sync();
    }).catch(() => {});
  };
  run(async (context) => {
    const document = context.document;
    handlers = [document.onParagraphChanged.add(handler), document.onParagraphAdded.add(handler), document.onParagraphDeleted.add(handler)] as typeof handlers;
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
