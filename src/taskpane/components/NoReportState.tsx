import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { TemplateChoice } from '../../hosts/report-host';
import { TemplateMenu } from './TemplateMenu';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

export interface NoReportStateProps {
  standalone: boolean;
  disabled: boolean;
  onTemplate: (choice: TemplateChoice) => void;
}

/** The document has none of 表二/三/四: say so, and offer the standard template instead of an empty list. */
export function NoReportState({ standalone, disabled, onTemplate }: NoReportStateProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label="未找到年报表格" data-testid="no-report">
      <MessageBar layout="multiline" intent="warning" role="status">
        <MessageBarBody>
          <MessageBarTitle>未找到年报表格</MessageBarTitle>
          文档中没有找到表二（主动公开）、表三（依申请公开）或表四（行政复议、行政诉讼）。
          {standalone ? '可以下载空白的标准模板，在其中填写。' : '可以在光标处插入标准模板。'}
        </MessageBarBody>
      </MessageBar>
      <TemplateMenu standalone={standalone} disabled={disabled} onChoose={onTemplate} appearance="primary" />
    </section>
  );
}
