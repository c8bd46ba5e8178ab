import type { Fix } from '../../edits/types';
import { FixAllRun, lintDocument, type LintResult } from '../../engine';
import type { CheckOptions, FixAllOutcome, FixOutcome } from '../report-host';
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
 * Fix-all: read, lint, write every safe fix; again until FixAllRun says stop (nothing fixable left,
 * a pass changes nothing or goes in circles, or the pass limit). Fixes WPS cannot write
 * (structural ones without XML insertion) are reported as skipped with the way to make them.
 */
export function fixAllInWps(document: WpsDocument, options: CheckOptions): WpsFixAllOutcome {
  const fixAll = new FixAllRun(options.ignoredKeys);
  for (;;) {
    const { snapshot, result } = checkInWps(document, options);
    // The document as first read: a pass that would bring it back goes in circles.
    if (fixAll.passes === 0) fixAll.start(snapshot.model.xml);
    const fixes = fixAll.fixesOf(result.diagnostics);
    const outcome = fixes && writeFixes(document, snapshot, fixes, options);
    // WPS plans and writes in one step: what it wrote is recorded before asking whether to go on.
    const goOn = outcome !== null && fixAll.planned({ applied: outcome.applied, skipped: outcome.skipped, state: outcome.expectedXml });
    if (outcome) fixAll.wrote(outcome.applied);
    if (!goOn) {
      return {
        applied: fixAll.applied.map((a) => ({ diagnostic: a.diagnostic, description: a.fix.description })),
        skipped: fixAll.skipped,
        remaining: result.diagnostics,
        passes: fixAll.passes,
      };
    }
  }
}
