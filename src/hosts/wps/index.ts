/*
 * The task pane's ReportHost inside WPS Office (WPS 加载项). This folder is the only code that
 * calls the WPS API (src/hosts/wps/wps-api.ts lists every member used). WPS 文字's JavaScript API
 * follows Word's classic object model: synchronous calls, 1-based collections, a cell's text
 * ending in "\r\u0007". Reading: every paragraph's text (for the headings) and every top-level
 * table, as the WordprocessingML WPS exports for the table's range (Range.WordOpenXML, so merges
 * are seen as in the .docx) or, where WPS gives none, rebuilt from the cells' texts. Writing: cell
 * and paragraph text after reading it again from WPS (verify before write); structural fixes by
 * Range.InsertXML where WPS has it, otherwise skipped with a plain message pointing to the browser
 * page or the CLI, which fix the saved .docx.
 *
 * Assumptions not verified against a real WPS (also in docs/wps-manual-test.md, to be checked there):
 *  1. `wps.WpsApplication()` (or `window.Application`) in the task pane page returns WPS 文字's
 *     Application, whose ActiveDocument, Tables, Paragraphs, Variables, Comments, Selection and
 *     TrackRevisions behave as Word's (documented for WPS only by Kingsoft's statement that its
 *     object model matches Word's; samples use ActiveDocument, Documents, Selection, Range.Text).
 *  2. Document.Tables lists top-level tables only, and Document.Paragraphs includes the
 *     paragraphs inside table cells, in document order, as in Word.
 *  3. Range.WordOpenXML returns a flat OPC package (pkg:package) as Word 2007+ does; when the
 *     property is missing or throws, the host rebuilds the table from Range.Cells: column spans
 *     from the cells' Width (points), a gap in a row's ColumnIndex values taken for a vertical merge.
 *  4. Cell.ColumnIndex is the cell's position in its row (the w:tc index + 1), and Table.Cell(r, c)
 *     raises for a vertically merged-away cell, as in Word.
 *  5. Range.InsertXML accepts the same flat OPC package Word accepts, replacing the range (a whole
 *     table) or inserting at a collapsed range; the inserted table keeps its position in
 *     Document.Tables. Where InsertXML is missing, structural fixes are skipped (a fixed copy is
 *     offered, see 10) and 插入模板 explains.
 *  6. Setting Cell.Range.Text replaces the cell's text keeping the first run's formatting (Word's
 *     behaviour; bookmarks inside the cell are lost, as in Word), and a paragraph's range with
 *     MoveEnd(wdCharacter, -1) excludes the paragraph mark, so writing its Text keeps the paragraph.
 *  7. Document.Variables (Add, Item(i).Name/Value) persist in the saved .docx / .wps file.
 *  8. WPS offers no documented document-change event to the page: the pane re-checks on demand.
 *  9. (src/wps-addin) WPS opens the add-in's index.html (loading main.js) and calls the ribbon
 *     callbacks OnAddinLoad / OnAction / GetImage as globals; wps.CreateTaskPane, wps.GetTaskPane and
 *     wps.PluginStorage behave as in Kingsoft's samples; publish.xml / jsplugins.xml have the
 *     formats the wpsjs toolkit writes.
 * 10. Range.WordOpenXML of Document.Content returns the whole document as a flat OPC package
 *     (styles, numbering, comments included), and a download from the task pane (a Blob link)
 *     reaches the user's downloads folder, as in Chromium: the fixed copy where InsertXML is missing.
 */
import type { CheckOptions, ReportHost } from '../report-host';
import { DOCX_MIME, saveFileInBrowser } from '../browser/save-file';
import { fixedCopyOfWpsDocument } from './fixed-copy';
import { applyFixInWps, checkInWps, fixAllInWps } from './fixes';
import { revealInWps } from './navigate';
import { IGNORED_VARIABLE, readVariable, SETTINGS_VARIABLE, writeVariable } from './storage';
import { insertTemplateInWps } from './templates';
import { canInsertXml, capabilitiesOfWps } from './capabilities';
import { undoByInverse, undoStepFor } from '../undo-by-inverse';
import type { WpsApplication, WpsDocument } from './wps-api';
import { parsePaneSettings } from './settings';

export { wpsApplication, type WpsGlobals } from './detect';
export { fixAllInWps, type WpsFixAllOutcome } from './fixes';
export { readVariable, SETTINGS_VARIABLE, IGNORED_VARIABLE } from './storage';
export { parsePaneSettings } from './settings';
export type { WpsApplication } from './wps-api';

/** The document the user is looking at; WPS may have none open (the start page). */
export function activeDocument(application: WpsApplication): WpsDocument {
  const document = application.ActiveDocument;
  if (!document) throw new Error('WPS 中没有打开的文档：请先打开年度报告。');
  return document;
}

/** `saveFile` saves a generated file (the fixed copy); the pane's page downloads it by default. */
export function createWpsHost(application: WpsApplication, saveFile = saveFileInBrowser): ReportHost {
  const document = () => activeDocument(application);
  const capabilities = capabilitiesOfWps(application);
  return {
    capabilities,
    async check(options) {
      const doc = document();
      const { result, snapshot } = checkInWps(doc, options);
      return { lint: { template: result.template, year: result.year, isReport: result.isReport, diagnostics: result.diagnostics }, document: snapshot.model, documentName: doc.Name || null };
    },
    applyFix: async (fix, options) => undoStepFor(fix, applyFixInWps(document(), fix, options)),
    undo: (step, options) => undoByInverse(async (fix, o) => applyFixInWps(document(), fix, o), step, options, 'WPS'),
    async fixAll(options) {
      const { applied, skipped, remaining } = fixAllInWps(document(), options);
      return { applied, skipped, remaining };
    },
    reveal: async (location) => revealInWps(document(), location),
    insertTemplate: async (what, options) => insertTemplateInWps(application, what, options),
    async loadIgnored() {
      const value = readVariable(document(), IGNORED_VARIABLE);
      return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
    },
    saveIgnored: async (keys) => writeVariable(document(), IGNORED_VARIABLE, [...new Set(keys)]),
    loadSettings: async () => parsePaneSettings(readVariable(document(), SETTINGS_VARIABLE)),
    saveSettings: async (settings) => writeVariable(document(), SETTINGS_VARIABLE, { ...settings }),
    // Assumption 8: no change event; the pane's 重新检查 reads the document again.
    watchChanges: () => () => {},
    // Without XML insertion, structural fixes can only be made in a copy (assumption 10).
    ...(canInsertXml(application) ? {} : {
      async saveFixedCopy(options: CheckOptions) {
        const copy = fixedCopyOfWpsDocument(document(), options);
        saveFile(copy.bytes, copy.fileName, DOCX_MIME);
        return `已生成修复后的副本“${copy.fileName}”（修复 ${copy.applied} 项），保存在下载位置。当前文档没有改动：请在 WPS 中打开副本继续编辑。`;
      },
    }),
  };
}
