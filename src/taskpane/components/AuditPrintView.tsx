import { makeStyles, tokens } from '@fluentui/react-components';
import { AUDIT_STATE_NAMES, type AuditRow } from '../../audit/audit-record';

const useStyles = makeStyles({
  // Only on paper: the screen shows the pane, the printout this record.
  root: { display: 'none', '@media print': { display: 'block' } },
  title: { fontSize: '16pt', margin: '0 0 4pt' },
  meta: { margin: '0 0 8pt', fontSize: '10pt' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: '9pt' },
  cell: { border: '1px solid #000', padding: '2pt 4pt', textAlign: 'left', verticalAlign: 'top', color: tokens.colorNeutralForeground1 },
});

export interface AuditPrintViewProps {
  document: string;
  checkedAt: Date;
  rows: readonly AuditRow[];
}

/** The 检查记录 as a printable page (the browser's print dialog, or save as PDF). */
export function AuditPrintView({ document, checkedAt, rows }: AuditPrintViewProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label="检查记录（打印）" data-testid="audit-print">
      <h1 className={styles.title}>政务公开年报检查记录</h1>
      <p className={styles.meta}>文件：{document}　导出时间：{checkedAt.toLocaleString('zh-CN')}　共 {rows.length} 项</p>
      <table className={styles.table}>
        <thead>
          <tr>{['位置', '级别', '问题', '状态', '处理', '处理时间'].map((h) => <th key={h} className={styles.cell} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r, n) => (
            <tr key={n} data-testid="audit-row" data-state={r.state}>
              <td className={styles.cell}>{r.place}</td>
              <td className={styles.cell}>{r.severity}</td>
              <td className={styles.cell}>{r.message}</td>
              <td className={styles.cell}>{AUDIT_STATE_NAMES[r.state]}</td>
              <td className={styles.cell}>{[r.action, r.who].filter(Boolean).join(' · ')}</td>
              <td className={styles.cell}>{r.when ? new Date(r.when).toLocaleString('zh-CN') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
