import type { Fix } from '../../edits/types';
import { lintDocument, type LintResult } from '../../engine';
import type { Diagnostic } from '../../rules';
import { findingKey, type CheckOptions, type FixAllOutcome, type FixOutcome } from '../../taskpane/report-host';
import { MAX_FIX_PASSES } from '../docx/fix-docx';
import type { WordApiSupport } from './capabilities';
import { queueStructure, readSnapshot, type Snapshot } from './read';
import { planWrites } from './write';

type WordRun = typeof Word.run;

export const lint = (snapshot: Snapshot, options: CheckOptions): LintResult =>
  lintDocument(snapshot.model, { currentYear: options.currentYear, reportYear: options.reportYear, previousYear: options.previousYear ?? null });

/** Features the user asked for, limited to what this Word supports. */
const writeOptions = (options: CheckOptions, support: WordApiSupport) => ({
  trackChanges: options.trackChanges && support.api14,
  comments: options.comments && support.api14,
});

/** Reads and lints: two round trips (collections, then the tables' OOXML). */
export function checkInWord(run: WordRun, support: WordApiSupport, options: CheckOptions): Promise<{ snapshot: Snapshot; result: LintResult }> {
  return run(async (context) => {
    const structure = queueStructure(context, support);
    await context.sync();
    const snapshot = await readSnapshot(context, structure);
    return { snapshot, result: lint(snapshot, options) };
  });
}

/** One fix the user chose: checked against a fresh read, then written; a stale one is skipped with the reason. */
export function applyFixInWord(run: WordRun, support: WordApiSupport, fix: Fix, options: CheckOptions): Promise<FixOutcome> {
  return run(async (context) => {
    const structure = queueStructure(context, support);
    await context.sync();
    const snapshot = await readSnapshot(context, structure);
    const plan = planWrites(snapshot, [fix], writeOptions(options, support));
    if (plan.applied.length === 0) return { applied: false, reason: plan.skipped[0]?.reason ?? '修复未能应用' };
    plan.queue(context);
    await context.sync();
    return { applied: true, reason: null };
  });
}

export interface WordFixAllOutcome extends FixAllOutcome {
  /** Lint passes made (the last one found nothing more to do, or the limit was reached). */
  passes: number;
}

/**
 * Fix-all: read, lint, write every safe fix; again until nothing fixable is left, a pass changes
 * nothing or goes in circles, or MAX_FIX_PASSES passes were written. Each pass is two round
 * trips: the tables' OOXML (which is also the verification), then the writes together with the
 * loads the next read needs.
 */
export function fixAllInWord(run: WordRun, support: WordApiSupport, options: CheckOptions): Promise<WordFixAllOutcome> {
  return run(async (context) => {
    const applied: FixAllOutcome['applied'] = [];
    const skipped: FixAllOutcome['skipped'] = [];
    const seen = new Set<string>();
    let structure = queueStructure(context, support);
    await context.sync();
    let passes = 0;
    let written = 0;
    for (;;) {
      const snapshot = await readSnapshot(context, structure);
      passes++;
      const result = lint(snapshot, options);
      const ignored = new Set(options.ignoredKeys ?? []);
      const candidates = result.diagnostics.filter((d): d is Diagnostic & { fix: Fix } => d.fix !== null && !ignored.has(findingKey(d)));
      if (candidates.length === 0 || written >= MAX_FIX_PASSES) return { applied, skipped, remaining: result.diagnostics, passes };
      const byFix = new Map(candidates.map((d) => [d.fix, d]));
      const plan = planWrites(snapshot, candidates.map((d) => d.fix), writeOptions(options, support));
      if (plan.applied.length === 0 || seen.has(plan.expectedXml)) {
        skipped.push(...plan.skipped.map((s) => ({ diagnostic: byFix.get(s.fix)!, reason: s.reason })));
        return { applied, skipped, remaining: result.diagnostics, passes };
      }
      seen.add(plan.expectedXml);
      applied.push(...plan.applied.map((fix) => ({ diagnostic: byFix.get(fix)!, description: fix.description })));
      plan.queue(context);
      structure = queueStructure(context, support);
      await context.sync();
      written++;
    }
  });
}
