import { standardTableXml } from '../generate/table-ooxml';
import { TABLE_IDS, templateTable, CURRENT_VARIANT, template, type TableId } from '../template';
import type { Fix } from '../edits/types';
import type { RuleContext } from './types';
import { describePlace } from './places';
import { docsPath, type Rule } from './types';

/** A standard table absent from a document that is a report. */
export const missingTable: Rule = {
  meta: { id: 'missing-table', severity: 'error', fixes: 'suggestion', name: '缺少表格', description: '缺少标准表格', docs: docsPath('missing-table') },
  check(context) {
    const { report } = context;
    if (!report.isReport) return [];
    return TABLE_IDS.filter((id) => !report.tables.some((t) => t.id === id)).map((id) => {
      const t = templateTable(id, CURRENT_VARIANT);
      const heading = headingOf(context, id);
      return {
        rule: 'missing-table' as const, severity: 'error' as const, table: id, row: null, column: null,
        message: `${describePlace(id, null, null)}（${t.title}）未找到：年度报告必须包含该表格。`,
        location: heading ? { paragraphIndex: heading.paragraphIndex } : null,
        fix: null,
        suggestions: heading ? [insertTable(id, heading)] : [],
      };
    });
  },
};

/** The section heading the table belongs under, if the document has it. */
function headingOf({ report, document }: RuleContext, id: TableId) {
  const index = template.headings.findIndex((h) => h.table === id);
  const match = report.headings.find((h) => h.headingIndex === index);
  return match ? document.paragraphs.find((p) => p.paragraphIndex === match.paragraphIndex) ?? null : null;
}

function insertTable(id: TableId, heading: { paragraphIndex: number; text: string }): Fix {
  return {
    description: `在“${heading.text.trim()}”下插入标准表${templateTable(id, CURRENT_VARIANT).numeral}（数值为 0，请按实际填写）`,
    edits: [{ kind: 'insert-after', after: { paragraphIndex: heading.paragraphIndex }, expected: heading.text, xml: standardTableXml(id, CURRENT_VARIANT) }],
  };
}
