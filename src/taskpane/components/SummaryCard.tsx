import type { MouseEvent } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { countByArea, countBySeverity, type Finding } from '../group-findings';
import { AREA_NAMES, FINDING_AREAS, reportYearText, templateVersionName } from '../labels';
import type { CheckResult } from '../../hosts/report-host';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  facts: { margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  // A chip is a link to its table's findings.
  chip: {
    display: 'inline-flex',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'baseline',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusCircular,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'nowrap',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, textDecorationLine: 'underline' },
  },
  chipName: { fontWeight: tokens.fontWeightSemibold },
  errors: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warnings: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface SummaryCardProps {
  result: CheckResult;
  /** The findings not ignored. */
  findings: readonly Finding[];
  ignoredCount: number;
}

/** What was found at a glance: format, year, and how many problems in which table. */
export function SummaryCard({ result, findings, ignoredCount }: SummaryCardProps) {
  const styles = useStyles();
  const total = countBySeverity(findings);
  const byArea = countByArea(findings);
  const ignoredNote = ignoredCount > 0 ? `（另有 ${ignoredCount} 项已忽略）` : '';
  // The link moves focus to the table's heading, so the keyboard continues from there.
  const jump = (event: MouseEvent, area: string) => {
    const heading = document.getElementById(`area-${area}`);
    if (!heading) return;
    event.preventDefault();
    heading.scrollIntoView({ block: 'start' });
    heading.focus();
  };

  return (
    <section className={styles.root} aria-label="检查摘要" data-testid="summary">
      <dl className={styles.facts}>
        <dt className={styles.term}>表格格式</dt>
        <dd className={styles.value} data-testid="summary-template">{templateVersionName(result.lint.template)}</dd>
        <dt className={styles.term}>报告年度</dt>
        <dd className={styles.value} data-testid="summary-year">{reportYearText(result.lint.year)}</dd>
      </dl>
      {findings.length === 0 ? (
        <MessageBar layout="multiline" intent="success" role="status" tabIndex={-1} data-testid="no-problems">
          <MessageBarBody>
            <MessageBarTitle>未发现问题</MessageBarTitle>
            表格、勾稽关系和章节标题均符合所检查的标准格式。{ignoredNote}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <p role="status" tabIndex={-1} data-testid="summary-total" style={{ margin: 0 }}>
            共 {total.error} 个错误，{total.warning} 个警告。{ignoredNote}
          </p>
          <nav aria-label="各表问题数" className={styles.chips}>
            {FINDING_AREAS.filter((area) => byArea[area].error + byArea[area].warning > 0).map((area) => (
              <a key={area} className={styles.chip} href={`#area-${area}`} onClick={(e) => jump(e, area)} data-testid={`count-${area}`}>
                <span className={styles.chipName}>{AREA_NAMES[area]}</span>
                {byArea[area].error > 0 && <span className={styles.errors}><span data-testid={`count-${area}-error`}>{byArea[area].error}</span> 错误</span>}
                {byArea[area].warning > 0 && <span className={styles.warnings}><span data-testid={`count-${area}-warning`}>{byArea[area].warning}</span> 警告</span>}
              </a>
            ))}
          </nav>
        </>
      )}
    </section>
  );
}
