import type { Diagnostic, Fix } from '../rules';
import { findingKey } from './finding-key';

/** Passes that write fixes, at most: a fix that keeps producing new work must not loop forever. */
export const MAX_FIX_PASSES = 10;

type Fixable = Diagnostic & { fix: Fix };

/** A fix a pass could not write, with why (in Chinese). */
export interface SkippedFix {
  fix: Fix;
  reason: string;
}

/**
 * The part of 全部修复 every host shares (.docx, Word, WPS): which findings a pass fixes (safe
 * fixes of findings the user did not ignore), when to stop (nothing fixable, nothing applies, the
 * document would return to a state it had, or MAX_FIX_PASSES writing passes), and what was done.
 * Hosts only read, plan and write:
 *
 *   for (;;) { lint → run.fixesOf(diagnostics) → null: stop
 *              plan → run.planned(plan) → false: stop
 *              write → run.wrote(written, stale) }
 */
export class FixAllRun {
  readonly applied: { diagnostic: Diagnostic; fix: Fix }[] = [];
  readonly skipped: { diagnostic: Diagnostic; reason: string }[] = [];
  /** Passes that wrote at least one fix. */
  passes = 0;
  private readonly ignored: ReadonlySet<string>;
  private readonly seen = new Set<string>();
  private findingOf = new Map<Fix, Diagnostic>();

  constructor(ignoredKeys: Iterable<string> = []) {
    this.ignored = new Set(ignoredKeys);
  }

  /** The fixes of the next pass, or null when the run is over. */
  fixesOf(diagnostics: readonly Diagnostic[]): Fix[] | null {
    if (this.passes >= MAX_FIX_PASSES) return null;
    const candidates = diagnostics.filter((d): d is Fixable => d.fix !== null && !this.ignored.has(findingKey(d)));
    if (candidates.length === 0) return null;
    this.findingOf = new Map(candidates.map((d) => [d.fix, d]));
    return candidates.map((d) => d.fix);
  }

  /**
   * Whether to write the planned pass. `state` is the document as it would be after the writes
   * (its XML): a pass that would bring back a state already seen goes in circles. When the pass is
   * not written, what could not be applied is recorded as skipped.
   */
  planned(plan: { applied: readonly Fix[]; skipped: readonly SkippedFix[]; state: string }): boolean {
    if (plan.applied.length === 0 || this.seen.has(plan.state)) {
      this.skip(plan.skipped);
      return false;
    }
    this.seen.add(plan.state);
    return true;
  }

  /** Records a written pass: the fixes written and those found stale when writing. Returns whether any was written. */
  wrote(written: readonly Fix[], stale: readonly SkippedFix[] = []): boolean {
    this.applied.push(...written.map((fix) => ({ diagnostic: this.findingOf.get(fix)!, fix })));
    this.skip(stale);
    if (written.length === 0) return false;
    this.passes++;
    return true;
  }

  /** Marks the starting state (the document before any fix), so a pass returning to it is a cycle. */
  start(state: string): void {
    this.seen.add(state);
  }

  private skip(skipped: readonly SkippedFix[]): void {
    this.skipped.push(...skipped.map((s) => ({ diagnostic: this.findingOf.get(s.fix)!, reason: s.reason })));
  }
}
