import { DEFAULT_LIMITS, DocumentReadError, readDocument, type DocumentModel } from '../../docmodel';
import { tooLarge } from '../../docmodel/zip-archive';
import type { Fix } from '../../edits/types';
import { lintDocument } from '../../engine';
import { blankReportDocx, buildDocx, documentXml, escapeXml, standardTableXml, templateYear } from '../../generate';
import { CURRENT_VARIANT, TABLE_IDS, tableNumeral, template, type TableId } from '../../template';
import { applyFixToDocx, fixAllDocx } from '../docx';
import { type CheckOptions, type CheckResult, type FixAllOutcome, type FixOutcome, type HostCapabilities, type PaneSettings, type ReportHost, type TemplateChoice, type UndoStep } from '../report-host';
import type { PreviousYearNumbers } from '../../rules';
import type { StandaloneControls } from '../../taskpane/standalone-controls';
import { DOCX_MIME, readFileBytes, saveFileInBrowser } from './save-file';

const DOCM_MIME = 'application/vnd.ms-word.document.macroEnabled.12';
const STORAGE_PREFIX = 'nianbao-lint:ignored:';
/** The agency in a blank template's title: a placeholder the clerk replaces. */
const PLACEHOLDER_AGENCY = '某某单位';

export interface StandaloneHostOptions {
  /** The bundled sample report's bytes (the page fetches its own asset; tests pass a fixture). */
  loadSample: () => Promise<Uint8Array>;
  sampleFileName?: string;
  /** Where downloads go (default: a Blob URL and a link click). */
  saveFile?: (bytes: Uint8Array, fileName: string, mimeType: string) => void;
  /** Where ignored findings persist, per file name (default: localStorage when usable, else memory). */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
}

export interface StandaloneHost {
  host: ReportHost;
  controls: StandaloneControls;
}

const CAPABILITIES: HostCapabilities = {
  kind: 'standalone',
  trackChanges: false,
  comments: false,
  changeEvents: false,
  notes: ['修订模式和批注开关只在 Word 中可用。在浏览器中，修复只改动本页中的副本（原文件不变），点“下载修复后的文件”保存；需要您核实的数值会加批注。'],
};

/**
 * The task pane's host in a plain browser: the .docx lives in memory as bytes, every check and fix
 * runs the engine and the .docx host in the page. Nothing is uploaded and nothing is sent anywhere.
 */
export function createStandaloneHost(options: StandaloneHostOptions): StandaloneHost {
  const saveFile = options.saveFile ?? saveFileInBrowser;
  let settings: Partial<PaneSettings> = {};
  const storage = options.storage === undefined ? usableLocalStorage() : options.storage;
  const memoryIgnored = new Map<string, string[]>();
  let current: { bytes: Uint8Array; fileName: string } | null = null;
  /** The document as read when the file was opened, for the pane's first check: a file is read once, not twice. */
  let readOnOpen: { bytes: Uint8Array; document: DocumentModel } | null = null;
  const documentOf = (bytes: Uint8Array): DocumentModel => {
    const document = readOnOpen?.bytes === bytes ? readOnOpen.document : readDocument(bytes);
    readOnOpen = null;
    return document;
  };
  /** The bytes as last opened or downloaded: anything else is an unsaved change. */
  let savedBytes: Uint8Array | null = null;
  /** The states before each fix of this file, newest last, for 撤销. */
  let history: { id: number; bytes: Uint8Array }[] = [];
  let nextStep = 1;
  const remember = (before: Uint8Array): UndoStep => {
    const step = { id: nextStep++, bytes: before };
    history.push(step);
    return { id: step.id, inverse: null };
  };

  const opened = () => {
    if (!current) throw new Error('尚未打开文件：请先打开 .docx 文件或加载示例报告。');
    return current;
  };
  const lintOptions = (o: CheckOptions) => ({ currentYear: o.currentYear, reportYear: o.reportYear, previousYear: o.previousYear ?? null });
  // Last year's numbers belong to the open file: kept for the visit, dropped when another file opens.
  let previousYear: { fileName: string; numbers: PreviousYearNumbers } | null = null;

  const host: ReportHost = {
    capabilities: CAPABILITIES,

    async check(o: CheckOptions): Promise<CheckResult> {
      const { bytes, fileName } = opened();
      const lint = lintDocument(documentOf(bytes), lintOptions(o));
      return {
        lint: { template: lint.template, year: lint.year, isReport: lint.isReport, diagnostics: lint.diagnostics },
        document: lint.document,
        documentName: fileName,
      };
    },

    async applyFix(fix: Fix): Promise<FixOutcome> {
      const doc = opened();
      const result = applyFixToDocx(doc.bytes, fix);
      if (!result.applied) return { applied: false, reason: result.reason ?? '文档已改变，此修复不再适用。', undo: null };
      const undo = remember(doc.bytes);
      doc.bytes = result.bytes;
      return { applied: true, reason: null, undo };
    },

    async undo(step: UndoStep): Promise<FixOutcome> {
      const doc = opened();
      const at = history.findIndex((h) => h.id === step.id);
      if (at < 0) return { applied: false, reason: '这一步已无法撤销（文件已更换）。' };
      // Back to the state before that step: later steps go with it.
      doc.bytes = history[at].bytes;
      history = history.slice(0, at);
      return { applied: true, reason: null };
    },

    async fixAll(o: CheckOptions): Promise<FixAllOutcome> {
      const doc = opened();
      const report = fixAllDocx(doc.bytes, lintOptions(o), o.ignoredKeys);
      const undo = report.applied.length > 0 ? remember(doc.bytes) : null;
      doc.bytes = report.bytes;
      return {
        applied: report.applied.map((a) => ({ diagnostic: a.diagnostic, description: a.fix.description })),
        skipped: report.skipped.map((s) => ({ diagnostic: s.diagnostic, reason: s.reason })),
        remaining: report.remaining.diagnostics,
        undo,
      };
    },

    // The page shows the table preview itself; there is no document window to move.
    async reveal() {},

    async insertTemplate(what: TemplateChoice, o: CheckOptions): Promise<void> {
      const year = templateYear(o.reportYear, o.currentYear);
      const { bytes, fileName } = blankTemplate(what, year);
      saveFile(bytes, fileName, DOCX_MIME);
    },

    async loadIgnored(): Promise<string[]> {
      if (!current) return [];
      const key = STORAGE_PREFIX + current.fileName;
      if (!storage) return memoryIgnored.get(key) ?? [];
      try {
        const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
        return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
      } catch {
        return [];
      }
    },

    async saveIgnored(keys: string[]): Promise<void> {
      if (!current) return;
      const key = STORAGE_PREFIX + current.fileName;
      if (!storage) {
        memoryIgnored.set(key, [...keys]);
        return;
      }
      try {
        storage.setItem(key, JSON.stringify(keys));
      } catch {
        memoryIgnored.set(key, [...keys]); // storage full or blocked: keep them for this visit
      }
    },

    // Settings last for the visit: the report year belongs to one file, the Word options do not apply.
    loadSettings: async () => ({ ...settings }),
    async saveSettings(next) {
      settings = { ...next };
    },
    loadPreviousYear: async () => (previousYear && previousYear.fileName === current?.fileName ? previousYear.numbers : null),
    async savePreviousYear(numbers) {
      previousYear = numbers && current ? { fileName: current.fileName, numbers } : null;
    },

    // A file in memory changes only through this host.
    watchChanges: () => () => {},
  };

  const controls: StandaloneControls = {
    currentFileName: () => current?.fileName ?? null,

    async open(bytes: Uint8Array, fileName: string): Promise<void> {
      // Reading it here turns an unreadable file into a clear message before anything changes; the
      // pane's first check then lints what was read.
      const document = readDocument(bytes);
      // Content embedded in another format is refused by the engine: only then is the file linted here.
      if ((document.altChunks ?? 0) > 0) lintDocument(document, { currentYear: new Date().getFullYear() });
      current = { bytes, fileName };
      readOnOpen = { bytes, document };
      savedBytes = bytes;
      history = [];
    },

    async openFile(file: Blob & { name: string }): Promise<void> {
      if (/\.doc$/i.test(file.name)) {
        throw new DocumentReadError('legacy-doc', `“${file.name}”是旧版 .doc 文件：请先在 Word 或 WPS 中“另存为” .docx 格式，再打开。`);
      }
      // Checked before reading: a huge file would be copied into the tab's memory first.
      if (file.size > DEFAULT_LIMITS.maxTotalBytes) throw tooLarge(`“${file.name}”`, DEFAULT_LIMITS.maxTotalBytes, '--max-total-mb');
      await controls.open(await readFileBytes(file), file.name);
    },

    async loadSample(): Promise<void> {
      await controls.open(await options.loadSample(), options.sampleFileName ?? 'sample-report.docx');
    },

    download(): void {
      const doc = opened();
      saveFile(doc.bytes, fixedName(doc.fileName), mimeTypeOf(doc.fileName));
      savedBytes = doc.bytes;
    },

    downloadName: () => (current ? fixedName(current.fileName) : null),

    hasUnsavedChanges: () => current !== null && current.bytes !== savedBytes,

    hasChanges: () => current !== null && history.length > 0,

    saveAs(bytes: Uint8Array, fileName: string, mimeType: string): void {
      saveFile(bytes, fileName, mimeType);
    },
  };

  return { host, controls };
}

/** 报告.docx → 报告.fixed.docx; a macro-enabled .docm stays .docm, Word XML text stays .xml (neither would open as .docx). */
export const fixedName = (fileName: string): string => {
  const kept = /\.(docm|xml)$/i.exec(fileName)?.[1].toLowerCase() ?? 'docx';
  return `${fileName.replace(/\.(docx|docm|xml)$/i, '')}.fixed.${kept}`;
};
const mimeTypeOf = (fileName: string) => (/\.docm$/i.test(fileName) ? DOCM_MIME : /\.xml$/i.test(fileName) ? 'application/xml' : DOCX_MIME);

function blankTemplate(what: TemplateChoice, year: number): { bytes: Uint8Array; fileName: string } {
  if (what === 'report') {
    return { bytes: blankReportDocx({ agency: PLACEHOLDER_AGENCY, year }), fileName: `政府信息公开工作年度报告（${year} 年度空白模板）.docx` };
  }
  const tables = what === 'tables' ? TABLE_IDS : [what];
  const body = tables.map((id) => headingParagraph(id) + standardTableXml(id, CURRENT_VARIANT) + '<w:p/>').join('');
  const name = what === 'tables' ? '标准表格（表二至表四）' : `标准表格（表${tableNumeral(what)}）`;
  return { bytes: buildDocx(documentXml(body), { title: name }), fileName: `${name}.docx` };
}

/** The section heading a table belongs under, so the downloaded table is recognised when pasted. */
function headingParagraph(id: TableId): string {
  const heading = template.headings.find((h) => h.table === id);
  return heading ? `<w:p><w:r><w:t>${escapeXml(`${heading.numeral}、${heading.title}`)}</w:t></w:r></w:p>` : '';
}

function usableLocalStorage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // access denied (file:// in some browsers, strict privacy settings)
  }
}
