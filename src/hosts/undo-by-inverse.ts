import type { Fix } from '../edits/types';
import { inverseFix } from '../edits/inverse';
import type { CheckOptions, FixOutcome, UndoStep } from './report-host';

let nextStep = 1;

/**
 * Word and WPS keep their own undo history (Ctrl+Z), but the pane offers 撤销 too: for a fix that only
 * rewrote text, the step carries the edits writing the old text back, applied like any other fix
 * (skipped where the user has typed over the cell since). Structural fixes offer no step.
 */
export function undoStepFor(fix: Fix, outcome: FixOutcome): FixOutcome {
  const inverse = outcome.applied ? inverseFix(fix) : null;
  return { ...outcome, undo: inverse ? { id: nextStep++, inverse } : null };
}

/** Takes a step back by applying its inverse edits; `application` names the program for its own Ctrl+Z. */
export async function undoByInverse(
  apply: (fix: Fix, options: CheckOptions) => Promise<FixOutcome>, step: UndoStep, options: CheckOptions, application: 'Word' | 'WPS',
): Promise<FixOutcome> {
  if (!step.inverse) return { applied: false, reason: `此修复无法在此撤销，请在 ${application} 中按 Ctrl+Z 撤销。` };
  const outcome = await apply(step.inverse, options);
  return outcome.applied ? { applied: true, reason: null } : { applied: false, reason: `${outcome.reason ?? '单元格已改变'}；可在 ${application} 中按 Ctrl+Z 撤销。` };
}
