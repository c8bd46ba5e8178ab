import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ArrowUndoRegular } from '@fluentui/react-icons';

export interface FixResult {
  /** Where the fix wrote (the finding's place), or null for 全部修复. */
  place: string | null;
  /** What changed ("填入 0"), or why it was not applied. */
  text: string;
  applied: boolean;
  /** Offered when the host can take the step back. */
  canUndo: boolean;
  /** Undone already: says so instead of offering 撤销 again. */
  undone: boolean;
}

export interface FixResultCardProps {
  result: FixResult;
  /** In Word, Word's own Ctrl+Z works too (and is the only way for structural fixes). */
  inWord: boolean;
  busy: boolean;
  onUndo: () => void;
}

/** What a 修复 did, shown where its card was, with 撤销. */
export function FixResultCard({ result, inWord, busy, onUndo }: FixResultCardProps) {
  const title = !result.applied ? '未能修复' : result.undone ? '已撤销' : '已修复';
  const ctrlZ = inWord && result.applied && !result.undone ? '也可在 Word 中按 Ctrl+Z 撤销。' : '';
  return (
    <MessageBar layout="multiline" intent={result.applied ? (result.undone ? 'info' : 'success') : 'warning'} data-testid="fix-result" role="status">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {result.place && <span data-testid="fix-result-place">{result.place}：</span>}
        <span data-testid="fix-result-text">{result.text}</span>
        {ctrlZ && <span> {ctrlZ}</span>}
      </MessageBarBody>
      {result.applied && !result.undone && result.canUndo && (
        <MessageBarActions>
          <Button size="small" appearance="outline" icon={<ArrowUndoRegular />} disabledFocusable={busy} onClick={onUndo} data-testid="undo">
            撤销
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
