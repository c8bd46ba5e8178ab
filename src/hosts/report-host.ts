import type { DocumentModel } from '../docmodel';
import type { Fix } from '../edits/types';
import type { LintResult } from '../engine';
import type { Diagnostic, Location, PreviousYearNumbers } from '../rules';
import type { TableId } from '../template';

/**
 * What the task pane needs from wherever the document lives. The Word host (Office.js) and the
 * standalone host (a .docx in memory, in a plain browser) implement it; components receive it as
 * props and never call Office or the file system themselves.
 */
export interface ReportHost {
  readonly capabilities: HostCapabilities;
  /** Reads the document and lints it. */
  check(options: CheckOptions): Promise<CheckResult>;
  /** Applies one fix or one chosen suggestion; a stale one is skipped with the reason. */
  applyFix(fix: Fix, options: CheckOptions): Promise<FixOutcome>;
  /**
   * Takes back a fix (or a 全部修复) given by its outcome's `undo`: the browser page restores the
   * state before it; Word writes the previous values back (skipped where the user has since
   * changed them). Only the most recent step is offered; the outcome says whether it worked.
   */
  undo(step: UndoStep, options: CheckOptions): Promise<FixOutcome>;
  /** Applies every safe fix, re-checking until nothing fixable is left (bounded passes). */
  fixAll(options: CheckOptions): Promise<FixAllOutcome>;
  /** Shows the user where a finding is (Word: selects the cell or paragraph). */
  reveal(location: Location): Promise<void>;
  /** Word: inserts at the cursor (never inside a table); standalone: downloads a blank .docx. */
  insertTemplate(what: TemplateChoice, options: CheckOptions): Promise<void>;
  /** Keys of findings the user chose to ignore, stored with the document. */
  loadIgnored(): Promise<string[]>;
  saveIgnored(keys: string[]): Promise<void>;
  /** The pane's settings, stored with the document (the ribbon's 全部修复 uses them too). */
  loadSettings(): Promise<Partial<PaneSettings>>;
  saveSettings(settings: PaneSettings): Promise<void>;
  /** Last year's numbers for the cross-year check (对比上一年报告), stored with the document; null clears. */
  loadPreviousYear?(): Promise<PreviousYearNumbers | null>;
  savePreviousYear?(numbers: PreviousYearNumbers | null): Promise<void>;
  /** Calls back (debounced by the caller) when the document changes; returns an unsubscribe. */
  watchChanges(onChange: () => void): () => void;
  /**
   * Where fixes that change a table's structure cannot be written into the open document (WPS
   * without XML insertion): saves a fixed copy of the whole document as a new file, leaving the
   * open one as it is; resolves with what was done, in Chinese.
   */
  saveFixedCopy?(options: CheckOptions): Promise<string>;
  /** Word: host, version, requirement sets and the tables' shapes, never document text (设置 → 复制诊断信息). */
  diagnostics?(): Promise<string>;
}

export interface HostCapabilities {
  kind: 'word' | 'standalone' | 'wps';
  /** Fixes can be applied as tracked changes (WordApi 1.4). */
  trackChanges: boolean;
  /** Comments can be put on cells that need the user's input (WordApi 1.4). */
  comments: boolean;
  /** The document reports its changes (WordApi 1.6 events). */
  changeEvents: boolean;
  /** Why the document cannot be written (read-only, protected), in Chinese; fixes are then disabled. */
  readOnly?: string | null;
  /** Why a capability is missing, to explain it in the UI (e.g. "需要 Word 2019 或更高版本"). */
  notes: string[];
}

/** What the user sets in the pane. */
export interface PaneSettings {
  reportYear: number | null;
  trackChanges: boolean;
  comments: boolean;
}

export interface CheckOptions {
  /** The year "now" (the host's clock), for reports that state no year. */
  currentYear: number;
  /** The report year set by the user, or null to take it from the document. */
  reportYear: number | null;
  /** Apply fixes as tracked changes (Word only). */
  trackChanges: boolean;
  /** Put comments on cells needing input (Word only). */
  comments: boolean;
  /** Keys (findingKey) of findings the user ignored: fix-all leaves them alone. */
  ignoredKeys?: readonly string[];
  /** Last year's numbers (对比上一年报告), when the user gave last year's report. */
  previousYear?: PreviousYearNumbers | null;
}

export interface CheckResult {
  lint: Pick<LintResult, 'template' | 'year' | 'isReport' | 'diagnostics'>;
  /** The document model the findings refer to (tables for the read-only preview). */
  document: DocumentModel;
  /** A name to show (file name in the standalone page, or null in Word). */
  documentName: string | null;
}

export interface FixOutcome {
  applied: boolean;
  /** Why it was not applied (stale, overlapping), in Chinese. */
  reason: string | null;
  /** How to take it back, when the host can (absent: only Word's own Ctrl+Z). */
  undo?: UndoStep | null;
}

/** A step `undo` can take back: an id the host recognises and, for Word, the edits restoring the old values. */
export interface UndoStep {
  id: number;
  /** The edits writing back what the fix replaced (null: the host restores its saved state instead). */
  inverse: Fix | null;
}

export interface FixAllOutcome {
  applied: { diagnostic: Diagnostic; description: string }[];
  skipped: { diagnostic: Diagnostic; reason: string }[];
  /** What is left for the user after fixing. */
  remaining: Diagnostic[];
  /** What the user must do before fixing further (e.g. accept tracked changes), in Chinese. */
  notes?: string[];
  /** How to take the whole 全部修复 back, when the host can. */
  undo?: UndoStep | null;
}

export type TemplateChoice = 'report' | 'tables' | TableId;

/** Hosts and the pane name findings for 忽略 the way the engine's fix-all does. */
export { findingKey } from '../engine/finding-key';
