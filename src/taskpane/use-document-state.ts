import { useEffect, useState } from 'react';
import { readPreviousYear } from '../engine';
import type { ReportHost } from '../hosts/report-host';
import type { PreviousYearNumbers } from '../rules';
import type { Settings } from './components/SettingsPanel';
import { errorMessage } from './use-report-check';

/**
 * What the pane stores with the document through the host (settings, last year's numbers, ignored
 * findings): loaded when the document changes, saved on every change; a failure to save is a
 * message, and the pane keeps working with the value in memory.
 */

type Warn = (text: string, intent: 'warning' | 'error') => void;

/** Runs `load` for the current document; a result for a document no longer open is dropped. */
function useLoad<T>(load: (() => Promise<T>) | null, apply: (value: T) => void, onFailure: () => void, dependencies: unknown[]): void {
  useEffect(() => {
    if (!load) return;
    let current = true;
    load().then((value) => current && apply(value), () => current && onFailure());
    return () => {
      current = false;
    };
  }, dependencies);
}

/** The pane's settings, stored with the document so the ribbon's 全部修复 and the next session use them. */
export function useStoredSettings(host: ReportHost, warn: Warn): [Settings, (next: Settings) => void] {
  const [settings, setSettings] = useState<Settings>({ reportYear: null, trackChanges: false, comments: host.capabilities.comments });
  // Only a real difference replaces the settings: a new object would re-check and clear the selection.
  const differs = (s: Settings, stored: Partial<Settings>) => (Object.keys(stored) as (keyof Settings)[]).some((k) => stored[k] !== s[k]);
  useLoad(() => host.loadSettings(), (stored) => setSettings((s) => (differs(s, stored) ? { ...s, ...stored } : s)), () => {}, [host]);
  const change = (next: Settings) => {
    setSettings(next);
    host.saveSettings(next).catch((e) => warn(errorMessage(e), 'warning'));
  };
  return [settings, change];
}

/** 对比上一年报告: last year's numbers, stored with the document by the host (reloaded per `revision`). */
export function usePreviousYear(host: ReportHost, revision: number, currentYear: number, warn: Warn) {
  const [previousYear, setPreviousYear] = useState<PreviousYearNumbers | null>(null);
  useLoad(host.loadPreviousYear ? () => host.loadPreviousYear!() : null, setPreviousYear, () => {}, [host, revision]);
  const change = (numbers: PreviousYearNumbers | null) => {
    setPreviousYear(numbers);
    host.savePreviousYear?.(numbers).catch((e) => warn(errorMessage(e), 'warning'));
  };
  const choose = (file: File) => {
    file.arrayBuffer().then(
      (buffer) => change(readPreviousYear(new Uint8Array(buffer), file.name, currentYear)),
      (e) => warn(errorMessage(e), 'error'),
    ).catch((e) => warn(`无法使用上一年报告：${errorMessage(e)}`, 'error'));
  };
  return { previousYear, change, choose };
}

/** The keys of the findings the user ignored in this document (reloaded per `revision`). */
export function useIgnoredFindings(host: ReportHost, hasDocument: boolean, revision: number, warn: Warn): [string[], (keys: string[]) => void] {
  const [ignored, setIgnored] = useState<string[]>([]);
  useLoad(hasDocument ? () => host.loadIgnored() : null, setIgnored, () => setIgnored([]), [host, hasDocument, revision]);
  const save = (keys: string[]) => {
    setIgnored(keys);
    host.saveIgnored(keys).catch((e) => warn(`无法保存忽略列表：${errorMessage(e)}`, 'error'));
  };
  return [ignored, save];
}
