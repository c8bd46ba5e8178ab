import { docsPath, type Rule } from './types';

/**
 * Content embedded as another format (w:altChunk: HTML, RTF, a whole .docx) is converted by Word
 * when it opens the file; read as it is stored, its tables cannot be checked. Saying so keeps a
 * report whose tables are embedded from passing as checked and clean.
 */
export const embeddedContent: Rule = {
  meta: { id: 'embedded-content', severity: 'error', fixes: 'none', name: '含无法检查的嵌入内容', description: '文档含嵌入内容（altChunk），无法检查', docs: docsPath('embedded-content') },
  check({ document }) {
    const count = document.altChunks ?? 0;
    if (count === 0) return [];
    return [{
      rule: 'embedded-content', severity: 'error', table: 'text', row: null, column: null,
      message: `文档中有 ${count} 处以其他格式嵌入的内容（altChunk，常见于系统导出或网页转换的文件），其中的表格和文字无法检查。请在 Word 或 WPS 中打开并另存为 .docx 后再检查。`,
      location: null, fix: null, suggestions: [],
    }];
  },
};
