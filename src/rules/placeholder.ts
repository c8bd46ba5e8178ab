import { textPhrases } from '../template';
import { excerpt } from './text/sections';
import { docsPath, type Diagnostic, type Rule } from './types';

const PLACEHOLDERS = textPhrases.placeholders.map((p) => ({ ...p, regex: new RegExp(p.pattern, 'u') }));

/**
 * Text left from a template or a draft (某某, XX, ×××, （请在此处…）): a report is not finished while
 * it has any. This includes the blank report `nianbao template` writes, until it is filled in.
 */
export const placeholder: Rule = {
  meta: { id: 'placeholder', severity: 'error', fixes: 'none', name: '留有模板占位文字', description: '正文中留有模板占位文字（某某、XX、请在此处…）', docs: docsPath('placeholder') },
  check({ document }) {
    return document.blocks.flatMap((block): Diagnostic[] => {
      if (block.kind !== 'paragraph') return [];
      const found = PLACEHOLDERS.map((p) => ({ p, m: p.regex.exec(block.text) })).filter((x) => x.m !== null);
      if (found.length === 0) return [];
      const first = found[0].m!;
      return [{
        rule: 'placeholder', severity: 'error', table: 'text', row: null, column: null,
        message: `正文留有模板占位文字${found.map((x) => x.p.description).join('、')}（“${excerpt(block.text, first.index, first.index + first[0].length)}”），请替换为实际内容。`,
        location: { paragraphIndex: block.paragraphIndex }, fix: null, suggestions: [],
      }];
    });
  },
};
