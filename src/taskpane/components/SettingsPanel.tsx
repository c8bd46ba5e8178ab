import { Field, Select, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { FIRST_FORMAT_YEAR } from '../../template';
import type { HostCapabilities, PaneSettings } from '../../hosts/report-host';
import { DiagnosticsButton } from './DiagnosticsButton';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** The settings are the host contract's PaneSettings (stored with the document). */
export type Settings = PaneSettings;

export interface SettingsPanelProps {
  settings: Settings;
  capabilities: HostCapabilities;
  currentYear: number;
  onChange: (settings: Settings) => void;
  /** Word only: 复制诊断信息. */
  getDiagnostics?: () => Promise<string>;
  /** Esc closes the panel. */
  onClose?: () => void;
}

/** Years before the first format have no standard tables to check. */
const FIRST_YEAR = FIRST_FORMAT_YEAR;

/** The panel's id, for the 设置 button's aria-controls. */
export const SETTINGS_PANEL_ID = 'nianbao-settings';

/** Report year (it decides the expected format) and, where Word supports them, tracked changes and comments. */
export function SettingsPanel({ settings, capabilities, currentYear, onChange, getDiagnostics, onClose }: SettingsPanelProps) {
  const styles = useStyles();
  const years: number[] = [];
  for (let y = currentYear + 1; y >= FIRST_YEAR; y--) years.push(y);

  return (
    <section
      id={SETTINGS_PANEL_ID}
      className={styles.root}
      aria-label="设置"
      data-testid="settings"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onClose) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 className={styles.heading}>设置</h2>
      <Field label="报告年度" hint="决定应使用哪种格式；默认取文档标题或统计期限中的年份。">
        <Select
          value={settings.reportYear === null ? '' : String(settings.reportYear)}
          onChange={(_, data) => onChange({ ...settings, reportYear: data.value === '' ? null : Number(data.value) })}
          data-testid="report-year"
        >
          <option value="">按文档中的年份</option>
          {years.map((y) => <option key={y} value={y}>{y} 年度</option>)}
        </Select>
      </Field>
      {capabilities.trackChanges && (
        <Switch
          label="以修订方式修复（可逐项接受或拒绝）"
          checked={settings.trackChanges}
          onChange={(_, data) => onChange({ ...settings, trackChanges: data.checked })}
        />
      )}
      {capabilities.comments && (
        <Switch
          label="在需要您填写的单元格上加批注"
          checked={settings.comments}
          onChange={(_, data) => onChange({ ...settings, comments: data.checked })}
        />
      )}
      {capabilities.notes.length > 0 && (
        <ul className={styles.notes} aria-label="说明">
          {capabilities.notes.map((note) => <li key={note}>{note}</li>)}
        </ul>
      )}
      {getDiagnostics && <DiagnosticsButton getDiagnostics={getDiagnostics} />}
    </section>
  );
}
