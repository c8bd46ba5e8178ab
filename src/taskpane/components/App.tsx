import { useEffect, useMemo, useRef, useState } from 'react';
import { FluentProvider, MessageBar, MessageBarBody, Spinner, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { Fix } from '../../edits/types';
import { toFindings, type Finding } from '../group-findings';
import { findingKey, type CheckOptions, type FixAllOutcome, type ReportHost, type TemplateChoice } from '../report-host';
import type { StandaloneControls } from '../standalone-controls';
import { errorMessage, useReportCheck } from '../use-report-check';
import { readPreviousYear } from '../../engine';
import type { PreviousYearNumbers } from '../../rules';
import { PreviousYearControl } from './PreviousYearControl';
import { ActionBar } from './ActionBar';
import { AppHeader } from './AppHeader';
import { FindingList } from './FindingList';
import { FindingPreview } from './FindingPreview';
import { FixAllResult } from './FixAllResult';
import { NoReportState } from './NoReportState';
import { SettingsPanel, type Settings } from './SettingsPanel';
import { StandalonePanel } from './StandalonePanel';
import { SummaryCard } from './SummaryCard';

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
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
}

interface Notice {
  intent: 'success' | 'warning' | 'error' | 'info';
  text: string;
}

/**
 * The task pane. Everything that touches the document goes through `host` (Word or the in-page
 * .docx host); this component only keeps the pane's state.
 */
export function App({ host, standalone, currentYear = new Date().getFullYear() }: AppProps) {
  const styles = useStyles();
  const [settings, setSettings] = useState<Settings>({ reportYear: null, trackChanges: false, comments: host.capabilities.comments });
  // Stored with the document, so the ribbon's 全部修复 and the next session use the same settings.
  useEffect(() => {
    let current = true;
    // Only a real difference replaces the settings: a new object would re-check and clear the selection.
    const differs = (s: Settings, stored: Partial<Settings>) => (Object.keys(stored) as (keyof Settings)[]).some((k) => stored[k] !== s[k]);
    host.loadSettings().then((stored) => current && setSettings((s) => (differs(s, stored) ? { ...s, ...stored } : s)), () => {});
    return () => {
      current = false;
    };
  }, [host]);
  const changeSettings = (next: Settings) => {
    setSettings(next);
    host.saveSettings(next).catch((e) => setNotice({ intent: 'warning', text: errorMessage(e) }));
  };
  // Bumped when the browser page opens another file: check it and load its ignore list.
  const [revision, setRevision] = useState(0);
  // 对比上一年报告: last year's numbers, stored with the document by the host.
  const [previousYear, setPreviousYear] = useState<PreviousYearNumbers | null>(null);
  useEffect(() => {
    let current = true;
    host.loadPreviousYear?.().then((stored) => current && setPreviousYear(stored), () => {});
    return () => {
      current = false;
    };
  }, [host, revision]);
  const changePreviousYear = (numbers: PreviousYearNumbers | null) => {
    setPreviousYear(numbers);
    host.savePreviousYear?.(numbers).catch((e) => setNotice({ intent: 'warning', text: errorMessage(e) }));
  };
  const choosePreviousYear = (file: File) => {
    file.arrayBuffer().then(
      (buffer) => changePreviousYear(readPreviousYear(new Uint8Array(buffer), file.name, currentYear)),
      (e) => setNotice({ intent: 'error', text: errorMessage(e) }),
    ).catch((e) => setNotice({ intent: 'error', text: `无法使用上一年报告：${errorMessage(e)}` }));
  };
  const options = useMemo<CheckOptions>(() => ({ currentYear, ...settings, previousYear }), [currentYear, settings, previousYear]);
  const hasDocument = standalone ? standalone.currentFileName() !== null : true;
  const check = useReportCheck(host, options, hasDocument, revision);

  const [ignored, setIgnored] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [fixAllOutcome, setFixAllOutcome] = useState<FixAllOutcome | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [showIgnored, setShowIgnored] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);

  useEffect(() => {
    if (!hasDocument) return;
    let current = true;
    host.loadIgnored().then((keys) => current && setIgnored(keys), () => current && setIgnored([]));
    return () => {
      current = false;
    };
  }, [host, hasDocument, revision]);

  // Selection is by position in the list, which a new check renumbers.
  useEffect(() => setSelectedId(null), [check.result]);

  const result = check.result;
  const findings = useMemo(() => (result ? toFindings(result.lint.diagnostics) : []), [result]);
  const ignoredSet = new Set(ignored);
  const activeFindings = findings.filter((f) => !ignoredSet.has(f.key));
  const ignoredFindings = findings.filter((f) => ignoredSet.has(f.key));
  const fixableCount = activeFindings.filter((f) => f.diagnostic.fix).length;

  // After a finding is fixed or ignored its card goes: keyboard focus moves to the finding now in
  // its place (or to the summary when none is left), so the user keeps their place in the list.
  const focusAt = useRef<number | null>(null);
  const rememberPlace = (finding: Finding) => {
    focusAt.current = Math.max(0, activeFindings.findIndex((f) => f.id === finding.id));
  };
  useEffect(() => {
    if (focusAt.current === null || busy || check.checking) return;
    const places = [...document.querySelectorAll<HTMLElement>('[data-testid="findings"] [data-testid="finding-place"]')]
      .filter((el) => !el.closest('[data-testid="ignored-findings"]'));
    const next = places[Math.min(focusAt.current, places.length - 1)]
      ?? document.querySelector<HTMLElement>('[data-testid="summary-total"], [data-testid="no-problems"]');
    focusAt.current = null;
    next?.focus();
  }, [check.result, check.checking, ignored, busy]);

  /** One action at a time; its failure becomes a message, never a broken pane. */
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setNotice(null);
    try {
      await action();
    } catch (e) {
      setNotice({ intent: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const applyFix = (finding: Finding, fix: Fix) => run(async () => {
    rememberPlace(finding);
    const outcome = await host.applyFix(fix, options);
    setFixAllOutcome(null);
    setNotice(outcome.applied
      ? { intent: 'success', text: `已修复：${fix.description}` }
      : { intent: 'warning', text: `未能修复：${outcome.reason ?? '文档已改变，请重新检查。'}` });
    await check.recheck();
  });

  const fixAll = () => run(async () => {
    setFixAllOutcome(await host.fixAll({ ...options, ignoredKeys: ignored }));
    await check.recheck();
  });

  const saveIgnored = (keys: string[]) => {
    setIgnored(keys);
    host.saveIgnored(keys).catch((e) => setNotice({ intent: 'error', text: `无法保存忽略列表：${errorMessage(e)}` }));
  };

  const select = (finding: Finding) => {
    setSelectedId((id) => (id === finding.id ? null : finding.id));
    const location = finding.diagnostic.location;
    if (location) host.reveal(location).catch((e) => setNotice({ intent: 'warning', text: `无法定位：${errorMessage(e)}` }));
  };

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
    setShowIgnored(false);
    setRevision((r) => r + 1);
  });

  const download = () => {
    try {
      standalone?.download();
    } catch (e) {
      setNotice({ intent: 'error', text: errorMessage(e) });
    }
  };

  const handlers = {
    busy,
    selectedId,
    onSelect: select,
    onFix: applyFix,
    onIgnore: (f: Finding) => {
      rememberPlace(f);
      saveIgnored([...new Set([...ignored, f.key])]);
    },
    onRestore: (f: Finding) => saveIgnored(ignored.filter((k) => k !== f.key)),
    renderPreview: standalone && result ? (f: Finding) => <FindingPreview document={result.document} diagnostic={f.diagnostic} /> : undefined,
  };

  return (
    <FluentProvider theme={webLightTheme} className={styles.provider}>
      <main className={styles.main} aria-busy={check.checking || busy}>
        <AppHeader standalone={!!standalone} />
        {standalone && (
          <StandalonePanel
            fileName={standalone.currentFileName()}
            downloadName={standalone.downloadName()}
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
          fixableCount={fixableCount}
          settingsOpen={settingsOpen}
          onRecheck={() => void check.recheck()}
          onFixAll={fixAll}
          onTemplate={template}
          onToggleSettings={() => setSettingsOpen((open) => !open)}
        />
        {host.savePreviousYear && hasDocument && (
          <PreviousYearControl numbers={previousYear} disabled={busy} onChoose={choosePreviousYear} onClear={() => changePreviousYear(null)} />
        )}
        {settingsOpen && <SettingsPanel settings={settings} capabilities={host.capabilities} currentYear={currentYear} onChange={changeSettings} />}
        <div aria-live="polite">
          {notice && (
            <MessageBar layout="multiline" intent={notice.intent} data-testid="notice">
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          )}
        </div>
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
          />
        )}
        {hasDocument && !result && check.checking && <Spinner size="small" label="正在读取文档…" />}
        {hasDocument && result && !result.lint.isReport && <NoReportState standalone={!!standalone} disabled={busy} onTemplate={template} />}
        {hasDocument && result && result.lint.isReport && (
          <>
            <SummaryCard result={result} findings={activeFindings} ignoredCount={ignoredFindings.length} />
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
    </FluentProvider>
  );
}
