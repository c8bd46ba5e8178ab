import { useId, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import type { SumEvidence } from '../../rules';

const useStyles = makeStyles({
  toggle: { alignSelf: 'flex-start', padding: 0, minWidth: 0, height: 'auto', fontSize: tokens.fontSizeBase200 },
  lines: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
});

/** The relations behind a sum finding, one per line, shown on demand. */
export function SumWhy({ evidence }: { evidence: SumEvidence }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <Button
        className={styles.toggle}
        appearance="transparent"
        size="small"
        icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        data-testid="sum-why"
      >
        为什么
      </Button>
      {open && (
        <ul id={id} className={styles.lines} aria-label="不成立的关系" data-testid="sum-evidence">
          {evidence.relations.map((r, n) => <li key={n}>{r.text}</li>)}
        </ul>
      )}
    </>
  );
}
