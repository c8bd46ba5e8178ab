import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Fix } from '../../edits/types';
import type { AreaGroup, Finding } from '../group-findings';
import { AREA_NAMES, AREA_SUBTITLES, ruleName } from '../labels';
import { FindingCard } from './FindingCard';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subtitle: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalS },
  ruleHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  slot: { listStyleType: 'none' },
  list: { margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface FindingHandlers {
  busy: boolean;
  selectedId: string | null;
  onSelect: (finding: Finding) => void;
  onFix: (finding: Finding, fix: Fix) => void;
  onIgnore: (finding: Finding) => void;
  onRestore: (finding: Finding) => void;
  /** The document cannot be written (read-only, protected): fix buttons are disabled. */
  cannotFix?: boolean;
  /** The preview shown under the selected finding (browser only). */
  renderPreview?: (finding: Finding) => ReactNode;
  /** The result of the last fix, shown where its card was: before this finding's card. */
  resultBefore?: string | null;
  resultNode?: ReactNode;
}

export interface FindingAreaSectionProps extends FindingHandlers {
  group: AreaGroup;
  ignored: boolean;
}

/** One table's (or the headings') findings, by rule. */
export function FindingAreaSection({ group, ignored, ...handlers }: FindingAreaSectionProps) {
  const styles = useStyles();
  const headingId = `${ignored ? 'ignored' : 'area'}-${group.area}`;
  const count = group.rules.reduce((n, r) => n + r.findings.length, 0);
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid={`area-${group.area}`}>
      <h2 id={headingId} className={styles.heading} tabIndex={-1}>
        {AREA_NAMES[group.area]}
        {' '}<span className={styles.subtitle}>{AREA_SUBTITLES[group.area]} · {count} 项</span>
      </h2>
      {group.rules.map(({ rule, findings }) => (
        <div key={rule} data-testid={`rule-${rule}`}>
          <h3 className={styles.ruleHeading}>{ruleName(rule)}（{findings.length}）</h3>
          <ul className={styles.list}>
            {findings.map((f) => [
              handlers.resultBefore === f.id && <li key="fix-result" className={styles.slot}>{handlers.resultNode}</li>,
              <FindingCard
                key={f.id}
                finding={f}
                ignored={ignored}
                selected={handlers.selectedId === f.id}
                busy={handlers.busy}
                cannotFix={handlers.cannotFix}
                onSelect={handlers.onSelect}
                onFix={handlers.onFix}
                onIgnore={handlers.onIgnore}
                onRestore={handlers.onRestore}
                preview={handlers.selectedId === f.id ? handlers.renderPreview?.(f) : undefined}
                expandable={!!handlers.renderPreview}
              />,
            ])}
          </ul>
        </div>
      ))}
    </section>
  );
}
