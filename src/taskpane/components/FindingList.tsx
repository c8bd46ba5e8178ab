import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { EyeOffRegular, EyeRegular } from '@fluentui/react-icons';
import { groupFindings, type Finding } from '../group-findings';
import { FindingAreaSection, type FindingHandlers } from './FindingAreaSection';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  ignoredToggle: { alignSelf: 'flex-start' },
});

export interface FindingListProps extends FindingHandlers {
  findings: readonly Finding[];
  ignoredFindings: readonly Finding[];
  showIgnored: boolean;
  onToggleIgnored: () => void;
}

/** The findings by table, then by rule; the ignored ones behind a toggle, where they can be restored. */
export function FindingList({ findings, ignoredFindings, showIgnored, onToggleIgnored, ...handlers }: FindingListProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {findings.length > 0 && (
        <section className={styles.root} aria-label="问题列表" data-testid="findings">
          {groupFindings(findings).map((g) => <FindingAreaSection key={g.area} group={g} ignored={false} {...handlers} />)}
        </section>
      )}
      {/* The last fix's result when no finding took its card's place (it was the last one). */}
      {handlers.resultBefore === null && handlers.resultNode}
      {ignoredFindings.length > 0 && (
        <Button
          className={styles.ignoredToggle}
          appearance="subtle"
          icon={showIgnored ? <EyeOffRegular /> : <EyeRegular />}
          aria-expanded={showIgnored}
          onClick={onToggleIgnored}
          data-testid="toggle-ignored"
        >
          {showIgnored ? `隐藏已忽略的 ${ignoredFindings.length} 项` : `显示已忽略 ${ignoredFindings.length} 项`}
        </Button>
      )}
      {showIgnored && ignoredFindings.length > 0 && (
        <section className={styles.root} aria-label="已忽略的问题" data-testid="ignored-findings">
          {groupFindings(ignoredFindings).map((g) => <FindingAreaSection key={g.area} group={g} ignored {...handlers} resultBefore={undefined} />)}
        </section>
      )}
    </div>
  );
}
