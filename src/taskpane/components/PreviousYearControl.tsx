import { useRef } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { HistoryRegular } from '@fluentui/react-icons';
import type { PreviousYearNumbers } from '../../rules';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  state: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  hiddenInput: { display: 'none' },
});

export interface PreviousYearControlProps {
  numbers: PreviousYearNumbers | null;
  disabled: boolean;
  onChoose: (file: File) => void;
  onClear: () => void;
}

/**
 * 对比上一年报告: the user picks last year's .docx (a file input works in Word's pane too); only its
 * numbers are kept, with this document.
 */
export function PreviousYearControl({ numbers, disabled, onChoose, onClear }: PreviousYearControlProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.root} data-testid="previous-year">
      <Button size="small" icon={<HistoryRegular />} disabled={disabled} onClick={() => input.current?.click()}>
        对比上一年报告
      </Button>
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        aria-label="选择上一年度的报告（.docx）"
        data-testid="previous-year-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onChoose(file);
        }}
      />
      {numbers && (
        <>
          <p className={styles.state}>已对比：{numbers.source}（{numbers.year} 年度）</p>
          <Button size="small" appearance="subtle" disabled={disabled} onClick={onClear}>不再对比</Button>
        </>
      )}
    </div>
  );
}
