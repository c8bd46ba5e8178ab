import { makeStyles, tokens } from '@fluentui/react-components';
import type { DocumentModel } from '../../docmodel';
import type { Diagnostic } from '../../rules';
import { AREA_NAMES } from '../labels';
import { sumPreview } from './sum-preview';
import { TablePreview } from './TablePreview';

const useStyles = makeStyles({
  note: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  paragraph: {
    margin: 0,
    padding: tokens.spacingVerticalS,
    borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
  },
});

export interface FindingPreviewProps {
  document: DocumentModel;
  diagnostic: Diagnostic;
}

/** Where a finding is, shown rather than described: its table with the cell marked, or its paragraph. */
export function FindingPreview({ document, diagnostic }: FindingPreviewProps) {
  const styles = useStyles();
  const location = diagnostic.location;
  if (!location) return <p className={styles.note}>此问题没有具体位置（例如整张表格缺失）。</p>;
  if ('paragraphIndex' in location) {
    const paragraph = document.paragraphs.find((p) => p.paragraphIndex === location.paragraphIndex);
    return (
      <blockquote className={styles.paragraph} aria-label="所在段落（只读）" data-testid="paragraph-preview">
        {paragraph?.text.trim() || '（空段落）'}
      </blockquote>
    );
  }
  const table = document.tables.find((t) => t.tableIndex === location.tableIndex);
  if (!table) return <p className={styles.note}>找不到所在表格：文档可能已经改变，请重新检查。</p>;
  const name = diagnostic.table === 'text' ? `第 ${location.tableIndex + 1} 个表格` : AREA_NAMES[diagnostic.table];
  const sums = diagnostic.sums ? sumPreview(diagnostic, location.tableIndex) : {};
  return <TablePreview table={table} rowIndex={location.rowIndex} cellIndex={location.cellIndex} label={`${name} 预览（只读）`} {...sums} />;
}
