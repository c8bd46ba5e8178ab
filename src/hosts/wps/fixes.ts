import type { Fix } from '../../edits/types';
import { lintDocument, type LintResult } from '../../engine';
import type { Diagnostic } from '../../rules';
import { findingKey, type CheckOptions, type FixAllOutcome, type FixOutcome } from '../../taskpane/report-host';
import { MAX_FIX_PASSES } from '../docx/fix-docx';
import { readWpsSnapshot, type WpsSnapshot } from './read';
import type { WpsDocument } from './wps-api';
import { writeFixes } from './write';

export function checkInWps(document: WpsDocument, options: CheckOptions): { snapshot: WpsSnapshot; result: LintResult } {
  const snapshot = readWpsSnapshot(document);
  return { snapshot, result: lintDocument(snapshot.model, { currentYear: options.currentYear, reportYear: options.reportYear }) };
}

/** One fix the user chose: checked against a fresh read and the cells' text in WPS, then written. */
export function applyFixInWps(document: WpsDocument, fix: Fix, options: CheckOptions): FixOutcome {
  const snapshot = readWpsSnapshot(document);
  const result = writeFixes(document, snapshot, [fix], options);
  if (result.applied.length === 0) return { applied: false, reason: result.skipped[0]?.reason ?? '修复未能应用' };
  return { applied: true, reason: null };
}

export interface WpsFixAllOutcome extends FixAllOutcome {
  passes: number;
}

/**
 * Fix-all: read, lint, write every safe fix; again until nothing fixable is left, a pass changes
 * nothing or goes in circles, or MAX_FIX_PASSES passes were written. Fixes WPS cannot write
 * (structural ones without XML insertion) are reported as skipped with the way to make them.
 */
export function fixAllInWps(document: WpsDocument, options: CheckOptions): WpsFixAllOutcome {
  const applied: FixAllOutcome['applied'] = [];
  const seen = new Set<string>();
  const ignored = new Set(options.ignoredKeys ?? []);
  let passes = 0;
  for (let written = 0; ; written++) {
    const { snapshot, result } = checkInWps(document, options);
    passes++;
    const candidates = result.diagnostics.filter((d): d is Diagnostic & { fix: Fix } => d.fix !== null && !ignored.has(findingKey(d)));
    const done = (skipped: FixAllOutcome['skipped']) => ({ applied, skipped, remaining: result.diagnostics, passes });
    if (candidates.length === 0 || written >= MAX_FIX_PASSES) return done([]);
    const byFix = new Map(candidates.map((d) => [d.fix, d]));
    const outcome = writeFixes(document, snapshot, candidates.map((d) => d.fix), options);
    if (outcome.applied.length === 0 || seen.has(outcome.expectedXml)) {
      return done(outcome.skipped.map((s) => ({ diagnostic: byFix.get(s.fix)!, reason: s.reason })));
    }
    seen.add(outcome.expectedXml);
    applied.push(...outcome.applied.map((fix) => ({ diagnostic: byFix.get(fix)!, description: fix.description })));
  }
}
