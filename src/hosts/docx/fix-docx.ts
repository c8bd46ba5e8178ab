import { DocumentReadError, parseWordprocessingML, readDocument, type PackageLimits } from '../../docmodel';
import type { Fix } from '../../edits/types';
import { lintDocument, type LintOptions, type LintResult } from '../../engine';
import type { Diagnostic } from '../../rules';
import { applyFixes, type NewComment, type SkippedFix } from './apply-edits';
import { docxBytes, documentXmlOf, nextCommentId, openDocx, withDocument } from './docx-package';

export const MAX_FIX_PASSES = 10;

export interface AppliedFix {
  diagnostic: Diagnostic;
  fix: Fix;
}

export interface FixReport {
  /** The fixed file; the very input bytes when nothing changed. */
  bytes: Uint8Array;
  changed: boolean;
  applied: AppliedFix[];
  skipped: (SkippedFix & { diagnostic: Diagnostic })[];
  passes: number;
  /** What the linter still finds in the result (for the user to decide). */
  remaining: LintResult;
}

/**
 * Fix-all: lint, apply every safe fix, lint again, until nothing fixable is left — at most
 * MAX_FIX_PASSES passes, stopping early when a pass changes nothing or brings back a state
 * already seen (a cycle). A document with nothing to fix comes back byte-identical. Findings
 * `leaveAlone` picks (the ones the user chose to ignore) are not fixed.
 */
export function fixAllDocx(bytes: Uint8Array, options: LintOptions, leaveAlone: (d: Diagnostic) => boolean = () => false): FixReport {
  const pkg = openDocx(bytes, options.limits);
  const original = documentXmlOf(pkg);
  let xml = original;
  const seen = new Set([xml]);
  const comments: NewComment[] = [];
  const applied: AppliedFix[] = [];
  const skipped: FixReport['skipped'] = [];
  let passes = 0;
  let commentId = nextCommentId(pkg, xml);

  // Each pass lints once: the lint's model addresses the fixes, and the last lint is what remains.
  let lint = lintDocument(parseWordprocessingML(xml), options);
  while (passes < MAX_FIX_PASSES) {
    const candidates = lint.diagnostics.filter((d): d is Diagnostic & { fix: Fix } => d.fix !== null && !leaveAlone(d));
    if (candidates.length === 0) break;
    passes++;
    const byFix = new Map(candidates.map((d) => [d.fix, d]));
    const result = applyFixes(xml, candidates.map((d) => d.fix), commentId, lint.document);
    if (result.applied.length === 0 || seen.has(result.xml)) {
      // Nothing applies cleanly any more (or we are going round in circles): report and stop.
      skipped.push(...result.skipped.map((s) => ({ ...s, diagnostic: byFix.get(s.fix)! })));
      break;
    }
    applied.push(...result.applied.map((fix) => ({ fix, diagnostic: byFix.get(fix)! })));
    comments.push(...result.comments);
    commentId += result.comments.length;
    xml = result.xml;
    seen.add(xml);
    lint = lintDocument(parseWordprocessingML(xml), options);
  }

  const remaining = lint;
  if (xml === original) return { bytes, changed: false, applied, skipped, passes, remaining };
  return { bytes: readableOutput(docxBytes(withDocument(pkg, xml, comments)), options.limits), changed: true, applied, skipped, passes, remaining };
}

/** The written file opened again as the linter would: a fix never hands back a file that does not read. */
function readableOutput(bytes: Uint8Array, limits?: PackageLimits): Uint8Array {
  try {
    readDocument(bytes, limits);
  } catch (error) {
    throw new DocumentReadError('fix-refused', `修复后的文件无法重新读取，没有写出（${(error as Error).message}）。原文件未改动；请把此文件反馈给开发者。`);
  }
  return bytes;
}

/** Applies one chosen fix or suggestion (the user's click); stale fixes are skipped with the reason. */
export function applyFixToDocx(bytes: Uint8Array, fix: Fix): { bytes: Uint8Array; applied: boolean; reason: string | null } {
  const pkg = openDocx(bytes);
  const xml = documentXmlOf(pkg);
  const result = applyFixes(xml, [fix], nextCommentId(pkg, xml));
  if (result.applied.length === 0) return { bytes, applied: false, reason: result.skipped[0]?.reason ?? null };
  return { bytes: readableOutput(docxBytes(withDocument(pkg, result.xml, result.comments))), applied: true, reason: null };
}
