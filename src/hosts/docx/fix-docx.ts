import { DocumentReadError, parseWordprocessingML, readDocument, type PackageLimits } from '../../docmodel';
import type { Fix } from '../../edits/types';
import { FixAllRun, lintDocument, type LintOptions, type LintResult } from '../../engine';
import type { Diagnostic } from '../../rules';
import { applyFixes, type NewComment } from './apply-edits';
import { docxBytes, documentXmlOf, nextCommentId, openDocx, raisedStylesOf, withDocument } from './docx-package';

export interface AppliedFix {
  diagnostic: Diagnostic;
  fix: Fix;
}

export interface FixReport {
  /** The fixed file; the very input bytes when nothing changed. */
  bytes: Uint8Array;
  changed: boolean;
  applied: AppliedFix[];
  skipped: { diagnostic: Diagnostic; reason: string }[];
  passes: number;
  /** What the linter still finds in the result (for the user to decide). */
  remaining: LintResult;
}

/**
 * Fix-all: lint, apply every safe fix, lint again, until nothing fixable is left (FixAllRun decides
 * when to stop: no pass changes anything, a state comes back, or the pass limit). A document with
 * nothing to fix comes back byte-identical. Findings whose key is in `ignoredKeys` (the ones the
 * user chose to ignore) are not fixed.
 */
export function fixAllDocx(bytes: Uint8Array, options: LintOptions, ignoredKeys: Iterable<string> = []): FixReport {
  const pkg = openDocx(bytes, options.limits);
  const original = documentXmlOf(pkg);
  let xml = original;
  const run = new FixAllRun(ignoredKeys);
  run.start(xml);
  const comments: NewComment[] = [];
  let commentId = nextCommentId(pkg, xml);
  const raised = raisedStylesOf(pkg);
  const raisedStyles = () => raised;

  // Each pass lints once: the lint's model addresses the fixes, and the last lint is what remains.
  let lint = lintDocument(parseWordprocessingML(xml, raisedStyles), options);
  for (let fixes = run.fixesOf(lint.diagnostics); fixes; fixes = run.fixesOf(lint.diagnostics)) {
    const result = applyFixes(xml, fixes, commentId, lint.document);
    if (!run.planned({ applied: result.applied, skipped: result.skipped, state: result.xml })) break;
    // Fixes skipped in a pass that wrote others are tried again on the next lint (a conflict waits its turn).
    run.wrote(result.applied);
    comments.push(...result.comments);
    commentId += result.comments.length;
    xml = result.xml;
    lint = lintDocument(parseWordprocessingML(xml, raisedStyles), options);
  }

  const report = { applied: run.applied, skipped: run.skipped, passes: run.passes, remaining: lint };
  if (xml === original) return { bytes, changed: false, ...report };
  return { bytes: readableOutput(docxBytes(withDocument(pkg, xml, comments)), options.limits), changed: true, ...report };
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
  const result = applyFixes(xml, [fix], nextCommentId(pkg, xml), parseWordprocessingML(xml, () => raisedStylesOf(pkg)));
  if (result.applied.length === 0) return { bytes, applied: false, reason: result.skipped[0]?.reason ?? null };
  return { bytes: readableOutput(docxBytes(withDocument(pkg, result.xml, result.comments))), applied: true, reason: null };
}
