import { useEffect, useMemo, useState } from 'react';
import { FluentProvider, MessageBar, MessageBarBody, Spinner, makeStyles, mergeClasses, tokens, webLightTheme, type Theme } from '@fluentui/react-components';
import type { AuditEvent } from '../../audit/audit-record';
import type { Fix } from '../../edits/types';
import { groupFindings, toFindings, type Finding } from '../group-findings';
import { placeText } from '../place';
import { findingKey, type CheckOptions, type FixAllOutcome, type ReportHost, type TemplateChoice, type UndoStep } from '../../hosts/report-host';
import type { StandaloneControls } from '../standalone-controls';
import { errorMessage, useReportCheck } from '../use-report-check';
import { useIgnoredFindings, usePreviousYear, useStoredSettings } from '../use-document-state';
import { useAuditExport } from '../use-audit-export';
import { useKeepPlace } from '../use-keep-place';
import { useUnsavedGuard } from '../use-unsaved-guard';
import { PreviousYearControl } from './PreviousYearControl';
import { ActionBar } from './ActionBar';
import { AppHeader } from './AppHeader';
import { AuditPrintView } from './AuditPrintView';
import { ExportMenu } from './ExportMenu';
import { FindingNavigator, useFindingShortcuts } from './FindingNavigator';
import { FixResultCard, type FixResult } from './FixResultCard';
import { FindingList } from './FindingList';
import { FindingPreview } from './FindingPreview';
import { FixAllResult } from './FixAllResult';
import { NoReportState } from './NoReportState';
import { SettingsPanel } from './SettingsPanel';
import { StandalonePanel } from './StandalonePanel';
import { SummaryCard } from './SummaryCard';

const useStyles = makeStyles({
  // The background sits on a page div inside the provider, not on the provider: Fluent copies the
  // provider's classes onto its portals (menus), and a full-height background there covered the pane.
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1, '@media print': { backgroundColor: 'transparent' } },
  screenOnly: { '@media print': { display: 'none' } },
  main: {
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '720px',
    margin: '0 auto',
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
});

export interface AppProps {
  host: ReportHost;
  /** Present in a plain browser (no Office): opening files, the sample, downloads. */
  standalone?: StandaloneControls;
  /** The host's current year (tests fix it). */
  currentYear?: number;
  /** Fluent theme (Word passes the one matching Office's theme). */
  theme?: Theme;
  /** Asks the user to confirm (replacing a file with unsaved fixes). */
  confirm?: (message: string) => boolean;
  /** Saves a generated file (the audit record); the browser page's controls by default. */
  saveFile?: (bytes: Uint8Array, fileName: string, mimeType: string) => void;
  /** Opens the print dialog (the audit record's printable page). */
  print?: () => void;
  /** The clock for the audit record (tests fix it). */
  now?: () => Date;
}

/** The last fix's result, shown where its card was (before the finding now at `index`). */
interface ShownFixResult extends FixResult {
  /** Position of the fixed finding in the list as shown (areas, then rules). */
  index: number;
  step: UndoStep | null;
}

const UNSAVED_WARNING = '当前文件有未保存的修改（修复只在本页中）。继续将丢弃这些修改。要继续吗？';

interface Notice {
  intent: 'success' | 'warning' | 'error' | 'info';
  text: string;
}

/**
 * The task pane. Everything that touches the document goes through `host` (Word or the in-page
 * .docx host); this component only keeps the pane's state.
 */
export function App(props: AppProps) {
  const { host, standalone, currentYear = new Date().getFullYear(), theme = webLightTheme } = props;
  const confirm = props.confirm ?? ((message: string) => window.confirm(message));
  const now = props.now ?? (() => new Date());
  const styles = useStyles();
  const [notice, setNotice] = useState<Notice | null>(null);
  const warn = (text: string, intent: 'warning' | 'error') => setNotice({ intent, text });
  const [settings, changeSettings] = useStoredSettings(host, warn);
  // Bumped when the browser page opens another file: check it and load its ignore list.
  const [revision, setRevision] = useState(0);
  const previous = usePreviousYear(host, revision, currentYear, warn);
  const previousYear = previous.previousYear;
  const options = useMemo<CheckOptions>(() => ({ currentYear, ...settings, previousYear }), [currentYear, settings, previousYear]);
  const hasDocument = standalone ? standalone.currentFileName() !== null : true;
  const check = useReportCheck(host, options, hasDocument, revision);

  const [ignored, saveIgnored] = useIgnoredFindings(host, hasDocument, revision, warn);
  const [busy, setBusy] = useState(false);
  const [fixAllOutcome, setFixAllOutcome] = useState<FixAllOutcome | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [showIgnored, setShowIgnored] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);
  // Word refused a write (read-only or protected document): no fix can succeed, so none is offered.
  const [writeBlocked, setWriteBlocked] = useState<string | null>(host.capabilities.readOnly ?? null);
  const [fixResult, setFixResult] = useState<ShownFixResult | null>(null);
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const record = (list: AuditEvent[]) => setEvents((e) => [...e, ...list]);
  const unsaved = standalone?.hasUnsavedChanges() ?? false;

  useUnsavedGuard(standalone);

  // Selection is by position in the list, which a new check renumbers.
  useEffect(() => setSelectedId(null), [check.result]);

  const result = check.result;
  const findings = useMemo(() => (result ? toFindings(result.lint.diagnostics) : []), [result]);
  const ignoredSet = new Set(ignored);
  const activeFindings = findings.filter((f) => !ignoredSet.has(f.key));
  const ignoredFindings = findings.filter((f) => ignoredSet.has(f.key));
  const fixableCount = activeFindings.filter((f) => f.diagnostic.fix).length;
  // The order the cards are shown in (by table, then rule): for next/previous and the fix result's place.
  const shownOrder = useMemo(() => groupFindings(activeFindings).flatMap((g) => g.rules.flatMap((r) => r.findings)), [findings, ignored]);

  const keepPlace = useKeepPlace(!busy && !check.checking, [check.result, check.checking, ignored, busy]);
  const rememberPlace = (finding: Finding) => keepPlace(activeFindings.findIndex((f) => f.id === finding.id));

  /** One action at a time; its failure becomes a message, never a broken pane. */
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setNotice(null);
    try {
      await action();
    } catch (e) {
      setNotice({ intent: 'error', text: errorMessage(e) });
      if ((e as { code?: unknown }).code === 'read-only') setWriteBlocked(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const applyFix = (finding: Finding, fix: Fix) => run(async () => {
    rememberPlace(finding);
    const index = shownOrder.findIndex((f) => f.id === finding.id);
    const outcome = await host.applyFix(fix, options);
    setFixAllOutcome(null);
    setFixResult({
      index,
      place: placeText(finding.diagnostic),
      text: outcome.applied ? fix.description : outcome.reason ?? '文档已改变，请重新检查。',
      applied: outcome.applied,
      canUndo: !!outcome.undo,
      undone: false,
      step: outcome.undo ?? null,
    });
    if (outcome.applied) record([{ diagnostic: finding.diagnostic, state: 'fixed', action: fix.description, at: now() }]);
    await check.recheck();
  });

  const undo = () => run(async () => {
    const shown = fixResult;
    if (!shown?.step) return;
    const outcome = await host.undo(shown.step, options);
    if (outcome.applied) setFixResult({ ...shown, undone: true, step: null });
    else setNotice({ intent: 'warning', text: `未能撤销：${outcome.reason ?? '文档已改变。'}` });
    await check.recheck();
  });

  const undoFixAll = (step: UndoStep) => run(async () => {
    const outcome = await host.undo(step, options);
    setFixAllOutcome(null);
    setNotice(outcome.applied ? { intent: 'info', text: '已撤销全部修复。' } : { intent: 'warning', text: `未能撤销：${outcome.reason ?? '文档已改变。'}` });
    await check.recheck();
  });

  const saveFixedCopy = () => run(async () => {
    const text = await host.saveFixedCopy!({ ...options, ignoredKeys: ignored });
    setNotice({ intent: 'success', text });
  });

  const fixAll = () => run(async () => {
    setFixResult(null);
    const outcome = await host.fixAll({ ...options, ignoredKeys: ignored });
    setFixAllOutcome(outcome);
    const at = now();
    record(outcome.applied.map((a) => ({ diagnostic: a.diagnostic, state: 'fixed' as const, action: a.description, at })));
    await check.recheck();
  });

  const reveal = (finding: Finding) => {
    const location = finding.diagnostic.location;
    if (location) host.reveal(location).catch((e) => setNotice({ intent: 'warning', text: `无法定位：${errorMessage(e)}` }));
  };
  const select = (finding: Finding) => {
    setSelectedId((id) => (id === finding.id ? null : finding.id));
    reveal(finding);
  };

  // Next/previous finding: selects it (shows it in Word or in the preview) and moves focus to its place.
  const currentIndex = shownOrder.findIndex((f) => f.id === selectedId);
  const goTo = (step: 1 | -1) => {
    if (shownOrder.length === 0) return;
    const from = currentIndex < 0 ? (step === 1 ? -1 : shownOrder.length) : currentIndex;
    const target = shownOrder[(from + step + shownOrder.length) % shownOrder.length];
    setSelectedId(target.id);
    reveal(target);
    requestAnimationFrame(() => {
      const place = document.querySelector<HTMLElement>(`[data-finding-id="${target.id}"] [data-testid="finding-place"]`);
      place?.scrollIntoView({ block: 'nearest' });
      place?.focus();
    });
  };
  useFindingShortcuts(shownOrder.length > 0, goTo);

  const template = (choice: TemplateChoice) => run(async () => {
    await host.insertTemplate(choice, options);
    if (standalone) {
      setNotice({ intent: 'success', text: '已下载空白模板。' });
    } else {
      setNotice({ intent: 'success', text: '已在光标处插入模板。' });
      await check.recheck();
    }
  });

  /** Opens a file; a failure names the file, while the document open before stays open. */
  const openWith = (name: string, open: () => Promise<void>) => run(async () => {
    try {
      await open();
    } catch (e) {
      setOpenError(`“${name}”：${errorMessage(e)}`);
      return;
    }
    setOpenError(null);
    setFixAllOutcome(null);
    setFixResult(null);
    setEvents([]);
    setShowIgnored(false);
    setRevision((r) => r + 1);
  });

  const download = () => {
    if (!standalone) return;
    try {
      standalone.download();
      setNotice({
        intent: 'success',
        text: `已下载“${standalone.downloadName()}”，保存在浏览器的下载位置（通常是“下载”文件夹）。原文件“${standalone.currentFileName()}”没有改动。`,
      });
    } catch (e) {
      setNotice({ intent: 'error', text: errorMessage(e) });
    }
  };
  const allowReplace = () => !standalone?.hasUnsavedChanges() || confirm(UNSAVED_WARNING);

  const documentName = result?.documentName ?? '当前文档';
  const audit = useAuditExport({
    documentName, diagnostics: result?.lint.diagnostics ?? [], ignored, events, now,
    saveFile: props.saveFile ?? standalone?.saveAs, print: props.print ?? (() => window.print()),
  });
  const exportExcel = () => run(async () => setNotice({ intent: 'success', text: await audit.exportExcel() }));

  const handlers = {
    busy,
    cannotFix: writeBlocked !== null,
    selectedId,
    onSelect: select,
    onFix: applyFix,
    onIgnore: (f: Finding) => {
      rememberPlace(f);
      setFixResult(null);
      record([{ diagnostic: f.diagnostic, state: 'ignored', action: '', at: now() }]);
      saveIgnored([...new Set([...ignored, f.key])]);
    },
    onRestore: (f: Finding) => saveIgnored(ignored.filter((k) => k !== f.key)),
    resultBefore: fixResult ? (shownOrder[fixResult.index]?.id ?? null) : undefined,
    resultNode: fixResult ? <FixResultCard result={fixResult} inWord={!standalone} busy={busy} onUndo={undo} /> : undefined,
    renderPreview: standalone && result ? (f: Finding) => <FindingPreview document={result.document} diagnostic={f.diagnostic} /> : undefined,
  };

  return (
    <FluentProvider theme={theme}>
      <div className={styles.page}>
      <main className={mergeClasses(styles.main, styles.screenOnly)} aria-busy={check.checking || busy}>
        <AppHeader standalone={!!standalone} />
        {standalone && (
          <StandalonePanel
            fileName={standalone.currentFileName()}
            downloadName={standalone.downloadName()}
            unsaved={unsaved}
            changed={standalone.hasChanges()}
            allowReplace={allowReplace}
            error={openError}
            busy={busy}
            onOpenFile={(file) => openWith(file.name, () => standalone.openFile(file))}
            onLoadSample={() => openWith('示例报告', () => standalone.loadSample())}
            onDownload={download}
          />
        )}
        <ActionBar
          standalone={!!standalone}
          checking={check.checking}
          busy={busy}
          hasDocument={hasDocument}
          fixableCount={writeBlocked ? 0 : fixableCount}
          fixAllPrimary={!unsaved}
          settingsOpen={settingsOpen}
          onRecheck={() => void check.recheck()}
          onFixAll={fixAll}
          onTemplate={template}
          onToggleSettings={() => setSettingsOpen((open) => !open)}
        >
          <ExportMenu disabled={busy || !result?.lint.isReport} onExcel={exportExcel} onPrint={audit.print} />
        </ActionBar>
        {host.savePreviousYear && hasDocument && (
          <PreviousYearControl numbers={previousYear} disabled={busy} onChoose={previous.choose} onClear={() => previous.change(null)} />
        )}
        {settingsOpen && (
          <SettingsPanel
            settings={settings}
            capabilities={host.capabilities}
            currentYear={currentYear}
            onChange={changeSettings}
            getDiagnostics={host.diagnostics && (() => host.diagnostics!())}
            onClose={() => {
              setSettingsOpen(false);
              document.querySelector<HTMLElement>('[data-testid="settings-toggle"]')?.focus();
            }}
          />
        )}
        <div aria-live="polite">
          {notice && (
            <MessageBar layout="multiline" intent={notice.intent} data-testid="notice">
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        {writeBlocked && (
          <MessageBar layout="multiline" intent="warning" data-testid="write-blocked">
            <MessageBarBody>{writeBlocked}</MessageBarBody>
          </MessageBar>
        )}
        {check.error && hasDocument && (
          <MessageBar layout="multiline" intent="error" role="alert" data-testid="check-error">
            <MessageBarBody>无法检查：{check.error}</MessageBarBody>
          </MessageBar>
        )}
        {fixAllOutcome && (
          <FixAllResult
            outcome={fixAllOutcome}
            needsUser={fixAllOutcome.remaining.filter((d) => !ignoredSet.has(findingKey(d)))}
            onDismiss={() => setFixAllOutcome(null)}
            onUndo={fixAllOutcome.undo ? () => undoFixAll(fixAllOutcome.undo!) : undefined}
            onSaveFixedCopy={host.saveFixedCopy && saveFixedCopy}
            inWord={!standalone}
          />
        )}
        {hasDocument && !result && check.checking && <Spinner size="small" label="正在读取文档…" />}
        {hasDocument && result && !result.lint.isReport && <NoReportState standalone={!!standalone} disabled={busy} onTemplate={template} />}
        {hasDocument && result && result.lint.isReport && (
          <>
            <SummaryCard result={result} findings={activeFindings} ignoredCount={ignoredFindings.length} />
            {shownOrder.length > 0 && <FindingNavigator index={currentIndex} count={shownOrder.length} onMove={goTo} />}
            <FindingList
              findings={activeFindings}
              ignoredFindings={ignoredFindings}
              showIgnored={showIgnored}
              onToggleIgnored={() => setShowIgnored((s) => !s)}
              {...handlers}
            />
          </>
        )}
      </main>
      {audit.printing && result && <AuditPrintView document={documentName} checkedAt={now()} rows={audit.rows()} />}
      </div>
    </FluentProvider>
  );
}
