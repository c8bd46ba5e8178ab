import { nextMarkId } from '../../ooxml/mark-ids';
import { documentXml } from '../../generate';
import { parseWordprocessingML } from '../../docmodel';
import type { Edit, Fix } from '../../edits/types';
import { applyFixes, type SkippedFix } from '../docx/apply-edits';
import { WordHostError } from './errors';
import { bodyBlocks, firstTableXml, flatOpcPackage, withBodyContent } from './flat-opc';
import type { Snapshot } from './read';
import type { VerifiedTargets, WriteTarget } from './verify';

export interface WriteOptions {
  trackChanges: boolean;
  comments: boolean;
}

export interface WritePlan {
  /** Fixes the engine could apply to the document as read (their targets still to be verified in Word). */
  applied: Fix[];
  skipped: SkippedFix[];
  /** The document as the engine expects it after the writes (to notice a fix pass going in circles). */
  expectedXml: string;
  /** Every cell, paragraph and table the writes touch, for verifyTargets. */
  targets: WriteTarget[];
  /** Queues the writes of the fixes whose targets verified; the caller syncs. */
  queue(context: Word.RequestContext, verified: VerifiedTargets): QueuedWrites;
}

export interface QueuedWrites {
  written: Fix[];
  /** Fixes left out because Word's text at a target was not the planned one. */
  stale: SkippedFix[];
  /** A table was replaced through OOXML (under Track Changes the old one stays as a deletion). */
  restructured: boolean;
}

/** Edits the Table/Cell API cannot make: the table goes through OOXML replacement. */
const STRUCTURAL = new Set<Edit['kind']>(['continue-merge', 'insert-rows', 'replace-row', 'delete-row', 'replace-table', 'confirm-value']);

export const STALE_IN_WORD = '内容已变化（Word 中该处的文字与检查时不同），未修改';

interface Operation {
  /** Body position: writes run bottom-up so that none shifts the index of a later one. */
  position: number;
  fixes: Fix[];
  targets: WriteTarget[];
  structural: boolean;
  run: (context: Word.RequestContext, verified: VerifiedTargets) => void;
}

/**
 * Decides which fixes apply to the document as just read (the project's splice engine checks each
 * edit's expected text, so a stale fix is skipped with its reason, and overlapping fixes are not
 * both applied), then turns the applied edits into Word calls: cell and paragraph text through
 * the object API, structural edits by replacing the table's OOXML. Each call names the targets it
 * needs verified; a fix is written whole or not at all.
 */
export function planWrites(snapshot: Snapshot, fixes: readonly Fix[], options: WriteOptions): WritePlan {
  const { model } = snapshot;
  // The engine unwraps a report laid out in a one-cell frame table; Word's table collection does
  // not, so its indices would address the wrong tables: refuse rather than write in the wrong place.
  if (model.tables.length > snapshot.tables.length || model.tables.some((t) => t.tableIndex >= snapshot.tables.length)) {
    throw new WordHostError('frame-table', '文档中的表格嵌套在一个外框表格里，无法在 Word 中定位修改。请去掉外框表格（或在浏览器版、命令行中修复）后再试。');
  }
  const firstId = nextMarkId(model.xml);
  const result = applyFixes(model.xml, fixes, firstId, model);
  const fixesOf = (edit: Edit) => result.applied.filter((f) => f.edits.includes(edit));
  const edits = result.applied.flatMap((f) => f.edits);
  const blockPosition = (key: { tableIndex: number } | { paragraphIndex: number }) =>
    model.blocks.findIndex((b) => ('tableIndex' in key ? b.kind === 'table' && b.tableIndex === key.tableIndex : b.kind === 'paragraph' && b.paragraphIndex === key.paragraphIndex));

  const tracked = options.trackChanges || (snapshot.trackingMode !== null && snapshot.trackingMode !== 'Off');
  const restructured = new Set(edits.filter((e) => STRUCTURAL.has(e.kind)).map((e) => (e as { tableIndex: number }).tableIndex));
  const operations: Operation[] = [];
  let markId = firstId + result.comments.length;

  for (const tableIndex of restructured) {
    const own = edits.filter((e) => 'tableIndex' in e && e.tableIndex === tableIndex && e.kind !== 'delete-table');
    const replacement = tableReplacement(snapshot.tablePackage(tableIndex), own, markId);
    markId += replacement.comments.length;
    operations.push({
      position: blockPosition({ tableIndex }),
      fixes: [...new Set(own.flatMap(fixesOf))],
      targets: [{ kind: 'table', tableIndex }],
      structural: true,
      run: () => {
        const range = snapshot.tables[tableIndex].getRange('Whole').insertOoxml(replacement.package, 'Replace');
        // Under Track Changes Word keeps the old rows (as deletions), possibly in the same table,
        // so the new table's cell indices are not known: no comments then. The confirmation
        // bookmarks are in the package, so the values still show as awaiting confirmation.
        if (!options.comments || tracked || replacement.comments.length === 0) return;
        const table = range.tables.getFirst();
        for (const c of replacement.comments) table.getCell(c.rowIndex, c.cellIndex).body.getRange('Whole').insertComment(c.text);
      },
    });
  }

  for (const edit of edits) {
    const base = { fixes: fixesOf(edit), structural: false };
    switch (edit.kind) {
      case 'set-cell-text': {
        if (restructured.has(edit.tableIndex)) break;
        const { tableIndex, rowIndex, cellIndex } = edit;
        operations.push({
          ...base,
          position: blockPosition(edit),
          targets: [{ kind: 'cell', tableIndex, rowIndex, cellIndex }],
          run: (_, verified) => { snapshot.tables[tableIndex].getCell(rowIndex, verified.cellIndex(tableIndex, rowIndex, cellIndex)).value = edit.text; },
        });
        break;
      }
      case 'set-paragraph-text':
        operations.push({
          ...base,
          position: blockPosition(edit),
          targets: [{ kind: 'paragraph', paragraphIndex: edit.paragraphIndex }],
          run: (_, verified) => { verified.paragraph(edit.paragraphIndex).insertText(edit.text, 'Replace'); },
        });
        break;
      case 'delete-table':
        operations.push({ ...base, position: blockPosition(edit), targets: [{ kind: 'table', tableIndex: edit.tableIndex }], run: () => snapshot.tables[edit.tableIndex].delete() });
        break;
      case 'insert-after': {
        const after = edit.after;
        const position = blockPosition(after);
        const xml = separatedFromTables(edit.xml, model.blocks[position]?.kind === 'table', model.blocks[position + 1]?.kind === 'table');
        const target: WriteTarget = 'tableIndex' in after ? { kind: 'table', tableIndex: after.tableIndex } : { kind: 'paragraph', paragraphIndex: after.paragraphIndex };
        // Half a place below its anchor: written before the anchor itself is rewritten.
        operations.push({
          ...base,
          position: position + 0.5,
          targets: [target],
          run: (_, verified) => {
            const anchor = 'tableIndex' in after ? snapshot.tables[after.tableIndex] : verified.paragraph(after.paragraphIndex);
            anchor.getRange('Whole').insertOoxml(flatOpcPackage(xml), 'After');
          },
        });
        break;
      }
      default:
        break; // structural edits were queued with their table
    }
  }
  operations.sort((a, b) => b.position - a.position);

  return {
    applied: result.applied,
    skipped: result.skipped,
    expectedXml: result.xml,
    targets: operations.flatMap((op) => op.targets),
    queue(context, verified) {
      // A fix is written whole or not at all: one stale target holds back every operation of its fixes.
      const failed = new Set<Fix>();
      for (let grew = true; grew;) {
        grew = false;
        for (const op of operations) {
          if (verified.ok(op.targets) && !op.fixes.some((f) => failed.has(f))) continue;
          for (const f of op.fixes) if (!failed.has(f)) { failed.add(f); grew = true; }
        }
      }
      const live = operations.filter((op) => !op.fixes.some((f) => failed.has(f)) && verified.ok(op.targets));
      for (const op of live) op.run(context, verified);
      return {
        written: result.applied.filter((f) => !failed.has(f)),
        stale: [...failed].map((fix) => ({ fix, reason: STALE_IN_WORD })),
        restructured: live.some((op) => op.structural),
      };
    },
  };
}

/**
 * Word joins two tables that touch: inserted content starting or ending with a table gets an empty
 * paragraph on that side when the neighbour there is a table.
 */
export function separatedFromTables(xml: string, tableBefore: boolean, tableAfter: boolean): string {
  const blocks = bodyBlocks(`<w:document><w:body>${xml}</w:body></w:document>`);
  const startsWithTable = blocks[0]?.name === 'w:tbl';
  const endsWithTable = blocks.at(-1)?.name === 'w:tbl';
  return `${tableBefore && startsWithTable ? '<w:p/>' : ''}${xml}${tableAfter && endsWithTable ? '<w:p/>' : ''}`;
}

interface TableReplacement {
  package: string;
  /** Comments to put on cells of the new table (Word adds them; the package carries none). */
  comments: { rowIndex: number; cellIndex: number; text: string }[];
}

/**
 * Applies one table's edits to its own package (where it is table 0) with the splice engine, and
 * takes the comment marks back out: insertOoxml would need a comments part, and Range.insertComment
 * (WordApi 1.4) makes real Word comments. The confirmation bookmarks stay.
 */
export function tableReplacement(tablePackage: string, edits: readonly Edit[], firstId: number): TableReplacement {
  const local = edits.map((e) => ({ ...e, tableIndex: 0 }) as Edit);
  const result = applyFixes(tablePackage, [{ description: '', edits: local }], firstId);
  if (result.applied.length === 0) throw new Error(`表格无法按 OOXML 修改：${result.skipped[0]?.reason ?? ''}`);
  let tableXml = firstTableXml(result.xml);
  if (tableXml === null) throw new Error('表格的 OOXML 中没有表格');

  const cells = parseWordprocessingML(documentXml(tableXml)).tables[0]?.rows.flatMap((r) => r.cells.map((c) => ({ row: r.rowIndex, c }))) ?? [];
  const comments: TableReplacement['comments'] = [];
  const wrapped = documentXml(tableXml);
  for (const comment of result.comments) {
    const mark = `<w:commentRangeStart w:id="${comment.id}"/>`;
    const cell = cells.find(({ c }) => wrapped.slice(c.source.start, c.source.end).includes(mark));
    if (cell) comments.push({ rowIndex: cell.row, cellIndex: cell.c.cellIndex, text: comment.text });
    tableXml = tableXml
      .replace(mark, '')
      .replace(`<w:commentRangeEnd w:id="${comment.id}"/>`, '')
      .replace(`<w:r><w:commentReference w:id="${comment.id}"/></w:r>`, '');
  }
  return { package: withBodyContent(result.xml, tableXml), comments };
}

