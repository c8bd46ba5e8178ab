import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { countByArea, countBySeverity, type Finding } from '../group-findings';
import { AREA_NAMES, FINDING_AREAS, reportYearText, templateVersionName } from '../labels';
import type { CheckResult } from '../report-host';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  facts: { margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  counts: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: { textAlign: 'right', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  rowHead: { textAlign: 'left', fontWeight: tokens.fontWeightRegular, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  errors: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warnings: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  zero: { color: tokens.colorNeutralForeground4 },
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
  const count = (n: number, className: string) => <span className={n > 0 ? className : styles.zero}>{n}</span>;

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
          <table className={styles.counts} aria-label="各表问题数">
            <thead>
              <tr>
                <th className={styles.rowHead} scope="col">位置</th>
                <th className={styles.cell} scope="col">错误</th>
                <th className={styles.cell} scope="col">警告</th>
              </tr>
            </thead>
            <tbody>
              {FINDING_AREAS.map((area) => (
                <tr key={area} data-testid={`count-${area}`}>
                  <th className={styles.rowHead} scope="row">{AREA_NAMES[area]}</th>
                  <td className={styles.cell} data-testid={`count-${area}-error`}>{count(byArea[area].error, styles.errors)}</td>
                  <td className={styles.cell} data-testid={`count-${area}-warning`}>{count(byArea[area].warning, styles.warnings)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
