import { useEffect, useRef } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  position: { marginRight: 'auto' },
});

export interface FindingNavigatorProps {
  /** The selected finding's position in the list, or -1. */
  index: number;
  count: number;
  onMove: (step: 1 | -1) => void;
}

/** Alt+↓ / Alt+↑ anywhere in the pane: next / previous finding. */
export const NEXT_SHORTCUT = 'Alt+ArrowDown';
export const PREVIOUS_SHORTCUT = 'Alt+ArrowUp';

/** 上一个 / 下一个: walks the findings in the order shown, selecting each (Word selects its cell). */
export function FindingNavigator({ index, count, onMove }: FindingNavigatorProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="group" aria-label="逐项查看" data-testid="finding-navigator">
      <span className={styles.position} aria-live="polite" data-testid="finding-position">
        {index >= 0 ? `第 ${index + 1} / ${count} 项` : `共 ${count} 项`}
      </span>
      <Button size="small" appearance="subtle" icon={<ArrowUpRegular />} aria-keyshortcuts={PREVIOUS_SHORTCUT} title="上一个（Alt+↑）" onClick={() => onMove(-1)}>
        上一个
      </Button>
      <Button size="small" appearance="subtle" icon={<ArrowDownRegular />} aria-keyshortcuts={NEXT_SHORTCUT} title="下一个（Alt+↓）" onClick={() => onMove(1)}>
        下一个
      </Button>
    </div>
  );
}

/** Listens for the shortcuts while there are findings to move between. */
export function useFindingShortcuts(enabled: boolean, onMove: (step: 1 | -1) => void): void {
  const latest = useRef(onMove);
  latest.current = onMove;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      event.preventDefault();
      latest.current(event.key === 'ArrowDown' ? 1 : -1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
