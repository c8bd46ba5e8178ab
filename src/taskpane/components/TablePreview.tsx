import { useEffect, useRef } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Table } from '../../docmodel';

const useStyles = makeStyles({
  // The only place that scrolls sideways: a 9-column table does not fit 320 px.
  scroller: {
    position: 'relative',
    overflow: 'auto',
    maxHeight: '300px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 4px',
    minWidth: '28px',
    maxWidth: '160px',
    verticalAlign: 'middle',
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
  },
  highlighted: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    outline: `2px solid ${tokens.colorPaletteRedBorder2}`,
    outlineOffset: '-2px',
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightBold,
  },
  // Row and column labels need room to be read; numbers stay narrow.
  label: { minWidth: '7em', textAlign: 'left' },
  rowHighlighted: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  empty: { color: tokens.colorNeutralForeground4, fontStyle: 'italic' },
});

export interface TablePreviewProps {
  table: Table;
  /** The cell to point at (Word's indices); a null cellIndex marks the whole row. */
  rowIndex: number;
  cellIndex: number | null;
  /** e.g. "表三 预览（只读）". */
  label: string;
}

/**
 * The table as Word lays it out, merges included (gridSpan → colspan, vertical merges → rowspan),
 * read-only, with the finding's cell highlighted and scrolled into view.
 */
export function TablePreview({ table, rowIndex, cellIndex, label }: TablePreviewProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const target = cellIndex === null ? null : visibleCell(table, rowIndex, cellIndex);

  useEffect(() => {
    // Bring the preview into view (it may open below the fold), then the cell inside it.
    const box = scroller.current;
    const cell = box?.querySelector<HTMLElement>('[data-highlighted="true"]');
    if (!box || !cell) return;
    box.scrollTop = Math.max(0, cell.offsetTop - box.clientHeight / 2);
    // Scroll sideways only as far as the cell needs, so as much of the row labels as possible stays in view.
    box.scrollLeft = Math.max(0, cell.offsetLeft + cell.offsetWidth - box.clientWidth + 8);
    box.scrollIntoView?.({ block: 'nearest' });
  }, [table, rowIndex, cellIndex]);

  return (
    <div ref={scroller} className={styles.scroller} role="region" aria-label={label} tabIndex={0} data-testid="table-preview">
      <table className={styles.table}>
        <tbody>
          {table.rows.map((row) => {
            const wholeRow = cellIndex === null && row.rowIndex === rowIndex;
            return (
              <tr key={row.rowIndex} className={wholeRow ? styles.rowHighlighted : undefined} data-highlighted={wholeRow || undefined}>
                {row.gridBefore > 0 && <td colSpan={row.gridBefore} aria-hidden="true" />}
                {row.cells.filter((c) => c.verticalMerge !== 'continue').map((c) => {
                  const highlighted = target !== null && target.rowIndex === row.rowIndex && target.cellIndex === c.cellIndex;
                  return (
                    <td
                      key={c.cellIndex}
                      colSpan={c.gridSpan > 1 ? c.gridSpan : undefined}
                      rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
                      className={mergeClasses(styles.cell, c.text.trim().length > 3 && styles.label, highlighted && styles.highlighted)}
                      aria-current={highlighted || undefined}
                      data-highlighted={highlighted || undefined}
                      data-testid={highlighted ? 'highlighted-cell' : undefined}
                    >
                      {c.text.trim() !== '' ? c.text : highlighted ? <span className={styles.empty}>（空）</span> : ''}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A vertically merged continuation cell is drawn by the cell starting the merge above it. */
export function visibleCell(table: Table, rowIndex: number, cellIndex: number): { rowIndex: number; cellIndex: number } | null {
  const row = table.rows.find((r) => r.rowIndex === rowIndex);
  const cell = row?.cells.find((c) => c.cellIndex === cellIndex);
  if (!row || !cell) return null;
  if (cell.verticalMerge !== 'continue') return { rowIndex, cellIndex };
  for (let r = table.rows.indexOf(row) - 1; r >= 0; r--) {
    const above = table.rows[r].cells.find((c) => c.gridColumn === cell.gridColumn);
    if (above && above.verticalMerge !== 'continue') return { rowIndex: table.rows[r].rowIndex, cellIndex: above.cellIndex };
  }
  return null;
}
