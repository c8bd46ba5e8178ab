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
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  // Header rows and the row labels stay in view while the numbers scroll (at 320 px most do).
  stickyHead: { position: 'sticky', top: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground3 },
  stickyLabel: { position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  stickyCorner: { zIndex: 3, backgroundColor: tokens.colorNeutralBackground3 },
  addend: { backgroundColor: tokens.colorPaletteBlueBackground2, color: tokens.colorNeutralForeground1 },
  changed: { outline: `2px solid ${tokens.colorPaletteRedBorder2}`, outlineOffset: '-2px', color: tokens.colorNeutralForeground1, whiteSpace: 'nowrap' },
  before: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  after: { fontWeight: tokens.fontWeightBold, color: tokens.colorPaletteRedForeground1 },
  caption: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
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
  /** Cells a repair changes (shown before → after) and the addends of the relations concerned (tinted). */
  marks?: PreviewMarks;
  /** Rows at the top that are headers, and grid columns holding row labels: both kept in view. */
  headerRows?: number;
  labelColumns?: number;
  /** Says which row and column the highlighted cell is in, above the table. */
  caption?: string;
}

export interface PreviewMarks {
  changes: { rowIndex: number; cellIndex: number; to: string }[];
  addends: { rowIndex: number; cellIndex: number }[];
}

/**
 * The table as Word lays it out, merges included (gridSpan → colspan, vertical merges → rowspan),
 * read-only, with the finding's cell highlighted and scrolled into view.
 */
export function TablePreview({ table, rowIndex, cellIndex, label, marks, headerRows = 0, labelColumns = 0, caption }: TablePreviewProps) {
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

  const at = (list: { rowIndex: number; cellIndex: number }[] | undefined, r: number, c: number) => list?.find((m) => m.rowIndex === r && m.cellIndex === c);
  const renderRow = (row: Table['rows'][number], inHead: boolean) => {
    const wholeRow = cellIndex === null && row.rowIndex === rowIndex;
    return (
      <tr key={row.rowIndex} className={wholeRow ? styles.rowHighlighted : undefined} data-highlighted={wholeRow || undefined}>
        {row.gridBefore > 0 && <td colSpan={row.gridBefore} aria-hidden="true" />}
        {row.cells.filter((c) => c.verticalMerge !== 'continue').map((c) => {
          const highlighted = target !== null && target.rowIndex === row.rowIndex && target.cellIndex === c.cellIndex;
          const change = at(marks?.changes, row.rowIndex, c.cellIndex) as PreviewMarks['changes'][number] | undefined;
          const addend = at(marks?.addends, row.rowIndex, c.cellIndex) !== undefined;
          const isLabel = labelColumns > 0 && c.gridColumn < labelColumns && c.gridColumn + c.gridSpan === labelColumns;
          const Cell = inHead ? 'th' : 'td';
          return (
            <Cell
              key={c.cellIndex}
              colSpan={c.gridSpan > 1 ? c.gridSpan : undefined}
              rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
              className={mergeClasses(
                styles.cell, c.text.trim().length > 3 && styles.label, addend && styles.addend, isLabel && styles.stickyLabel,
                isLabel && inHead && styles.stickyCorner, highlighted && styles.highlighted, change && styles.changed,
              )}
              aria-current={highlighted || undefined}
              data-highlighted={highlighted || undefined}
              data-testid={highlighted ? 'highlighted-cell' : change ? 'changed-cell' : addend ? 'addend-cell' : undefined}
            >
              {change ? (
                <>
                  <span className={styles.before}>{c.text.trim() || '（空）'}</span> → <span className={styles.after}>{change.to}</span>
                </>
              ) : c.text.trim() !== '' ? c.text : highlighted ? <span className={styles.empty}>（空）</span> : ''}
            </Cell>
          );
        })}
      </tr>
    );
  };
  const head = table.rows.slice(0, headerRows);
  const body = table.rows.slice(headerRows);

  return (
    <>
      {caption && <p className={styles.caption} data-testid="preview-caption">{caption}</p>}
      <div ref={scroller} className={styles.scroller} role="region" aria-label={label} tabIndex={0} data-testid="table-preview">
        <table className={styles.table}>
          {head.length > 0 && <thead className={styles.stickyHead}>{head.map((r) => renderRow(r, true))}</thead>}
          <tbody>{body.map((r) => renderRow(r, false))}</tbody>
        </table>
      </div>
    </>
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
