import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { SETTINGS_PANEL_ID } from './SettingsPanel';
import { ArrowSyncRegular, SettingsRegular, WrenchRegular } from '@fluentui/react-icons';
import type { TemplateChoice } from '../report-host';
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
  settingsOpen: boolean;
  onRecheck: () => void;
  onFixAll: () => void;
  onTemplate: (choice: TemplateChoice) => void;
  onToggleSettings: () => void;
}

/** The pane's main commands; wraps onto two lines in a narrow pane. */
export function ActionBar(props: ActionBarProps) {
  const styles = useStyles();
  const { standalone, checking, busy, hasDocument, fixableCount } = props;
  return (
    <div className={styles.root} role="toolbar" aria-label="操作">
      <Button appearance="primary" icon={<WrenchRegular />} disabledFocusable={busy || !hasDocument || fixableCount === 0} onClick={props.onFixAll}>
        全部修复{fixableCount > 0 ? `（${fixableCount}）` : ''}
      </Button>
      <Button icon={<ArrowSyncRegular />} disabledFocusable={busy || !hasDocument} onClick={props.onRecheck}>
        重新检查
      </Button>
      <TemplateMenu standalone={standalone} disabled={busy} onChoose={props.onTemplate} />
      <Button icon={<SettingsRegular />} appearance={props.settingsOpen ? 'primary' : 'secondary'} aria-expanded={props.settingsOpen} aria-controls={SETTINGS_PANEL_ID} onClick={props.onToggleSettings}>
        设置
      </Button>
      {checking && <Spinner className={styles.spinner} size="tiny" label="正在检查…" labelPosition="after" role="status" data-testid="checking" />}
    </div>
  );
}
