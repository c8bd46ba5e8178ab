import type { Fix } from '../../edits/types';
import { FixAllRun, lintDocument, type LintResult } from '../../engine';
import type { Diagnostic } from '../../rules';
import type { CheckOptions, FixAllOutcome, FixOutcome } from '../report-host';
import type { WordApiSupport } from './capabilities';
import { queueStructure, readSnapshot, type Snapshot, type TablePackageCache } from './read';
import { WordHostError, wordHostError } from './errors';
import { planWrites } from './write';
import { verifyTargets } from './verify';

type WordRun = typeof Word.run;

export const lint = (snapshot: Snapshot, options: CheckOptions): LintResult =>
  lintDocument(snapshot.model, { currentYear: options.currentYear, reportYear: options.reportYear, previousYear: options.previousYear ?? null });

/** Features the user asked for, limited to what this Word supports. */
const writeOptions = (options: CheckOptions, support: WordApiSupport) => ({
  trackChanges: options.trackChanges && support.api14,
  comments: options.comments && support.api14,
});

/** Reads and lints: two round trips (collections, then the OOXML of the tables whose text changed since the last check: none, often). */
export function checkInWord(run: WordRun, support: WordApiSupport, options: CheckOptions, cache?: TablePackageCache): Promise<{ snapshot: Snapshot; result: LintResult }> {
  return guarded('检查', run(async (context) => {
    const structure = queueStructure(context, support);
    await context.sync();
    const snapshot = await readSnapshot(context, structure, cache);
    return { snapshot, result: lint(snapshot, options) };
  }));
}

/** One fix the user chose: checked against a fresh read and against Word's text at each target, then written; a stale one is skipped with the reason. */
export function applyFixInWord(run: WordRun, support: WordApiSupport, fix: Fix, options: CheckOptions): Promise<FixOutcome> {
  return guarded('修复', run(async (context) => {
    const structure = queueStructure(context, support);
    await context.sync();
    const snapshot = await readSnapshot(context, structure);
    const plan = planWrites(snapshot, [fix], writeOptions(options, support));
    if (plan.applied.length === 0) return { applied: false, reason: plan.skipped[0]?.reason ?? '修复未能应用' };
    const verified = await verifyTargets(context, snapshot, plan.targets);
    return withTracking(context, snapshot, writeOptions(options, support).trackChanges, async () => {
      const queued = plan.queue(context, verified);
      if (queued.written.length === 0) return { applied: false, reason: queued.stale[0]?.reason ?? '修复未能应用' };
      await context.sync();
      return { applied: true, reason: null };
    });
  }));
}

export interface WordFixAllOutcome extends FixAllOutcome {
  /** Passes that wrote fixes. */
  passes: number;
}

/** Said when a table was replaced under Track Changes: its old version stays until accepted. */
export const ACCEPT_CHANGES_NOTE = '表格已按修订方式整体替换，旧表格作为“已删除”的修订仍留在文档中。请在“审阅”选项卡中接受这些修订后，再点“重新检查”或“全部修复”。';

/**
 * Fix-all: read, lint, verify the targets in Word, write every safe fix; again until FixAllRun says
 * stop (nothing fixable left, a pass changes nothing or goes in circles, or the pass limit). A pass
 * is three round trips: the tables' OOXML, the targets' current text, then the writes together with
 * the loads the next read needs. After a table was replaced under Track Changes the passes stop:
 * Word keeps the old table as a tracked deletion until the user accepts. When Word fails in the
 * middle, the error says which fixes were already written.
 */
export function fixAllInWord(run: WordRun, support: WordApiSupport, options: CheckOptions): Promise<WordFixAllOutcome> {
  const fixAll = new FixAllRun(options.ignoredKeys);
  const done = (remaining: Diagnostic[], notes?: string[]): WordFixAllOutcome => ({
    applied: fixAll.applied.map((a) => ({ diagnostic: a.diagnostic, description: a.fix.description })),
    skipped: fixAll.skipped,
    remaining,
    passes: fixAll.passes,
    ...(notes ? { notes } : {}),
  });
  return guarded('全部修复', run(async (context) => {
    const tracking = writeOptions(options, support).trackChanges;
    let structure = queueStructure(context, support);
    await context.sync();
    for (;;) {
      const snapshot = await readSnapshot(context, structure);
      // The document as first read: a pass that would bring it back goes in circles.
      if (fixAll.passes === 0) fixAll.start(snapshot.model.xml);
      const result = lint(snapshot, options);
      const fixes = fixAll.fixesOf(result.diagnostics);
      if (!fixes) return done(result.diagnostics);
      const plan = planWrites(snapshot, fixes, writeOptions(options, support));
      if (!fixAll.planned({ applied: plan.applied, skipped: plan.skipped, state: plan.expectedXml })) return done(result.diagnostics);
      const verified = await verifyTargets(context, snapshot, plan.targets);
      const queued = await withTracking(context, snapshot, tracking, async () => {
        const q = plan.queue(context, verified);
        if (q.written.length > 0) {
          structure = queueStructure(context, support);
          await context.sync();
        }
        return q;
      });
      if (!fixAll.wrote(queued.written, queued.stale)) return done(result.diagnostics);
      if (queued.restructured && (tracking || snapshot.trackingMode === 'TrackAll' || snapshot.trackingMode === 'TrackMineOnly')) {
        const after = await readSnapshot(context, structure);
        return done(lint(after, options).diagnostics, [ACCEPT_CHANGES_NOTE]);
      }
    }
  }), fixAll.applied);
}

/**
 * Runs the writes with Track Changes on when asked, and always puts the user's own mode back
 * afterwards — in its own batch, also when the writes failed half-way.
 */
async function withTracking<T>(context: Word.RequestContext, snapshot: Snapshot, track: boolean, write: () => Promise<T>): Promise<T> {
  const previous = snapshot.trackingMode;
  const switched = track && previous !== null && previous !== 'TrackAll';
  if (switched) context.document.changeTrackingMode = 'TrackAll';
  try {
    return await write();
  } finally {
    if (switched) {
      context.document.changeTrackingMode = previous;
      await context.sync().catch(() => undefined); // the original failure, if any, is what the user needs to hear
    }
  }
}

/**
 * Word's failures as WordHostError; when fixes were already written before the failure, the
 * message lists them (there is no transaction: they stay in the document).
 */
async function guarded<T>(doing: string, work: Promise<T>, applied: readonly { fix: Fix }[] = []): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const typed = wordHostError(error, doing);
    if (applied.length === 0) throw typed;
    const list = applied.map((a) => a.fix.description).join('；');
    throw new WordHostError(typed.code, `${typed.message}\n失败前已修改 ${applied.length} 处（仍保留在文档中，可用“撤消”或修订撤回）：${list}`);
  }
}
