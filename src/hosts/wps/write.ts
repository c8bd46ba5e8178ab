import type { Edit, Fix } from '../../edits/types';
import { nextMarkId } from '../../ooxml/mark-ids';
import { applyFixes, type SkippedFix } from '../docx/apply-edits';
import { flatOpcPackage } from '../word/flat-opc';
import { tableReplacement } from '../word/write';
import type { WpsSnapshot } from './read';
import { plainText, type WpsDocument, type WpsRange } from './wps-api';

export interface WpsWriteOptions {
  trackChanges: boolean;
  comments: boolean;
}

export interface WpsWriteResult {
  applied: Fix[];
  skipped: SkippedFix[];
  /** The document as the engine expects it after the writes (to notice a fix pass going in circles). */
  expectedXml: string;
}

/** Said when a fix needs XML insertion and this WPS (or this read) cannot do it. */
export const NEEDS_XML = '此修复要改动表格结构（插入或删除行、迁移表格），当前 WPS 不支持以 XML 写入：请在浏览器版（taskpane.html）或命令行（nianbao fix）中打开此文件修复，或手动修改。';

const STRUCTURAL = new Set<Edit['kind']>(['continue-merge', 'insert-rows', 'replace-row', 'delete-row', 'replace-table', 'confirm-value']);
const NEEDS_INSERT_XML = new Set<Edit['kind']>([...STRUCTURAL, 'insert-after']);

/** Whether WPS can make this fix: text edits always; structural ones only by XML insertion of a table WPS exported. */
function writable(snapshot: WpsSnapshot, fix: Fix, canInsertXml: boolean): boolean {
  return fix.edits.every((e) => {
    if (e.kind === 'set-paragraph-text') return snapshot.paragraphs[e.paragraphIndex] != null;
    if (!NEEDS_INSERT_XML.has(e.kind)) return true;
    if (!canInsertXml) return false;
    return !STRUCTURAL.has(e.kind) || snapshot.tablePackages[(e as { tableIndex: number }).tableIndex] != null;
  });
}

/** Edits that write the text of one cell or paragraph, checked against WPS's own text right before writing. */
type TextEdit = Extract<Edit, { kind: 'set-cell-text' } | { kind: 'set-paragraph-text' }>;

/**
 * Applies fixes to the document in WPS, synchronously. The splice engine decides on the snapshot
 * just read which fixes apply (stale or overlapping ones are skipped with the reason); then, for
 * each fix, every cell or paragraph it rewrites is read again from WPS (text without its end mark)
 * and the fix is written only when all still hold the text the edit expects. Structural edits
 * replace the table through Range.InsertXML. Writes go bottom-up, so no write shifts the index of
 * a later one.
 */
export function writeFixes(document: WpsDocument, snapshot: WpsSnapshot, fixes: readonly Fix[], options: WpsWriteOptions): WpsWriteResult {
  const { model } = snapshot;
  if (model.tables.length !== snapshot.tables.length) {
    throw new Error('文档中的表格嵌套在一个外框表格里，无法在 WPS 中定位修改。请去掉外框表格（或在浏览器版、命令行中修复）后再试。');
  }
  const canInsertXml = typeof document.Content.InsertXML === 'function';
  const skipped: SkippedFix[] = [];
  const candidates = fixes.filter((fix) => {
    if (writable(snapshot, fix, canInsertXml)) return true;
    skipped.push({ fix, reason: NEEDS_XML });
    return false;
  });
  const firstId = nextMarkId(model.xml);
  const planned = applyFixes(model.xml, candidates, firstId, model);
  skipped.push(...planned.skipped);

  const position = (key: { tableIndex: number } | { paragraphIndex: number }) =>
    model.blocks.findIndex((b) => ('tableIndex' in key ? b.kind === 'table' && b.tableIndex === key.tableIndex : b.kind === 'paragraph' && b.paragraphIndex === key.paragraphIndex));

  // Verify before writing: each fix's text targets, read from WPS now.
  const applied: Fix[] = [];
  for (const fix of planned.applied) {
    const stale = fix.edits.filter((e): e is TextEdit => e.kind === 'set-cell-text' || e.kind === 'set-paragraph-text').map((e) => liveMismatch(snapshot, e)).find((m) => m !== null);
    if (stale) skipped.push({ fix, reason: stale });
    else applied.push(fix);
  }

  const edits = applied.flatMap((f) => f.edits);
  const restructured = new Set(edits.filter((e) => STRUCTURAL.has(e.kind)).map((e) => (e as { tableIndex: number }).tableIndex));
  const operations: { position: number; run: () => void }[] = [];
  let markId = firstId + planned.comments.length;

  for (const tableIndex of restructured) {
    const own = edits.filter((e) => 'tableIndex' in e && e.tableIndex === tableIndex && e.kind !== 'delete-table');
    const replacement = tableReplacement(snapshot.tablePackages[tableIndex]!, own, markId);
    markId += replacement.comments.length;
    operations.push({
      position: position({ tableIndex }),
      run: () => {
        snapshot.tables[tableIndex].Range.InsertXML!(replacement.package);
        if (!options.comments || !document.Comments) return;
        const table = document.Tables.Item(tableIndex + 1);
        for (const c of replacement.comments) document.Comments.Add(table.Cell(c.rowIndex + 1, c.cellIndex + 1).Range, c.text);
      },
    });
  }
  for (const edit of edits) {
    switch (edit.kind) {
      case 'set-cell-text':
        if (restructured.has(edit.tableIndex)) break;
        operations.push({ position: position(edit), run: () => { snapshot.tables[edit.tableIndex].Cell(edit.rowIndex + 1, edit.cellIndex + 1).Range.Text = edit.text; } });
        break;
      case 'set-paragraph-text':
        operations.push({ position: position(edit), run: () => { textOnly(snapshot.paragraphs[edit.paragraphIndex]!.Range).Text = edit.text; } });
        break;
      case 'delete-table':
        operations.push({ position: position(edit), run: () => snapshot.tables[edit.tableIndex].Delete() });
        break;
      case 'insert-after': {
        const after = edit.after;
        // Half a place below its anchor: written before the anchor itself is rewritten.
        operations.push({
          position: position(after) + 0.5,
          run: () => {
            const anchor = 'tableIndex' in after ? snapshot.tables[after.tableIndex].Range : snapshot.paragraphs[after.paragraphIndex]!.Range;
            anchor.Collapse(0);
            anchor.InsertXML!(flatOpcPackage(edit.xml));
          },
        });
        break;
      }
      default:
        break; // structural edits were queued with their table
    }
  }
  operations.sort((a, b) => b.position - a.position);

  if (operations.length > 0) {
    const tracking = document.TrackRevisions;
    if (options.trackChanges && !tracking) document.TrackRevisions = true;
    try {
      for (const op of operations) op.run();
    } finally {
      if (options.trackChanges && !tracking) document.TrackRevisions = false;
    }
  }
  const expectedXml = applied.length === planned.applied.length ? planned.xml : applyFixes(model.xml, applied, firstId, model).xml;
  return { applied, skipped, expectedXml };
}

/** Null when WPS's cell or paragraph holds the text the edit expects, else why not. */
function liveMismatch(snapshot: WpsSnapshot, edit: TextEdit): string | null {
  let actual: string;
  try {
    actual = edit.kind === 'set-cell-text'
      ? plainText(snapshot.tables[edit.tableIndex].Cell(edit.rowIndex + 1, edit.cellIndex + 1).Range.Text)
      : plainText(snapshot.paragraphs[edit.paragraphIndex]!.Range.Text);
  } catch {
    return '单元格在 WPS 中无法访问（可能已合并），未修改';
  }
  return actual === edit.expected ? null : `内容已变化（应为“${edit.expected}”，现为“${actual}”）`;
}

/** A paragraph's range without its paragraph mark, so writing text keeps the paragraph and its format. */
function textOnly(range: WpsRange): WpsRange {
  range.MoveEnd(1, -1);
  return range;
}
