import { rules, type Diagnostic, type Rule } from '../../src/rules';
import { insertParagraphAfter, paragraph, renderDocx, seedSpec, withFeeStatement } from './fixtures';

/** The two texts the flip-flop rule swaps: each is "wrong" and fixed into the other. */
export const FLIP = '甲方案';
export const FLOP = '乙方案';

/**
 * A rule that never settles: a paragraph reading FLIP is fixed to FLOP and FLOP back to FLIP, so
 * fix-all returns to the document it started from after two passes. Only cycle detection stops it
 * before the pass limit. Registered for the duration of a test (`withFlipFlopRule`).
 */
const flipFlop: Rule = {
  meta: { id: 'placeholder', severity: 'error', fixes: 'fix', name: '测试：来回改', description: 'test only', docs: 'docs/rules/placeholder.md' },
  check: ({ document }) => document.paragraphs.filter((p) => p.text === FLIP || p.text === FLOP).map((p): Diagnostic => ({
    rule: 'placeholder', severity: 'error', table: 'text', row: null, column: null, message: `来回改：${p.text}`,
    location: { paragraphIndex: p.paragraphIndex },
    fix: { description: `改为${p.text === FLIP ? FLOP : FLIP}`, edits: [{ kind: 'set-paragraph-text', paragraphIndex: p.paragraphIndex, expected: p.text, text: p.text === FLIP ? FLOP : FLIP }] },
    suggestions: [],
  })),
};

export async function withFlipFlopRule<T>(run: () => Promise<T> | T): Promise<T> {
  const registry = rules as Rule[];
  registry.push(flipFlop);
  try {
    return await run();
  } finally {
    registry.splice(registry.indexOf(flipFlop), 1);
  }
}

/** Seed 002 (clean) with one FLIP paragraph at the end of its first section. */
export const flipFlopDocx = () => renderDocx(insertParagraphAfter(withFeeStatement(seedSpec('002')), '一、总体情况', paragraph(FLIP)));
