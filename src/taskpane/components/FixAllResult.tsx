import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowUndoRegular, DismissRegular } from '@fluentui/react-icons';
import type { Diagnostic } from '../../rules';
import { placeText } from '../place';
import type { FixAllOutcome } from '../../hosts/report-host';

const useStyles = makeStyles({
  details: { marginTop: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200 },
  list: { margin: `${tokens.spacingVerticalXXS} 0`, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

export interface FixAllResultProps {
  outcome: FixAllOutcome;
  /** Findings left for the user (the remaining ones not ignored). */
  needsUser: readonly Diagnostic[];
  onDismiss: () => void;
  /** Takes the whole 全部修复 back (when the host can). */
  onUndo?: () => void;
  /** In Word, Ctrl+Z takes it back too. */
  inWord?: boolean;
  /** Saves a fixed copy of the document (WPS without XML insertion), offered when some fixes could not be made in it. */
  onSaveFixedCopy?: () => void;
}

const placeOf = (d: Diagnostic) => placeText(d);

/** The line after 全部修复: what was fixed, what could not be, what is left for the user. */
export function FixAllResult({ outcome, needsUser, onDismiss, onUndo, inWord = false, onSaveFixedCopy }: FixAllResultProps) {
  const styles = useStyles();
  const { applied, skipped } = outcome;
  const parts = [applied.length > 0 ? `已修复 ${applied.length} 项` : '没有可自动修复的问题'];
  if (skipped.length > 0) parts.push(`${skipped.length} 项未能修复`);
  parts.push(needsUser.length > 0 ? `${needsUser.length} 项需要您处理` : '没有需要您处理的问题');
  const line = parts.join('；') + '。';

  return (
    <MessageBar intent={needsUser.length > 0 || skipped.length > 0 ? 'warning' : 'success'} layout="multiline" data-testid="fix-all-result">
      <MessageBarBody>
        <MessageBarTitle>全部修复</MessageBarTitle>
        <span role="status">{line}</span>
        {inWord && applied.length > 0 && <span> 可在 Word 中按 Ctrl+Z 撤销。</span>}
        {outcome.notes?.map((note) => <p key={note} className={styles.details} data-testid="fix-all-note">{note}</p>)}
        {(applied.length > 0 || skipped.length > 0) && (
          <details className={styles.details}>
            <summary>详情</summary>
            {applied.length > 0 && (
              <ul className={styles.list} aria-label="已修复">
                {applied.map((a, n) => <li key={n}>{placeOf(a.diagnostic)}：{a.description}</li>)}
              </ul>
            )}
            {skipped.length > 0 && (
              <ul className={styles.list} aria-label="未能修复">
                {skipped.map((s, n) => <li key={n}>{placeOf(s.diagnostic)}：{s.reason}</li>)}
              </ul>
            )}
          </details>
        )}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label="关闭修复结果" icon={<DismissRegular />} onClick={onDismiss} />}>
        {onUndo && <Button size="small" appearance="outline" icon={<ArrowUndoRegular />} onClick={onUndo} data-testid="undo-fix-all">撤销</Button>}
        {onSaveFixedCopy && skipped.length > 0 && (
          <Button size="small" appearance="primary" icon={<ArrowDownloadRegular />} onClick={onSaveFixedCopy} data-testid="save-fixed-copy">下载修复后的副本</Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
