import type { ReactNode } from 'react';
import { Button, Spinner, ToggleButton, makeStyles, tokens, useArrowNavigationGroup } from '@fluentui/react-components';
import { SETTINGS_PANEL_ID } from './SettingsPanel';
import { ArrowSyncRegular, SettingsRegular, WrenchRegular } from '@fluentui/react-icons';
import type { TemplateChoice } from '../../hosts/report-host';
import { TemplateMenu } from './TemplateMenu';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  spinner: { marginLeft: 'auto' },
});

export interface ActionBarProps {
  standalone: boolean;
  checking: boolean;
  busy: boolean;
  /** Nothing to check yet (browser, no file open). */
  hasDocument: boolean;
  fixableCount: number;
  /** 全部修复 is the pane's one primary action, unless something else is (unsaved fixes to download). */
  fixAllPrimary: boolean;
  settingsOpen: boolean;
  onRecheck: () => void;
  onFixAll: () => void;
  onTemplate: (choice: TemplateChoice) => void;
  onToggleSettings: () => void;
  /** More commands (导出检查记录). */
  children?: ReactNode;
}

/** The pane's main commands; wraps onto two lines in a narrow pane; arrow keys move between them. */
export function ActionBar(props: ActionBarProps) {
  const styles = useStyles();
  const arrows = useArrowNavigationGroup({ axis: 'horizontal', circular: true });
  const { standalone, checking, busy, hasDocument, fixableCount } = props;
  return (
    <div className={styles.root} role="toolbar" aria-label="操作" {...arrows}>
      <Button appearance={props.fixAllPrimary ? 'primary' : 'secondary'} icon={<WrenchRegular />} disabledFocusable={busy || !hasDocument || fixableCount === 0} onClick={props.onFixAll}>
        全部修复{fixableCount > 0 ? `（${fixableCount}）` : ''}
      </Button>
      <Button icon={<ArrowSyncRegular />} disabledFocusable={busy || !hasDocument} onClick={props.onRecheck}>
        重新检查
      </Button>
      <TemplateMenu standalone={standalone} disabled={busy} onChoose={props.onTemplate} />
      {props.children}
      <ToggleButton
        appearance="subtle"
        icon={<SettingsRegular />}
        checked={props.settingsOpen}
        aria-label="设置"
        title={props.settingsOpen ? '关闭设置（Esc）' : '设置'}
        aria-controls={SETTINGS_PANEL_ID}
        onClick={props.onToggleSettings}
        data-testid="settings-toggle"
      />
      {checking && <Spinner className={styles.spinner} size="tiny" label="正在检查…" labelPosition="after" role="status" data-testid="checking" />}
    </div>
  );
}
