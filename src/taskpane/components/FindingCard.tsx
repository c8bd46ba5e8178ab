import type { ReactNode } from 'react';
import { Badge, Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular, EyeOffRegular, LocationRegular, WrenchRegular } from '@fluentui/react-icons';
import type { Fix } from '../../edits/types';
import type { Finding } from '../group-findings';
import { SEVERITY_NAMES } from '../labels';
import { SumWhy } from './SumWhy';
import { placeText } from '../place';

const useStyles = makeStyles({
  card: {
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  selected: { border: `2px solid ${tokens.colorBrandStroke1}` },
  ignored: { opacity: 0.75, backgroundColor: tokens.colorNeutralBackground3 },
  head: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  // The badge keeps its two characters on one line, whatever the place beside it needs.
  badge: { flexShrink: 0, whiteSpace: 'nowrap', marginTop: '2px' },
  place: {
    flexGrow: 1,
    minWidth: 0,
    justifyContent: 'flex-start',
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    // At least as large as the message: the place is what the clerk looks for.
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    padding: 0,
    height: 'auto',
    minHeight: '24px',
    overflowWrap: 'anywhere',
  },
  message: { margin: 0, overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  fixNote: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  suggestions: { margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  suggestion: {
    listStyleType: 'none',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  suggestionText: { flexGrow: 1, minWidth: 0 },
});

export interface FindingCardProps {
  finding: Finding;
  selected: boolean;
  ignored: boolean;
  /** Another action is running: the buttons wait. */
  busy: boolean;
  /** The document cannot be written: 修复 and 采用 are disabled. */
  cannotFix?: boolean;
  onSelect: (finding: Finding) => void;
  onFix: (finding: Finding, fix: Fix) => void;
  onIgnore: (finding: Finding) => void;
  onRestore: (finding: Finding) => void;
  /** Shown under the card when selected (the table preview in the browser). */
  preview?: ReactNode;
  /** Selecting shows a preview in the card (browser): only then is the place button expandable. */
  expandable?: boolean;
}

/** One finding: where, what (the message carries the evidence), and what can be done about it. */
export function FindingCard({ finding, selected, ignored, busy, cannotFix = false, onSelect, onFix, onIgnore, onRestore, preview, expandable = false }: FindingCardProps) {
  const styles = useStyles();
  const d = finding.diagnostic;
  const place = placeText(d);
  const messageId = `${finding.id}-message`;

  return (
    <li
      className={mergeClasses(styles.card, selected && styles.selected, ignored && styles.ignored)}
      aria-label={`${SEVERITY_NAMES[d.severity]}：${place}`}
      data-testid="finding"
      data-rule={d.rule}
      data-key={finding.key}
      data-finding-id={finding.id}
    >
      <div className={styles.head}>
        <Badge className={styles.badge} appearance="filled" color={d.severity === 'error' ? 'danger' : 'warning'} shape="rounded">
          {SEVERITY_NAMES[d.severity]}
        </Badge>
        <Button
          className={styles.place}
          appearance="transparent"
          size="small"
          icon={<LocationRegular />}
          aria-describedby={messageId}
          aria-expanded={expandable ? selected : undefined}
          title="显示所在位置"
          onClick={() => onSelect(finding)}
          data-testid="finding-place"
        >
          {place}
        </Button>
      </div>
      <p id={messageId} className={styles.message}>{d.message}</p>
      {d.sums && <SumWhy evidence={d.sums} />}
      {d.fix && !ignored && <p className={styles.fixNote}>可自动修复：{d.fix.description}</p>}
      {d.suggestions.length > 0 && !ignored && (
        <ul className={styles.suggestions} aria-label="可选的修改">
          {d.suggestions.map((s, n) => (
            <li key={n} className={styles.suggestion} data-testid="suggestion">
              <span className={styles.suggestionText}>{n === 0 && d.sums && !d.sums.ambiguous ? `建议：${s.description}` : s.description}</span>
              <Button size="small" appearance="outline" disabledFocusable={busy || cannotFix} aria-label={`采用：${s.description}`} onClick={() => onFix(finding, s)}>
                采用
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.actions}>
        {ignored ? (
          <Button size="small" icon={<ArrowUndoRegular />} disabledFocusable={busy} aria-label={`恢复：${place}`} onClick={() => onRestore(finding)}>
            恢复
          </Button>
        ) : (
          <>
            {d.fix && (
              <Button size="small" appearance="outline" icon={<WrenchRegular />} disabledFocusable={busy || cannotFix} aria-label={`修复：${place}`} onClick={() => onFix(finding, d.fix!)}>
                修复
              </Button>
            )}
            <Button size="small" icon={<EyeOffRegular />} disabledFocusable={busy} aria-label={`忽略：${place}`} onClick={() => onIgnore(finding)}>
              忽略
            </Button>
          </>
        )}
      </div>
      {selected && preview}
    </li>
  );
}
