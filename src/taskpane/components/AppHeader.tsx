import { makeStyles, tokens } from '@fluentui/react-components';
import { CURRENT_FORMAT } from '../../template';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  subtitle: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export interface AppHeaderProps {
  standalone: boolean;
}

export function AppHeader({ standalone }: AppHeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <h1 className={styles.title}>政务公开年报检查</h1>
      <p className={styles.subtitle}>
        按{CURRENT_FORMAT.notice}格式检查政府信息公开工作年度报告{standalone ? '（浏览器版）' : ''}
      </p>
    </header>
  );
}
